using Attune.Engine.Safety;

namespace Attune.Engine.Tests.Safety;

/// <summary>
/// The output invariants of the safety stage, each measured on the output alone by independent meters:
/// <list type="bullet">
/// <item>no NaN/∞;</item>
/// <item>true peak (4× interpolation, 48 taps per phase) ≤ ceiling + <see cref="TruePeakToleranceDb"/>;</item>
/// <item>short-term loudness at every 100 ms step ≤ MaxLufs + <see cref="MaxLufsToleranceLu"/>;</item>
/// <item>slew: at every 100 ms step k, ST(k) − max(MaxLufs − 20, max ST(j) for j in [k − 300, k − 1]) ≤ 0.3 LU
/// (3 LU/s over Δ = 0.1 s; steps before the start count as silence);</item>
/// <item>hyperacusis: momentary(k) ≤ max(ST(k), MaxLufs − 20) + 6 LU;</item>
/// <item>silence (|y| &lt; 1e-6) from 50 ms after Stop/TooLoud until the next effective Resume, and from 5 s + 50 ms
/// after a fade-out;</item>
/// <item>no clicks: |y[n] − y[n−1]| ≤ |x[n−L] − x[n−L−1]| + 0.03·max|x| (within ±64 frames) + 1e-5, where x is the
/// sanitised input and L the latency. Every gain the stage applies is ≤ 1, so the output can only step as far as
/// the input does, plus what the gain's own change adds; bounding that to 3 % of the local level per frame means a
/// full swing takes ≥ 33 frames (0.7 ms) with a smooth shape — no step a listener hears as a click.</item>
/// </list>
/// </summary>
internal static class SafetyInvariants
{
    public const double TruePeakToleranceDb = 0.1;
    public const double MaxLufsToleranceLu = 0.1;
    public const double SlewToleranceLu = 0.01;
    public const double MomentaryToleranceLu = 0.05;
    public const double ClickGainStep = 0.03;

    public static void AssertAll(SafetyScenario.Run run)
    {
        AssertFinite(run.OutLeft);
        AssertFinite(run.OutRight);
        AssertTruePeak(run);
        AssertLoudness(run);
        AssertSilence(run);
        AssertNoClicks(run.InLeft, run.OutLeft);
        AssertNoClicks(run.InRight, run.OutRight);
    }

    public static void AssertFinite(float[] y)
    {
        for (int i = 0; i < y.Length; i++)
            if (!float.IsFinite(y[i])) Assert.Fail($"non-finite output at frame {i}");
    }

    public static void AssertTruePeak(SafetyScenario.Run run)
    {
        var meter = new TruePeakMeter();
        meter.Process(run.OutLeft, run.OutRight);
        meter.Flush();
        double ceiling = run.Governor.CeilingDbtp;
        Assert.True(meter.MaxDbtp <= ceiling + TruePeakToleranceDb, $"true peak {meter.MaxDbtp:F3} dBTP above ceiling {ceiling} dBTP");
    }

    public static void AssertLoudness(SafetyScenario.Run run)
    {
        double max = run.Governor.MaxLufs, floor = max - 20;
        bool hyper = run.Scenario.Hyperacusis;
        var (st, mom) = Series(run.OutLeft, run.OutRight);
        for (int k = 0; k < st.Length; k++)
        {
            Assert.True(st[k] <= max + MaxLufsToleranceLu, $"short-term {st[k]:F3} LUFS above max {max} at step {k}");
            double reference = floor;
            for (int j = Math.Max(0, k - 300); j < k; j++) reference = Math.Max(reference, st[j]);
            Assert.True(st[k] - reference <= 0.3 + SlewToleranceLu, $"slew: short-term {st[k]:F3} rose {st[k] - reference:F3} LU above the 30 s max at step {k}");
            if (hyper)
                Assert.True(mom[k] <= Math.Max(st[k], floor) + 6 + MomentaryToleranceLu, $"momentary {mom[k]:F3} > short-term {st[k]:F3} + 6 at step {k}");
        }
    }

