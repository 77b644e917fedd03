namespace Attune.Engine.Adaptation;

/// <summary>
/// Breathing pacing: slow loudness swells (louder while breathing in, softer while breathing out) whose
/// rate starts at 75 % of the person's breathing rate, the rate that slowed breathing best in Leslie
/// et al. 2019 (THERAPY.md), and glides toward resonance breathing at about 6 breaths/min. The pacing
/// rate follows 75 % of the latest measured rate but never changes faster than the glide limit, so it
/// stays a little ahead of the person without outrunning them (iso principle). Without a measured rate
/// it assumes a typical resting rate (self-paced).
/// </summary>
/// <remarks>
/// As an <see cref="IAudioProcessor"/> it belongs before Safety in the shaping chain. The swell gain is
/// computed at each block's edges and interpolated linearly inside the block (a block is 5.3 ms; a
/// breath is ≥ 3 s), so the render path costs two exponentials per block and never allocates.
/// </remarks>
public sealed class BreathingPacer : IAudioProcessor
{
    public const double LeadFraction = 0.75;
    public const double DefaultTargetBpm = 6;
    public const double AssumedRestingBpm = 14;
    public const double MinBpm = 4, MaxBpm = 30;
    /// <summary>Share of each swell spent rising (breathing in); breathing out takes longer.</summary>
    public const double InhaleFraction = 0.4;

    private double _phase;
    private double _desiredBpm;
    private float _lastGain;
    private bool _started;
    private double _elapsedSeconds;

    /// <param name="measuredBreathingBpm">The person's breathing rate, or null when unknown.</param>
    /// <param name="targetBpm">Where pacing ends (resonance breathing ≈ 6/min).</param>
    /// <param name="glideBpmPerMinute">Largest change of the pacing rate per minute.</param>
    /// <param name="swellDepthDb">Peak-to-peak loudness swing of one swell.</param>
    public BreathingPacer(double? measuredBreathingBpm = null, double targetBpm = DefaultTargetBpm,
        double glideBpmPerMinute = 1, double swellDepthDb = 3)
    {
        if (!(targetBpm >= MinBpm && targetBpm <= 12))
            throw new ArgumentOutOfRangeException(nameof(targetBpm), targetBpm, "targetBpm must be in 4–12 breaths/min");
        if (!(glideBpmPerMinute > 0 && glideBpmPerMinute <= 6))
            throw new ArgumentOutOfRangeException(nameof(glideBpmPerMinute), glideBpmPerMinute, "glideBpmPerMinute must be in (0, 6]");
        if (!(swellDepthDb >= 0 && swellDepthDb <= 6))
            throw new ArgumentOutOfRangeException(nameof(swellDepthDb), swellDepthDb, "swellDepthDb must be in 0–6 dB");
        TargetBpm = targetBpm;
        GlideBpmPerMinute = glideBpmPerMinute;
        SwellDepthDb = swellDepthDb;
        SetMeasuredRate(measuredBreathingBpm);
        _lastGain = (float)Math.Pow(10, SwellDb(0) / 20);
    }

    public double TargetBpm { get; }
    public double GlideBpmPerMinute { get; }
    public double SwellDepthDb { get; }

    /// <summary>The current pacing rate in breaths per minute.</summary>
    public double RateBpm { get; private set; }

    /// <summary>Position in the current swell, 0 ≤ phase &lt; 1 (0 = start of breathing in).</summary>
    public double Phase => _phase;

    /// <summary>True while pacing uses the assumed resting rate because no measurement has arrived.</summary>
    public bool SelfPaced { get; private set; }

    /// <summary>Takes the latest measured breathing rate (null = unknown: the pacing keeps its course).</summary>
    public void SetMeasuredRate(double? breathsPerMinute)
    {
        if (breathsPerMinute is double b && !(b >= MinBpm && b <= MaxBpm))
            throw new ArgumentOutOfRangeException(nameof(breathsPerMinute), b, "breathsPerMinute must be in 4–30 breaths/min");
        if (breathsPerMinute is null && _started) return;
        SelfPaced = breathsPerMinute is null;
        double reference = breathsPerMinute ?? AssumedRestingBpm;
        _desiredBpm = Math.Max(TargetBpm, LeadFraction * reference);
        // Before any time has passed (nothing has played yet) the first measurement sets the rate outright.
        if (_elapsedSeconds == 0) RateBpm = _desiredBpm;
        _started = true;
    }

    /// <summary>The loudness offset in dB at a phase: −depth/2 at the start of breathing in, +depth/2 at its end.</summary>
    public double SwellDb(double phase)
    {
        double s = phase < InhaleFraction
            ? -Math.Cos(Math.PI * phase / InhaleFraction)
            : Math.Cos(Math.PI * (phase - InhaleFraction) / (1 - InhaleFraction));
        return 0.5 * SwellDepthDb * s;
    }

    /// <summary>Moves time forward without audio (simulation): glides the rate and advances the phase.</summary>
    public void Advance(double seconds)
    {
        if (!(seconds >= 0))
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "seconds must be ≥ 0");
        // Rate glides toward the desired rate at most GlideBpmPerMinute per minute, and toward the target once there.
        double desired = Math.Max(TargetBpm, _desiredBpm);
        double maxStep = GlideBpmPerMinute * seconds / 60;
        RateBpm += Math.Clamp(desired - RateBpm, -maxStep, maxStep);
        _elapsedSeconds += seconds;
        _phase += RateBpm / 60 * seconds;
        _phase -= Math.Floor(_phase);
    }

    public void Process(Span<float> left, Span<float> right)
    {
        int n = left.Length;
        float start = _lastGain;
        Advance((double)n / AudioFormat.SampleRate);
        float end = (float)Math.Pow(10, SwellDb(_phase) / 20);
        float step = (end - start) / n;
        float g = start;
        for (int i = 0; i < n; i++)
        {
            g += step;
            left[i] *= g;
            right[i] *= g;
        }
        _lastGain = end;
    }
}
