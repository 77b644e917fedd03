using Attune.Engine;
using Attune.Engine.Synthesis;

namespace Attune.Engine.Tests.Synthesis;

public class ReverbTests
{
    [Theory]
    [InlineData(1.5f, 0f)]
    [InlineData(3f, 0.35f)]
    [InlineData(6f, 0.35f)]
    public void Impulse_energy_decays_at_the_set_rt60(float rt60, float damping)
    {
        var reverb = new Reverb(new ReverbSettings(rt60, damping, wet: 1f, dry: 0f));
        int frames = (int)(rt60 * 1.2 * AudioFormat.SampleRate);
        var energy = new double[frames];
        var left = new float[AudioFormat.BlockSize];
        var right = new float[AudioFormat.BlockSize];
        for (int pos = 0; pos < frames; pos += AudioFormat.BlockSize)
        {
            Array.Clear(left);
            Array.Clear(right);
            if (pos == 0) { left[0] = 1f; right[0] = 1f; }
            reverb.Process(left, right);
            for (int i = 0; i < AudioFormat.BlockSize && pos + i < frames; i++)
                energy[pos + i] = (double)left[i] * left[i] + (double)right[i] * right[i];
        }

        // Schroeder backward integration, then a T20 fit (−5 to −25 dB) extrapolated to 60 dB.
        var schroeder = new double[frames];
        double acc = 0;
        for (int i = frames - 1; i >= 0; i--) { acc += energy[i]; schroeder[i] = acc; }
        int t5 = Array.FindIndex(schroeder, v => 10 * Math.Log10(v / schroeder[0]) <= -5);
        int t25 = Array.FindIndex(schroeder, v => 10 * Math.Log10(v / schroeder[0]) <= -25);
        Assert.True(t5 > 0 && t25 > t5);
        double measured = 3.0 * (t25 - t5) / AudioFormat.SampleRate;

        Assert.InRange(measured, rt60 * 0.8, rt60 * 1.2);
    }

    [Fact]
    public void Stays_finite_and_bounded_after_a_minute_of_noise()
    {
        var reverb = new Reverb(new ReverbSettings(8f, 0f, wet: 1f, dry: 1f));
        var random = new SeededRandom(9);
        // A 2.7 s loop of white noise, refilled block by block (cheaper than fresh noise every sample).
        var noise = new float[1 << 17];
        for (int i = 0; i < noise.Length; i++) noise[i] = random.NextBipolar() * 0.5f;
        var left = new float[AudioFormat.BlockSize];
        var right = new float[AudioFormat.BlockSize];
        double peak = 0;
        bool finite = true;
        int blocks = 60 * AudioFormat.SampleRate / AudioFormat.BlockSize;
        for (int b = 0; b < blocks; b++)
        {
            int at = b * AudioFormat.BlockSize % noise.Length;
            noise.AsSpan(at, AudioFormat.BlockSize).CopyTo(left);
            noise.AsSpan((at + 20 * AudioFormat.BlockSize) % noise.Length, AudioFormat.BlockSize).CopyTo(right);
            reverb.Process(left, right);
            for (int i = 0; i < left.Length; i++)
            {
                finite &= float.IsFinite(left[i]) && float.IsFinite(right[i]);
                peak = Math.Max(peak, Math.Max(Math.Abs(left[i]), Math.Abs(right[i])));
            }
        }
        Assert.True(finite);
        Assert.InRange(peak, 0.1, 10);
    }

    [Fact]
    public void Block_size_does_not_change_the_output()
    {
        float[] Run(int block)
        {
            var reverb = new Reverb(new ReverbSettings(2f, 0.35f, wet: 1f, dry: 0f));
            var random = new SeededRandom(4);
            int frames = AudioFormat.SampleRate / 2;
            var left = new float[frames];
            var right = new float[frames];
            for (int i = 0; i < 2000; i++) { left[i] = random.NextBipolar(); right[i] = random.NextBipolar(); }
            for (int pos = 0; pos < frames; pos += block)
            {
                int n = Math.Min(block, frames - pos);
                reverb.Process(left.AsSpan(pos, n), right.AsSpan(pos, n));
            }
            return [.. left, .. right];
        }
        float[] a = Run(AudioFormat.BlockSize), b = Run(101), c = Run(1000);
        Assert.True(SynthTestAudio.MaxAbs(a) > 0.01);
        for (int i = 0; i < a.Length; i++)
        {
            Assert.Equal(a[i], b[i], 1e-5);
            Assert.Equal(a[i], c[i], 1e-5);
        }
    }

    [Fact]
    public void Dry_only_passes_input_through()
    {
        var reverb = new Reverb(new ReverbSettings(2f, 0.3f, wet: 0f, dry: 1f));
        float[] left = [.. Enumerable.Range(0, 256).Select(i => MathF.Sin(i * 0.1f))];
        float[] right = [.. left];
        float[] expected = [.. left];
        reverb.Process(left, right);
        Assert.Equal(expected, left);
    }

    [Fact]
    public void Process_allocates_nothing()
    {
        var reverb = new Reverb(new ReverbSettings());
        var left = new float[AudioFormat.BlockSize];
        var right = new float[AudioFormat.BlockSize];
        left[0] = 1f;
        reverb.Process(left, right);
        reverb.SetDecay(5f);
        Assert.Equal(0, Allocation.LeastOfTwo(() =>
        {
            for (int b = 0; b < 1000; b++) reverb.Process(left, right);
        }));
    }

    [Fact]
    public void Rejects_decay_outside_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReverbSettings(0.5f));
        var reverb = new Reverb(new ReverbSettings());
        Assert.Throws<ArgumentOutOfRangeException>(() => reverb.SetDecay(9f));
    }
}
