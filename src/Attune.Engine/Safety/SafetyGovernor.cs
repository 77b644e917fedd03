using System.Runtime.CompilerServices;
using Attune.Engine.Events;

namespace Attune.Engine.Safety;

/// <summary>
/// The last stage before any output; nothing bypasses it. Per frame, in order: NaN/∞ → 0 (and |x| ≤ 32) →
/// DC blocker (one-pole high-pass at 5 Hz) → listener volume → session envelope (fades, stop ramps) → true-peak
/// look-ahead limiter (ITU-R BS.1770-4 Annex 2 peaks; its threshold counts on the governor's gain downstream) →
/// loudness governor (BS.1770-4 short-term max, 3 LU/s slew, hyperacusis momentary rule) → clamp at the ceiling.
/// Latency <see cref="LatencyFrames"/> (5.3 ms); Stop/TooLoud reach silence 25 ms + latency ≈ 31 ms after the call.
/// The sound-dose ledger (ITU-T H.870) reads the final output. Not thread-safe: call everything from the
/// render thread, between blocks. Render path allocates nothing unless an event is logged.
/// </summary>
public sealed class SafetyGovernor : IAudioProcessor
{
    public const int LatencyFrames = LookAheadLimiter.Latency + LoudnessGovernor.Latency;
    public const double MinListenerVolumeDb = -96, MaxListenerVolumeDb = 0;
    private const string Stage = "safety";
    private const double DcCutoffHz = 5;
    private const double LimiterMarginDb = 0.5;
    private const double SanitizeLimit = 32; // ≈ +30 dBFS: nothing legitimate upstream is louder
    private const double LimiterEngagedBelow = 0.999, LimiterReleasedAbove = 0.99999, GovernorRestoredAbove = 0.9999;

    private readonly EventLog _log;
    private readonly FadeController _fade;
    private readonly LookAheadLimiter _limiter;
    private readonly LoudnessGovernor _loudness;
    private readonly TruePeakInterpolator _peakLeft = new(16), _peakRight = new(16);
    private readonly double[] _bufLeft = new double[AudioFormat.BlockSize], _bufRight = new double[AudioFormat.BlockSize];
    private readonly float _ceiling;
    private readonly double _dcPole = Math.Exp(-2 * Math.PI * DcCutoffHz / AudioFormat.SampleRate);
    private double _dcX1L, _dcY1L, _dcX1R, _dcY1R;
    private SmoothedValue _volume = new(1f, 0.05);
    private long _frames;
    private double _maxPeak;
    private int _zeroFrames;
    private bool _stopped, _finishing, _nonFiniteBurst, _limiting, _governing;
    private double _limiterMaxReduction, _governorMinGain = 1;
    private int _loggedRuleMask;

