using Attune.Engine.Safety;

namespace Attune.Engine.Fitting;

/// <summary>A short rendered clip as it leaves the Safety stage, with what Safety did to it.</summary>
public sealed class StereoClip
{
    internal StereoClip(float[] left, float[] right, SafetyStats safety)
    {
        Left = left;
        Right = right;
        Safety = safety;
    }

    public float[] Left { get; }
    public float[] Right { get; }
    public int FrameCount => Left.Length;
    public double Seconds => FrameCount / (double)AudioFormat.SampleRate;

    /// <summary>The governor's statistics for this clip (limiter and loudness reductions, peak, loudness).</summary>
    public SafetyStats Safety { get; }

    /// <summary>True when Safety turned the clip down (limiter or loudness governor).</summary>
    public bool ReducedBySafety =>
        Safety.LimiterEngagements > 0 || Safety.LoudnessReductions > 0 || Safety.SlewLimitations > 0 || Safety.MomentaryLimitations > 0;
}
