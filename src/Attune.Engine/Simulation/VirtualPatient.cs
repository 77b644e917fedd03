using Attune.Engine.Composition;

namespace Attune.Engine.Simulation;

/// <summary>
/// A simulated person: hidden arousal that follows the music's features with a lag and noise, and the
/// observable signals a real session gets — heartbeats (RR intervals with respiratory sinus arrhythmia),
/// self-reports, skips and dislikes. It responds to the intent's features (cheap), not to audio.
/// </summary>
/// <remarks>
/// <para>Each step of dt seconds: the music's arousal-equivalent f is the trait-weighted mean of its
/// features on the <see cref="MusicalIntent.ForArousal"/> scale (tempo, loudness, register, brightness,
/// onset rate). The target is d + pull·(f − d) − 0.12·liking (+0.12 while irritated), where d is the
/// day's starting arousal; music more than the person's tolerance below their arousal irritates (the
/// iso principle's premise: Altshuler 1948). Arousal follows the target delayed by 1–3 s (Schubert 2004)
/// with a 60–180 s time constant plus noise. A sound class the person is triggered by causes arousal
/// spikes (+0.2) and tagged dislikes; irritation and disliked presets cause skips.</para>
/// <para>Physiology: heart rate = resting + 30·(a − 0.5) bpm; RMSSD = resting·e^(−1.6(a − 0.5)), lower
/// when aroused (Kim et al. 2018); RR intervals carry a breathing-rate sinusoid (RSA) and beat noise;
/// breathing drifts toward the pacing rate when pacing is within 60–100 % of it (Leslie et al. 2019).</para>
/// </remarks>
public sealed class VirtualPatient
{
    private const int LagSlots = 8;
    private readonly SeededRandom _random;
    private readonly double[] _targets = new double[LagSlots];
    private double _time, _nextBeat, _breathPhase;
    private int _targetIndex;
    private double _dayArousal;

    public VirtualPatient(PatientTraits traits, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(traits);
        ArgumentNullException.ThrowIfNull(random);
        Traits = traits;
        _random = random;
        BeginSession();
    }

    public PatientTraits Traits { get; }

    /// <summary>The hidden arousal (0..1, 0.5 = baseline).</summary>
    public double Arousal { get; private set; }

    /// <summary>The hidden breathing rate, breaths per minute.</summary>
    public double BreathingBpm { get; private set; }

    /// <summary>Seconds since the session began.</summary>
    public double Time => _time;

    /// <summary>True while the current step's music irritates (it is too far below the person).</summary>
    public bool Irritated { get; private set; }

    public double HeartRateBpm => Traits.RestingHeartRateBpm + 30 * (Arousal - 0.5);

    public double RmssdMs => Traits.RestingRmssdMs * Math.Exp(-1.6 * (Arousal - 0.5));

    /// <summary>Starts a new session: a new day's arousal, the clock at zero.</summary>
    public void BeginSession(double? startArousal = null)
    {
        _dayArousal = startArousal ?? Math.Clamp(Traits.MeanDayArousal + 0.08 * _random.NextGaussian(), 0.3, 0.95);
        Arousal = _dayArousal;
        BreathingBpm = RestingBreathing(Arousal);
        _time = 0;
        _nextBeat = 60 / HeartRateBpm * _random.NextDouble();
        Array.Fill(_targets, Arousal);
    }

    /// <summary>The music's arousal-equivalent for this person (0..1), from the intent's features.</summary>
    public double FeatureArousal(MusicalIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var w = Traits.FeatureWeights;
        double tempo = (intent.TempoBpm - 48) / 52, loud = (intent.LoudnessDb + 12) / 10, register = (intent.Register - 57) / 12;
        double bright = (intent.Brightness - 0.15) / 0.6, density = (intent.Density - 0.1) / 0.8;
        double f = w[0] * tempo + w[1] * loud + w[2] * register + w[3] * bright + w[4] * density;
        return Math.Clamp(f, 0, 1);
    }

