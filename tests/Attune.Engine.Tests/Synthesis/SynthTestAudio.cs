using Attune.Engine;
using Attune.Engine.Analysis;
using Attune.Engine.Synthesis;

namespace Attune.Engine.Tests.Synthesis;

/// <summary>Rendering and measuring helpers shared by the synthesis tests.</summary>
internal static class SynthTestAudio
{
    public static (float[] Left, float[] Right) Render(IAudioSource source, int frames) => TestAudio.Render(source, frames);

    public static int Frames(double seconds) => (int)(seconds * AudioFormat.SampleRate);

    public static Synthesizer Single(InstrumentKind kind, int maxPolyphony = 16, float reverbSend = 0f, ulong seed = 1,
        SoundClass excluded = SoundClass.None) =>
        new(new SynthSettings([new PartSettings(kind, 0f, 0f, reverbSend)], maxPolyphony, excludedClasses: excluded), new SeededRandom(seed));

    /// <summary>
    /// Power-weighted mean frequency within ±3 % of the expected one (Hann window, FFT), and the
    /// ratio of that band's power to the power in the neighbouring bands (±4..10 %).
    /// </summary>
    public static (double Hz, double Prominence) Fundamental(ReadOnlySpan<float> signal, double expectedHz)
    {
        int n = 1 << 16;
        var re = new double[n];
        var im = new double[n];
        for (int i = 0; i < n; i++) re[i] = signal[i] * (0.5 - 0.5 * Math.Cos(2 * Math.PI * i / n));
        Fft.Forward(re, im);
        double binHz = (double)AudioFormat.SampleRate / n;
        double sum = 0, weighted = 0, side = 0;
        for (int k = 1; k < n / 2; k++)
        {
            double f = k * binHz, p = re[k] * re[k] + im[k] * im[k];
            double r = f / expectedHz;
            if (r is >= 0.97 and <= 1.03) { sum += p; weighted += p * f; }
            else if (r is >= 0.90 and <= 0.96 or >= 1.04 and <= 1.10) side += p;
        }
        return (weighted / sum, sum / Math.Max(side, 1e-30));
    }

    public static double MaxAbs(ReadOnlySpan<float> x)
    {
        double m = 0;
        foreach (float v in x) m = Math.Max(m, Math.Abs(v));
        return m;
    }

    public static double MaxStep(ReadOnlySpan<float> x)
    {
        double m = 0;
        for (int i = 1; i < x.Length; i++) m = Math.Max(m, Math.Abs(x[i] - x[i - 1]));
        return m;
    }
}
