namespace Attune.Engine.Adaptation;

/// <summary>
/// One person's learned state: a Bayesian linear reward model per preset (created from the prior on
/// first use), outcome summaries per preset, and the sound classes the person has ruled out.
/// Serialises to a versioned JSON document (<see cref="ToJson"/>, <see cref="FromJson"/>).
/// </summary>
public sealed class PersonalizerState
{
    /// <summary>Reward noise variance σ²: session-to-session spread of the reward (≈ 0.1 on the arousal scale).</summary>
    public const double DefaultNoiseVariance = 0.01;
    /// <summary>Flat prior variance per weight: rewards are of order ±0.3, so weights rarely exceed ±0.4.</summary>
    public const double DefaultPriorVariance = 0.04;
    /// <summary>
    /// Between-person variance per weight added to a population posterior (SD 0.05): large enough that a
    /// person's own sessions overturn the population ranking within a few sessions, small enough to keep it at first.
    /// </summary>
    public const double DefaultIndividualVariance = 0.0025;

    private readonly SortedDictionary<string, BayesianLinearModel> _models = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, BayesianLinearModel> _priors = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, PresetSummary> _summaries = new(StringComparer.Ordinal);

    internal PersonalizerState(BayesianLinearModel defaultPrior)
    {
        if (defaultPrior.Dimension != PersonalizerContext.Dimension)
            throw new ArgumentException($"defaultPrior must have dimension {PersonalizerContext.Dimension}", nameof(defaultPrior));
        DefaultPrior = defaultPrior;
    }

    /// <summary>The prior of any preset without its own population prior.</summary>
    public BayesianLinearModel DefaultPrior { get; }

    /// <summary>Sound classes the person has ruled out (by a tagged dislike or by hand).</summary>
    public SoundClass ExcludedClasses { get; private set; }

    /// <summary>Preset names with a learned model, population prior or summary, in ordinal order.</summary>
    public IReadOnlyCollection<string> KnownPresets
    {
        get
        {
            var names = new SortedSet<string>(_models.Keys, StringComparer.Ordinal);
            names.UnionWith(_priors.Keys);
            names.UnionWith(_summaries.Keys);
            return names;
        }
    }

    /// <summary>A fresh state with prior w ~ N(0, priorVariance·I) for every preset.</summary>
    public static PersonalizerState Flat(double priorVariance = DefaultPriorVariance, double noiseVariance = DefaultNoiseVariance) =>
        new(BayesianLinearModel.Isotropic(PersonalizerContext.Dimension, priorVariance, noiseVariance));

    /// <summary>A fresh state whose presets start from the given priors (e.g. from <see cref="FitPopulationPrior"/>).</summary>
    public static PersonalizerState PopulationPrior(IReadOnlyDictionary<string, BayesianLinearModel> presetPriors, BayesianLinearModel defaultPrior)
    {
        ArgumentNullException.ThrowIfNull(presetPriors);
        ArgumentNullException.ThrowIfNull(defaultPrior);
        var state = new PersonalizerState(defaultPrior.Clone());
        foreach (var (name, prior) in presetPriors)
        {
            if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("preset names must be non-empty", nameof(presetPriors));
            if (prior.Dimension != PersonalizerContext.Dimension)
                throw new ArgumentException($"prior of '{name}' must have dimension {PersonalizerContext.Dimension}", nameof(presetPriors));
            state._priors[name] = prior.Clone();
        }
        return state;
    }

    /// <summary>
    /// Cold-start prior from many people's pooled sessions: per preset, Bayesian linear regression of
    /// reward on context from the flat prior, then the posterior covariance plus individualVariance·I
    /// (a random-effects view: a person's weights = population weights + N(0, individualVariance·I)),
    /// so one person's own sessions can still move it. Presets absent from the data, and any preset
    /// added later, start from the same fit over all presets pooled.
    /// </summary>
    public static PersonalizerState FitPopulationPrior(
        IEnumerable<(PersonalizerContext Context, string Preset, double Reward)> pooled,
        double individualVariance = DefaultIndividualVariance,
        double priorVariance = DefaultPriorVariance,
        double noiseVariance = DefaultNoiseVariance)
    {
        ArgumentNullException.ThrowIfNull(pooled);
        if (!(individualVariance >= 0 && double.IsFinite(individualVariance)))
            throw new ArgumentOutOfRangeException(nameof(individualVariance), individualVariance, "individualVariance must be finite and ≥ 0");
        int d = PersonalizerContext.Dimension;
        var all = BayesianLinearModel.Isotropic(d, priorVariance, noiseVariance);
        var fits = new SortedDictionary<string, BayesianLinearModel>(StringComparer.Ordinal);
        var x = new double[d];
        foreach (var (context, preset, reward) in pooled)
        {
            ArgumentNullException.ThrowIfNull(context, nameof(pooled));
            if (string.IsNullOrWhiteSpace(preset)) throw new ArgumentException("preset names must be non-empty", nameof(pooled));
            context.WriteFeatures(x);
            if (!fits.TryGetValue(preset, out var fit))
                fits[preset] = fit = BayesianLinearModel.Isotropic(d, priorVariance, noiseVariance);
            fit.Update(x, reward);
            all.Update(x, reward);
        }
        var priors = new Dictionary<string, BayesianLinearModel>(StringComparer.Ordinal);
        foreach (var (name, fit) in fits) priors[name] = Inflate(fit, individualVariance);
        return PopulationPrior(priors, Inflate(all, individualVariance));
    }

