namespace Attune.Engine.Simulation;

/// <summary>
/// Draws virtual patients. Preset liking = a population mean per preset (the same for everyone, so
/// one preset is best on average) plus an individual deviation large enough that many people's best
/// preset differs from the population's; conditions, triggers and physiology vary per person.
/// </summary>
public sealed class PatientPopulation
{
    /// <summary>Spread of individual liking around the population mean.</summary>
    public const double IndividualLikingSd = 0.45;

    private readonly double[] _meanLiking;

    /// <param name="presetCount">How many presets the catalog has (liking is drawn per preset).</param>
    /// <param name="seed">Fixes the population means, so every run of a seed meets the same population.</param>
    public PatientPopulation(int presetCount, ulong seed)
    {
        if (presetCount is < 1 or > 64)
            throw new ArgumentOutOfRangeException(nameof(presetCount), presetCount, "presetCount must be in 1–64");
        var random = new SeededRandom(seed ^ 0x5EED_0F_9E0_9E0UL);
        _meanLiking = new double[presetCount];
        for (int i = 0; i < presetCount; i++) _meanLiking[i] = 0.3 * random.NextGaussian();
    }

    /// <summary>Mean liking of each preset across the population.</summary>
    public IReadOnlyList<double> MeanLiking => _meanLiking;

    /// <summary>The preset with the highest mean liking (what a good pre-recorded programme would use).</summary>
    public int PopulationBestPreset
    {
        get
        {
            int best = 0;
            for (int i = 1; i < _meanLiking.Length; i++)
                if (_meanLiking[i] > _meanLiking[best]) best = i;
            return best;
        }
    }

    /// <summary>Draws one patient.</summary>
    public PatientTraits Draw(SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Conditions conditions = Conditions.Tinnitus;
        if (random.NextDouble() < 0.3) conditions |= Conditions.Hyperacusis;
        if (random.NextDouble() < 0.25) conditions |= Conditions.Misophonia;
        double? tinnitusHz = 2000 * Math.Pow(2, 2.5 * random.NextDouble()); // 2–11 kHz, where tonal tinnitus mostly lies
        SoundClass known = SoundClass.None, hidden = SoundClass.None;
        if ((conditions & Conditions.Misophonia) != 0)
        {
            known = random.NextDouble() < 0.5 ? SoundClass.PercussiveClicky : SoundClass.Breathy;
            hidden = random.NextDouble() < 0.6 ? SoundClass.WaterLike : SoundClass.Rustling;
        }
        var profile = new TherapyProfile(conditions, tinnitusHz, excludedClasses: known);
        double[] weights = new double[5];
        double sum = 0;
        for (int k = 0; k < weights.Length; k++) sum += weights[k] = 0.5 + random.NextDouble();
        for (int k = 0; k < weights.Length; k++) weights[k] /= sum;
        double[] liking = new double[_meanLiking.Length];
        for (int i = 0; i < liking.Length; i++)
            liking[i] = Math.Clamp(_meanLiking[i] + IndividualLikingSd * random.NextGaussian(), -1, 1);
        return new PatientTraits(
            profile,
            RestingHeartRateBpm: Math.Clamp(68 + 8 * random.NextGaussian(), 50, 95),
            RestingRmssdMs: Math.Clamp(40 * Math.Exp(0.4 * random.NextGaussian()), 15, 100),
            BreathingBpm: 10 + 8 * random.NextDouble(),
            ResponseSeconds: 60 + 120 * random.NextDouble(),
            LagSeconds: 1 + 2 * random.NextDouble(),
            Pull: 0.5 + 0.4 * random.NextDouble(),
            FeatureWeights: weights,
            MismatchTolerance: 0.15 + 0.15 * random.NextDouble(),
            PresetLiking: liking,
            HiddenTriggers: hidden,
            MeanDayArousal: Math.Clamp(0.65 + 0.08 * random.NextGaussian(), 0.4, 0.9));
    }
}