    /// <summary>Advances the person by <paramref name="dt"/> seconds under a stimulus and returns what they did.</summary>
    public PatientReaction Step(double dt, in MusicStimulus stimulus)
    {
        if (!(dt > 0 && dt <= 10))
            throw new ArgumentOutOfRangeException(nameof(dt), dt, "dt must be in (0, 10] s");
        ArgumentNullException.ThrowIfNull(stimulus.Intent);
        double f = FeatureArousal(stimulus.Intent);
        double liking = Traits.PresetLiking[stimulus.PresetIndex];
        Irritated = Arousal - f > Traits.MismatchTolerance;
        double target = _dayArousal + Traits.Pull * (f - _dayArousal) - 0.12 * liking + (Irritated ? 0.12 : 0);

        // The target reaches the person after the lag (slots of 1 s).
        _targets[_targetIndex] = target;
        int lagSlots = Math.Clamp((int)Math.Round(Traits.LagSeconds), 1, LagSlots - 1);
        double lagged = _targets[(_targetIndex - lagSlots + LagSlots) % LagSlots];
        _targetIndex = (_targetIndex + 1) % LagSlots;
        Arousal += (lagged - Arousal) * (1 - Math.Exp(-dt / Traits.ResponseSeconds)) + 0.004 * Math.Sqrt(dt) * _random.NextGaussian();

        bool skipped = false, disliked = false;
        SoundClass trigger = stimulus.Classes & (Traits.HiddenTriggers | Traits.Profile.ExcludedClasses);
        SoundClass tag = SoundClass.None;
        if (trigger != SoundClass.None && _random.NextDouble() < dt / 90)
        {
            Arousal += 0.2;
            if (_random.NextDouble() < 0.7)
            {
                disliked = true;
                tag = (SoundClass)((int)trigger & -(int)trigger); // the lowest trigger class in play
            }
            else skipped = true;
        }
        double skipHazard = (Irritated ? 1.0 / 120 : 0) + Math.Max(0, -liking) / 300;
        if (_random.NextDouble() < skipHazard * dt) skipped = true;
        if (!disliked && liking < -0.5 && _random.NextDouble() < dt / 600) disliked = true;
        Arousal = Math.Clamp(Arousal, 0, 1);

        // Breathing drifts toward its resting rate for the arousal, and toward pacing it can follow.
        double rest = RestingBreathing(Arousal);
        BreathingBpm += (rest - BreathingBpm) * (1 - Math.Exp(-dt / 60));
        if (stimulus.PacingBpm >= 0.6 * BreathingBpm && stimulus.PacingBpm <= BreathingBpm)
            BreathingBpm += (stimulus.PacingBpm - BreathingBpm) * (1 - Math.Exp(-dt / 240));
        _time += dt;
        return new PatientReaction(skipped, disliked, tag);
    }

    /// <summary>Advances a resting person (no music) by <paramref name="dt"/> seconds: arousal wanders around where it is.</summary>
    public void Rest(double dt)
    {
        if (!(dt > 0 && dt <= 10))
            throw new ArgumentOutOfRangeException(nameof(dt), dt, "dt must be in (0, 10] s");
        Arousal = Math.Clamp(Arousal + (_dayArousal - Arousal) * (1 - Math.Exp(-dt / Traits.ResponseSeconds))
            + 0.004 * Math.Sqrt(dt) * _random.NextGaussian(), 0, 1);
        BreathingBpm += (RestingBreathing(Arousal) - BreathingBpm) * (1 - Math.Exp(-dt / 60));
        _time += dt;
    }

    /// <summary>Writes the RR intervals (ms) of the beats that end before the current time; returns how many.</summary>
    public int TakeBeats(Span<double> rrMs)
    {
        int n = 0;
        double amplitude = 0.8 * RmssdMs, noise = 0.5 * RmssdMs;
        while (n < rrMs.Length)
        {
            double rr = 60_000 / HeartRateBpm + amplitude * Math.Sin(_breathPhase) + noise * _random.NextGaussian();
            rr = Math.Clamp(rr, 350, 1800);
            if (_nextBeat + rr / 1000 > _time) break;
            _nextBeat += rr / 1000;
            _breathPhase += 2 * Math.PI * BreathingBpm / 60 * rr / 1000;
            rrMs[n++] = rr;
        }
        return n;
    }

    /// <summary>A 0–10 distress rating as the person would give it now.</summary>
    public int DistressRating() => Rate(10 * (0.15 + 0.7 * Arousal) + 0.7 * _random.NextGaussian());

    /// <summary>A 0–10 calm rating as the person would give it now.</summary>
    public int CalmRating() => Rate(10 * (1 - Arousal) + 0.7 * _random.NextGaussian());

    /// <summary>A 1–9 Self-Assessment-Manikin arousal rating as the person would give it now.</summary>
    public int SamArousal() => (int)Math.Clamp(Math.Round(1 + 8 * Arousal + 0.6 * _random.NextGaussian()), 1, 9);

    /// <summary>An end-of-session 0–10 rating of the music of preset <paramref name="presetIndex"/>.</summary>
    public int MusicRating(int presetIndex) => Rate(5 + 4 * Traits.PresetLiking[presetIndex] + 0.8 * _random.NextGaussian());

    private double RestingBreathing(double arousal) => Traits.BreathingBpm * (1 + 0.4 * (arousal - 0.5));

    private static int Rate(double x) => (int)Math.Clamp(Math.Round(x), 0, 10);
}
