using Attune.Engine.Synthesis;
using static Attune.Engine.Tests.Synthesis.SynthTestAudio;

namespace Attune.Engine.Tests.Synthesis;

public class TextureGeneratorTests
{
    [Theory]
    [InlineData(InstrumentKind.Rain)]
    [InlineData(InstrumentKind.Wind)]
    [InlineData(InstrumentKind.Stream)]
    public void Textures_have_no_sharp_transients(InstrumentKind kind)
    {
        var synth = Single(kind, reverbSend: 0.3f, seed: 21);
        synth.Schedule(MusicEvent.NoteOn(0, 0, 60, 0.8f));
        synth.Schedule(MusicEvent.Control(0, 0, ControlKind.Density, 1f));
        var (left, right) = Render(synth, Frames(8.0));

        // 1 ms window energies after the 2 s attack, each against the mean of the surrounding 100 ms.
        const int win = 48, around = 50;
        int start = Frames(2.5) / win, count = left.Length / win;
        var energy = new double[count];
        for (int w = 0; w < count; w++)
            for (int i = w * win; i < (w + 1) * win; i++) energy[w] += left[i] * left[i] + right[i] * right[i];
        double worstDb = double.NegativeInfinity;
        for (int w = start; w < count - around; w++)
        {
            double mean = 0;
            for (int k = w - around; k < w + around; k++) mean += energy[k];
            mean /= 2 * around;
            worstDb = Math.Max(worstDb, 10 * Math.Log10(energy[w] / mean));
        }
        Assert.True(MaxAbs(left) > 0.01, "texture should be audible");
        Assert.True(worstDb < 10, $"a 1 ms window is {worstDb:F1} dB above its 100 ms surroundings");
    }

    [Fact]
    public void Brightness_raises_the_spectral_centroid_of_rain()
    {
        double Centroid(float brightness)
        {
            var synth = Single(InstrumentKind.Rain, seed: 4);
            synth.Schedule(MusicEvent.Control(0, 0, ControlKind.Brightness, brightness));
            synth.Schedule(MusicEvent.NoteOn(0, 0, 60, 0.8f));
            var (left, _) = Render(synth, Frames(3.0));
            double[] psd = Attune.Engine.Analysis.Welch.PowerSpectralDensity(left.AsSpan(Frames(2.0)), 48_000, 4096);
            double sum = 0, weighted = 0;
            for (int k = 0; k < psd.Length; k++) { sum += psd[k]; weighted += psd[k] * k; }
            return weighted / sum * 48_000 / 4096;
        }
        Assert.True(Centroid(0.9f) > Centroid(0.1f) * 1.3);
    }
}