    /// <summary>A copy of the current posterior of <paramref name="presetName"/> (its prior before any session).</summary>
    public BayesianLinearModel Posterior(string presetName) => Model(presetName).Clone();

    /// <summary>The outcome summary of <paramref name="presetName"/> (zero sessions when never played).</summary>
    public PresetSummary Summary(string presetName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(presetName);
        return _summaries.GetValueOrDefault(presetName);
    }

    /// <summary>Rules out <paramref name="classes"/> for this person until restored.</summary>
    public void ExcludeSoundClass(SoundClass classes) => ExcludedClasses |= Known(classes);

    /// <summary>Allows <paramref name="classes"/> again.</summary>
    public void RestoreSoundClass(SoundClass classes) => ExcludedClasses &= ~Known(classes);

    /// <summary>True when <paramref name="preset"/> plays no class this person has ruled out.</summary>
    public bool Allows(MusicPreset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        return preset.Avoids(ExcludedClasses);
    }

    /// <summary>Writes the state as versioned JSON (see <see cref="PersonalizerStateJson"/>).</summary>
    public string ToJson() => PersonalizerStateJson.Write(this);

    /// <summary>Reads a state written by <see cref="ToJson"/>; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static PersonalizerState FromJson(string json) => PersonalizerStateJson.Read(json);

    /// <summary>The live model of a preset, created from its prior on first use.</summary>
    internal BayesianLinearModel Model(string presetName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(presetName);
        if (_models.TryGetValue(presetName, out var model)) return model;
        return _priors.TryGetValue(presetName, out var prior) ? prior : DefaultPrior;
    }

    internal void Record(string presetName, ReadOnlySpan<double> x, SessionOutcome outcome)
    {
        if (!_models.TryGetValue(presetName, out var model))
            _models[presetName] = model = Model(presetName).Clone();
        model.Update(x, outcome.Reward);
        _summaries[presetName] = Summary(presetName).Add(outcome);
        if (outcome.DislikedClasses != SoundClass.None) ExcludeSoundClass(outcome.DislikedClasses);
    }

    internal IEnumerable<KeyValuePair<string, BayesianLinearModel>> Models => _models;
    internal IEnumerable<KeyValuePair<string, BayesianLinearModel>> Priors => _priors;
    internal IEnumerable<KeyValuePair<string, PresetSummary>> Summaries => _summaries;

    internal void Restore(string name, BayesianLinearModel? model, BayesianLinearModel? prior, PresetSummary? summary)
    {
        if (model is not null) _models[name] = model;
        if (prior is not null) _priors[name] = prior;
        if (summary is PresetSummary s) _summaries[name] = s;
    }

    internal const SoundClass AllClasses = SoundClass.TonalSustained | SoundClass.TonalStruck | SoundClass.Metallic
        | SoundClass.PercussiveClicky | SoundClass.Breathy | SoundClass.WaterLike | SoundClass.WindLike
        | SoundClass.Rustling | SoundClass.SteadyNoise;

    private static SoundClass Known(SoundClass classes) =>
        (classes & ~AllClasses) == 0
            ? classes
            : throw new ArgumentOutOfRangeException(nameof(classes), classes, "classes must combine defined SoundClass flags");

    private static BayesianLinearModel Inflate(BayesianLinearModel fit, double individualVariance)
    {
        var covariance = fit.Covariance;
        for (int i = 0; i < fit.Dimension; i++) covariance[i, i] += individualVariance;
        return BayesianLinearModel.FromCovariance(fit.Mean, covariance, fit.NoiseVariance);
    }
}
