using Attune.Engine;
using Attune.Engine.Synthesis;

namespace Attune.Engine.Tests.Synthesis;

public class EnvelopeTests
{
    private static float[] Run(Envelope envelope, int frames, int block, int releaseAt)
    {
        var gains = new float[frames];
        for (int pos = 0; pos < frames; pos += block)
        {
            int n = Math.Min(block, frames - pos);
            if (pos <= releaseAt && releaseAt < pos + n)
            {
                envelope.Render(gains.AsSpan(pos, releaseAt - pos));
                envelope.Release();
                envelope.Render(gains.AsSpan(releaseAt, pos + n - releaseAt));
            }
            else envelope.Render(gains.AsSpan(pos, n));
        }
        return gains;
    }

    [Fact]
    public void Segments_follow_their_closed_forms()
    {
        var envelope = new Envelope();
        envelope.Start(0.01, 0.5, 0.3, 0.2);
        int attack = (int)(0.01 * AudioFormat.SampleRate), release = AudioFormat.SampleRate;
        float[] g = Run(envelope, 2 * AudioFormat.SampleRate, AudioFormat.BlockSize, release);

        for (int i = 0; i < attack - 1; i++) Assert.Equal((i + 1.0) / attack, g[i], 1e-5);
        double k = Math.Pow(0.001, 1.0 / (0.5 * AudioFormat.SampleRate));
        for (int i = attack + 1; i < release; i += 97)
            Assert.Equal(0.3 + 0.7 * Math.Pow(k, i - attack + 1), g[i], 1e-4);
        double r = Math.Pow(0.001, 1.0 / (0.2 * AudioFormat.SampleRate));
        for (int i = release; i < release + 5000; i += 89)
            Assert.Equal(g[release - 1] * Math.Pow(r, i - release + 1), g[i], 1e-4);
    }

    [Fact]
    public void Block_size_does_not_change_the_curve()
    {
        var a = new Envelope();
        var b = new Envelope();
        a.Start(0.02, 0.8, 0.4, 0.3);
        b.Start(0.02, 0.8, 0.4, 0.3);
        int frames = AudioFormat.SampleRate, release = 30011;
        float[] x = Run(a, frames, AudioFormat.BlockSize, release), y = Run(b, frames, 37, release);
        // The −80 dB end is checked per call, so only the last sub-threshold frames may differ.
        for (int i = 0; i < frames; i++)
            if (Math.Max(x[i], y[i]) > 2e-4) Assert.Equal(x[i], y[i], 1e-5);
        Assert.True(x[^1] < 1e-3);
    }
}