    /// <summary>Short-term and momentary loudness at every 100 ms step of a stereo signal.</summary>
    public static (double[] ShortTerm, double[] Momentary) Series(float[] left, float[] right)
    {
        int steps = left.Length / LoudnessMeter.StepFrames;
        var st = new double[steps];
        var mom = new double[steps];
        var meter = new LoudnessMeter();
        for (int k = 0; k < steps; k++)
        {
            meter.Process(left.AsSpan(k * LoudnessMeter.StepFrames, LoudnessMeter.StepFrames), right.AsSpan(k * LoudnessMeter.StepFrames, LoudnessMeter.StepFrames));
            st[k] = meter.ShortTerm;
            mom[k] = meter.Momentary;
        }
        return (st, mom);
    }

    public static void AssertSilence(SafetyScenario.Run run)
    {
        const int Grace = AudioFormat.SampleRate / 20; // 50 ms
        const int FadeFrames = 5 * AudioFormat.SampleRate;
        long frames = run.OutLeft.Length, finished = run.FinishedAtFrame < 0 ? long.MaxValue : run.FinishedAtFrame;
        bool stopped = false, finishing = false;
        long silentFrom = long.MaxValue;
        foreach (var cmd in run.Scenario.Commands)
        {
            long f = (long)cmd.Block * SafetyScenario.Block;
            if (f >= frames) break;
            bool isFinished = f >= finished;
            switch (cmd.Kind)
            {
                case CommandKind.Stop or CommandKind.TooLoud when !isFinished:
                    if (!stopped) silentFrom = Math.Min(silentFrom, f + Grace);
                    stopped = true;
                    break;
                case CommandKind.Resume when stopped && !finishing && !isFinished:
                    AssertSilentRange(run, silentFrom, f);
                    stopped = false;
                    silentFrom = long.MaxValue;
                    break;
                case CommandKind.FadeOut when !finishing && !isFinished:
                    finishing = true;
                    if (!stopped) silentFrom = Math.Min(silentFrom, f + FadeFrames + Grace);
                    if (f + FadeFrames + Grace < frames) Assert.True(finished <= f + FadeFrames + Grace, "fade-out did not finish within 5 s + 50 ms");
                    break;
            }
        }
        AssertSilentRange(run, silentFrom, frames);
    }

    private static void AssertSilentRange(SafetyScenario.Run run, long from, long to)
    {
        for (long i = from; i < Math.Min(to, run.OutLeft.Length); i++)
            if (Math.Abs(run.OutLeft[i]) >= 1e-6 || Math.Abs(run.OutRight[i]) >= 1e-6)
                Assert.Fail($"not silent at frame {i} (silence expected from {from})");
    }

    public static void AssertNoClicks(float[] input, float[] output)
    {
        const int L = SafetyGovernor.LatencyFrames, W = 64;
        int n = input.Length;
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = float.IsFinite(input[i]) ? Math.Clamp(input[i], -32, 32) : 0;
        int chunks = (n + W - 1) / W;
        var chunkMax = new double[chunks];
        for (int i = 0; i < n; i++) chunkMax[i / W] = Math.Max(chunkMax[i / W], Math.Abs(x[i]));
        for (int i = 1; i < n; i++)
        {
            int s = i - L;
            // Before the stream the input is silence, so its first sample is itself a step.
            double dx = s >= 1 ? Math.Abs(x[s] - x[s - 1]) : s == 0 ? Math.Abs(x[0]) : 0;
            double local = 0;
            if (s >= 0)
            {
                int c = s / W;
                for (int k = Math.Max(0, c - 1); k <= Math.Min(chunks - 1, c + 1); k++) local = Math.Max(local, chunkMax[k]);
            }
            double dy = Math.Abs(output[i] - output[i - 1]);
            if (dy > dx + ClickGainStep * local + 1e-5)
                Assert.Fail($"click at frame {i}: output step {dy:G4}, input step {dx:G4}, local level {local:G4}");
        }
    }
}
