using Attune.Engine.Events;
using Attune.Engine.Safety;

namespace Attune.Engine.Fitting;

/// <summary>
/// Passes a finished clip through a fresh <see cref="SafetyGovernor"/> built from the person's profile. The governor
/// runs without its 5 s session fade-in (its <c>fadeIn: false</c> option), which would swallow a 0.2–3 s clip: each
/// clip brings its own 20 ms raised-cosine ramps instead. Everything else applies: DC blocker, true-peak limiter at
/// the profile's ceiling, and the loudness governor — MaxLufs and, from a cold start, the slew rule that lets
/// short-term loudness rise only 3 LU/s above MaxLufs − 20 LU, so a clip louder than the reference is turned down.
/// The governor's latency is flushed with silence so the clip comes out whole and time-aligned.
/// </summary>
internal static class ClipSafety
{
    public static StereoClip Apply(TherapyProfile profile, float[] left, float[] right)
    {
        using var log = EventLog.Null;
        var governor = new SafetyGovernor(profile, OutputKind.Lossless, log, fadeIn: false);
        int frames = left.Length, total = frames + SafetyGovernor.LatencyFrames;
        var outLeft = new float[frames];
        var outRight = new float[frames];
        var blockLeft = new float[AudioFormat.BlockSize];
        var blockRight = new float[AudioFormat.BlockSize];
        for (int pos = 0; pos < total; pos += AudioFormat.BlockSize)
        {
            int n = Math.Min(AudioFormat.BlockSize, total - pos);
            for (int i = 0; i < n; i++)
            {
                int src = pos + i;
                blockLeft[i] = src < frames ? left[src] : 0;
                blockRight[i] = src < frames ? right[src] : 0;
            }
            governor.Process(blockLeft.AsSpan(0, n), blockRight.AsSpan(0, n));
            for (int i = 0; i < n; i++)
            {
                int dst = pos + i - SafetyGovernor.LatencyFrames;
                if (dst < 0) continue;
                outLeft[dst] = blockLeft[i];
                outRight[dst] = blockRight[i];
            }
        }
        return new StereoClip(outLeft, outRight, governor.Stats);
    }

    /// <summary>Raised-cosine onset and offset ramps, in place.</summary>
    public static void Ramp(float[] left, float[] right)
    {
        int ramp = Math.Min((int)Math.Round(FittingLevels.RampSeconds * AudioFormat.SampleRate), left.Length / 2);
        for (int i = 0; i < ramp; i++)
        {
            float g = (float)(0.5 - 0.5 * Math.Cos(Math.PI * i / ramp));
            left[i] *= g;
            right[i] *= g;
            left[^(i + 1)] *= g;
            right[^(i + 1)] *= g;
        }
    }
}