    public SafetyGovernor(TherapyProfile profile, OutputKind kind, EventLog log, bool fadeIn = true)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(log);
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "kind must be Lossless or Lossy");
        _log = log;
        double kindCeiling = kind == OutputKind.Lossy ? TherapyProfile.DefaultLossyCeilingDbtp : TherapyProfile.DefaultCeilingDbtp;
        CeilingDbtp = Math.Min(profile.CeilingDbtp, kindCeiling);
        MaxLufs = profile.MaxLufs;
        _ceiling = (float)Decibels.ToGain(CeilingDbtp);
        // 0.05 dB below the ceiling leaves room for differences between true-peak interpolators.
        // Aim 0.5 dB under the ceiling: the governor and the fade act after the limiter decides, and a 10,000-case
        // property run found a 0.28 dB true-peak overshoot with 0.05 dB of margin (CsCheck seed 6ykrYyC3cQK1).
        _limiter = new LookAheadLimiter(Decibels.ToGain(CeilingDbtp - LimiterMarginDb));
        _loudness = new LoudnessGovernor(MaxLufs, profile.Has(Conditions.Hyperacusis));
        _fade = new FadeController(fadeIn);
        Dose = new SoundDoseLedger(profile.CalibrationDbaAtFullScale);
        _log.Write(0, Stage, "configured",
            EventField.Of("ceiling_dbtp", CeilingDbtp), EventField.Of("max_lufs", MaxLufs),
            EventField.Of("output", kind == OutputKind.Lossy ? "lossy" : "lossless"),
            EventField.Of("hyperacusis", profile.Has(Conditions.Hyperacusis)),
            EventField.Of("dba_at_full_scale", Dose.DbaAtFullScale), EventField.Of("calibrated", Dose.IsCalibrated));
        if (fadeIn) _log.Write(0, Stage, "fade_in_start", EventField.Of("seconds", FadeController.LongFadeSeconds));
    }

    public bool IsFinished { get; private set; }

    /// <summary>True once a stop, too-loud or fade-out has reached silence at the output.</summary>
    public bool IsSilent => _fade.Target == 0 && _zeroFrames >= LatencyFrames;

    public double ElapsedSeconds => _frames / (double)AudioFormat.SampleRate;
    public double CeilingDbtp { get; }
    public double MaxLufs { get; }
    public SoundDoseLedger Dose { get; }
    public SafetyStats Stats { get; } = new();

    /// <summary>Listener volume (a device-style attenuator, 0 dB = unity), glided over 50 ms.</summary>
    public void SetListenerVolumeDb(double db)
    {
        if (double.IsNaN(db) || db < MinListenerVolumeDb || db > MaxListenerVolumeDb)
            throw new ArgumentOutOfRangeException(nameof(db), db, $"db must be in {MinListenerVolumeDb}–{MaxListenerVolumeDb} dB");
        _volume.SetTarget((float)Decibels.ToGain(db));
        _log.Write(ElapsedSeconds, Stage, "listener_volume", EventField.Of("db", db));
    }

    public void BeginFadeOut()
    {
        if (IsFinished || _finishing) return;
        _finishing = true;
        _log.Write(ElapsedSeconds, Stage, "fade_out_start", EventField.Of("seconds", FadeController.LongFadeSeconds));
        if (!_stopped) _fade.GlideTo(0, FadeController.LongFadeSeconds);
    }

    public void Stop() => Silence("stop");

    public void TooLoud() => Silence("too_loud");

    public void Resume()
    {
        if (!_stopped || IsFinished || _finishing) return;
        _stopped = false;
        _fade.GlideTo(1, FadeController.ResumeSeconds);
        _log.Write(ElapsedSeconds, Stage, "resume", EventField.Of("seconds", FadeController.ResumeSeconds));
    }

    public void Process(Span<float> left, Span<float> right)
    {
        if (left.Length != right.Length || left.Length > AudioFormat.BlockSize)
            throw new ArgumentException($"left and right must have equal length ≤ {AudioFormat.BlockSize} (got {left.Length} and {right.Length})", nameof(right));
        int n = left.Length;
        Span<double> bufLeft = _bufLeft.AsSpan(0, n), bufRight = _bufRight.AsSpan(0, n);
        int nonFinite = Prepare(left, right, bufLeft, bufRight);

        // Limiter and governor run hop by hop: each hop's decision sets the limiter's threshold for the next.
        double minLimiterGain = 1;
        for (int start = 0; start < n;)
        {
            int len = Math.Min(n - start, _loudness.FramesToHop);
            Span<double> l = bufLeft.Slice(start, len), r = bufRight.Slice(start, len);
            minLimiterGain = Math.Min(minLimiterGain, _limiter.Process(l, r, l, r));
            _loudness.Process(l, r, l, r);
            if (_loudness.HopCompleted) OnHop();
            start += len;
        }

        for (int i = 0; i < n; i++)
        {
            float fl = Math.Clamp((float)bufLeft[i], -_ceiling, _ceiling), fr = Math.Clamp((float)bufRight[i], -_ceiling, _ceiling);
            left[i] = fl;
            right[i] = fr;
            bufLeft[i] = fl;
            bufRight[i] = fr;
        }
        if (_peakLeft.Process(bufLeft, _maxPeak)) _maxPeak = Math.Max(_maxPeak, Max(_peakLeft.Peaks));
        if (_peakRight.Process(bufRight, _maxPeak)) _maxPeak = Math.Max(_maxPeak, Max(_peakRight.Peaks));
        Stats.MaxTruePeakLinear = _maxPeak;
        _frames += n;
        Dose.Add(left, right);
        TrackNonFinite(nonFinite);
        TrackLimiter(minLimiterGain);
        if (_finishing && !IsFinished && IsSilent)
        {
            IsFinished = true;
            _log.Write(ElapsedSeconds, Stage, "finished", EventField.Of("dose_fraction", Dose.FractionOfWeeklyAllowance));
        }
    }

    /// <summary>NaN/∞ → 0, clamp, DC blocker, then listener volume × session envelope; returns the samples replaced.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // its own method keeps the loop's state in registers
    private int Prepare(ReadOnlySpan<float> left, ReadOnlySpan<float> right, Span<double> outLeft, Span<double> outRight)
    {
        int nonFinite = 0;
        double pole = _dcPole, x1l = _dcX1L, y1l = _dcY1L, x1r = _dcX1R, y1r = _dcY1R;
        // With neither volume nor envelope gliding, the gain is one number for the whole block.
        bool steady = !_fade.IsGliding && !_volume.IsSmoothing;
        double steadyGain = 0;
        if (steady)
        {
            double fade = _fade.Next();
            steadyGain = _volume.Next() * fade;
            _zeroFrames = fade == 0 ? Math.Min(_zeroFrames + left.Length, LatencyFrames) : 0;
        }
        for (int i = 0; i < left.Length; i++)
        {
            double l = left[i], r = right[i];
            if (!double.IsFinite(l)) { l = 0; nonFinite++; }
            if (!double.IsFinite(r)) { r = 0; nonFinite++; }
            l = Math.Clamp(l, -SanitizeLimit, SanitizeLimit);
            r = Math.Clamp(r, -SanitizeLimit, SanitizeLimit);

            double yl = l - x1l + pole * y1l, yr = r - x1r + pole * y1r;
            x1l = l; y1l = yl; x1r = r; y1r = yr;

            double gain;
            if (steady) gain = steadyGain;
            else
            {
                double fade = _fade.Next();
                _zeroFrames = fade == 0 ? Math.Min(_zeroFrames + 1, LatencyFrames) : 0;
                gain = _volume.Next() * fade;
            }
            outLeft[i] = yl * gain;
            outRight[i] = yr * gain;
        }
        _dcX1L = x1l; _dcY1L = y1l; _dcX1R = x1r; _dcY1R = y1r;
        return nonFinite;
    }

    private static double Max(ReadOnlySpan<double> x)
    {
        double m = 0;
        foreach (double v in x) m = Math.Max(m, v);
        return m;
    }

    private void Silence(string kind)
    {
        if (IsFinished) return;
        // A second stop during a stop ramp must not restart it: silence stays due 50 ms after the first.
        bool rampRunning = _stopped && _fade.Target == 0;
        _stopped = true;
        if (!rampRunning) _fade.GlideTo(0, FadeController.StopRampSeconds);
        _log.Write(ElapsedSeconds, Stage, kind, EventField.Of("ramp_seconds", FadeController.StopRampSeconds));
    }

    private void OnHop()
    {
        _limiter.DownstreamGain = _loudness.GainBound;
        Stats.MaxShortTermLufs = Math.Max(Stats.MaxShortTermLufs, _loudness.ShortTermLufs);
        double g = _loudness.Gain;
        GovernorRule rule = _loudness.BindingRule;
        if (rule != GovernorRule.None)
        {
            _loudness.ClearBindingRule();
            _governing = true;
            int bit = 1 << (int)rule;
            if ((_loggedRuleMask & bit) == 0)
            {
                _loggedRuleMask |= bit;
                string kind = rule switch
                {
                    GovernorRule.MaxLoudness => "loudness_reduced",
                    GovernorRule.Slew => "slew_limited",
                    _ => "momentary_limited",
                };
                if (rule == GovernorRule.MaxLoudness) Stats.LoudnessReductions++;
                else if (rule == GovernorRule.Slew) Stats.SlewLimitations++;
                else Stats.MomentaryLimitations++;
                _log.Write(ElapsedSeconds, Stage, kind, EventField.Of("gain_db", Decibels.FromGain(g)));
            }
        }
        if (_governing)
        {
            _governorMinGain = Math.Min(_governorMinGain, g);
            if (g >= GovernorRestoredAbove)
            {
                _log.Write(ElapsedSeconds, Stage, "loudness_restored", EventField.Of("max_reduction_db", -Decibels.FromGain(_governorMinGain)));
                _governing = false;
                _governorMinGain = 1;
                _loggedRuleMask = 0;
            }
        }
    }

    private void TrackNonFinite(int count)
    {
        Stats.NonFiniteReplaced += count;
        if (count > 0 && !_nonFiniteBurst)
            _log.Write(ElapsedSeconds, Stage, "nan_replaced", EventField.Of("samples_in_block", count));
        _nonFiniteBurst = count > 0;
    }

    private void TrackLimiter(double minGain)
    {
        if (!_limiting && minGain < LimiterEngagedBelow)
        {
            _limiting = true;
            _limiterMaxReduction = 0;
            Stats.LimiterEngagements++;
            _log.Write(ElapsedSeconds, Stage, "limiter_engaged", EventField.Of("reduction_db", -Decibels.FromGain(minGain)));
        }
        if (!_limiting) return;
        double reduction = -Decibels.FromGain(minGain);
        _limiterMaxReduction = Math.Max(_limiterMaxReduction, reduction);
        Stats.MaxLimiterReductionDb = Math.Max(Stats.MaxLimiterReductionDb, reduction);
        if (minGain >= LimiterReleasedAbove)
        {
            _limiting = false;
            _log.Write(ElapsedSeconds, Stage, "limiter_released", EventField.Of("max_reduction_db", _limiterMaxReduction));
        }
    }
}
