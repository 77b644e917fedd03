using Attune.Engine.Safety;

namespace Attune.Engine;

/// <summary>
/// The signal path for one session: source → therapy shaping (e.g. the notch) → listener volume →
/// <see cref="SafetyGovernor"/> → output. Safety is a required constructor argument and always the
/// last stage, so no output path can leave it out. Renders in fixed blocks without allocating.
/// </summary>
public sealed class RenderPipeline
{
    public const double MinVolumeDb = -80, MaxVolumeDb = 0;

    private readonly IAudioSource _source;
    private readonly IAudioProcessor? _shaping;
    private readonly float[] _left = new float[AudioFormat.BlockSize];
    private readonly float[] _right = new float[AudioFormat.BlockSize];
    private SmoothedValue _volume = new(1f, 0.05);

    public RenderPipeline(IAudioSource source, IAudioProcessor? shaping, SafetyGovernor safety)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(safety);
        _source = source;
        _shaping = shaping;
        Safety = safety;
    }

    public SafetyGovernor Safety { get; }

    public long FramesRendered { get; private set; }

    /// <summary>Sees the signal before shaping (e.g. to measure what the notch removed); analysis only.</summary>
    public IAudioSink? PreShapingTap { get; set; }

    /// <summary>The listener's volume, applied before Safety so it can never lift output past its limits.</summary>
    public void SetListenerVolumeDb(double db)
    {
        if (double.IsNaN(db) || db < MinVolumeDb || db > MaxVolumeDb)
            throw new ArgumentOutOfRangeException(nameof(db), db, $"volume must be {MinVolumeDb}–{MaxVolumeDb} dB");
        _volume.SetTarget((float)Decibels.ToGain(db));
    }

    /// <summary>Renders the next block (≤ <see cref="AudioFormat.BlockSize"/> frames) into the spans.</summary>
    public void RenderBlock(Span<float> left, Span<float> right)
    {
        _source.Render(left, right);
        PreShapingTap?.Write(left, right);
        _shaping?.Process(left, right);
        _volume.ApplyGain(left, right);
        Safety.Process(left, right);
        FramesRendered += left.Length;
    }

    /// <summary>
    /// Renders <paramref name="frames"/> frames into <paramref name="sink"/>, starting Safety's
    /// fade-out so that it ends with the last frame. Reports progress in [0, 1] every <paramref name="progressEverySeconds"/> of audio.
    /// </summary>
    public void RenderTo(IAudioSink sink, long frames, Action<double>? progress = null, double progressEverySeconds = 10)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        if (!(progressEverySeconds >= 0.01))
            throw new ArgumentOutOfRangeException(nameof(progressEverySeconds), progressEverySeconds, "progressEverySeconds must be ≥ 0.01");
        long fadeOutAt = Math.Max(0, frames - (long)(FadeController.LongFadeSeconds * AudioFormat.SampleRate));
        bool fading = false;
        long done = 0;
        long nextReport = 0;
        while (done < frames)
        {
            if (!fading && done >= fadeOutAt)
            {
                Safety.BeginFadeOut();
                fading = true;
            }
            int n = (int)Math.Min(AudioFormat.BlockSize, frames - done);
            var l = _left.AsSpan(0, n);
            var r = _right.AsSpan(0, n);
            RenderBlock(l, r);
            sink.Write(l, r);
            done += n;
            if (progress is not null && done >= nextReport)
            {
                progress((double)done / frames);
                nextReport += (long)(AudioFormat.SampleRate * progressEverySeconds);
            }
        }
        progress?.Invoke(1.0);
    }
}
