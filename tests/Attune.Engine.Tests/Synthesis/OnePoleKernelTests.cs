using Attune.Engine;
using Attune.Engine.Synthesis;

namespace Attune.Engine.Tests.Synthesis;

public class OnePoleKernelTests
{
    private static float[] Noise(int n, ulong seed)
    {
        var random = new SeededRandom(seed);
        var x = new float[n];
        for (int i = 0; i < n; i++) x[i] = random.NextBipolar();
        return x;
    }

    /// <summary>The textbook recurrence in double, sample by sample.</summary>
    private static double[] Reference(float[] x, double pole, double state, double gain)
    {
        var y = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            state = (1 - pole) * x[i] + pole * state;
            y[i] = state * gain;
        }
        return y;
    }

    [Theory]
    [InlineData(0.0, 256)]
    [InlineData(0.245, 256)]
    [InlineData(0.9, 37)]
    [InlineData(0.98, 256)]
    [InlineData(0.98, 1000)]
    public void Apply_matches_the_sample_by_sample_recurrence(double pole, int length)
    {
        float[] x = Noise(length, 7);
        double[] expected = Reference(x, pole, 0.3, 0.8);
        var kernel = new OnePoleKernel(pole);
        float state = kernel.Apply(x, 0.3f, 0.8f);
        for (int i = 0; i < length; i++) Assert.Equal(expected[i], x[i], 1e-5);
        Assert.Equal(expected[^1] / 0.8, state, 1e-5);
    }

    [Fact]
    public void Apply2_matches_two_separate_filters()
    {
        float[] x = Noise(AudioFormat.BlockSize, 1), y = Noise(AudioFormat.BlockSize, 2);
        double[] ex = Reference(x, 0.95, -0.2, 1.0), ey = Reference(y, 0.95, 0.5, 0.5);
        var kernel = new OnePoleKernel(0.95);
        float sx = -0.2f, sy = 0.5f;
        kernel.Apply2(x, ref sx, 1f, y, ref sy, 0.5f);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(ex[i], x[i], 1e-5);
            Assert.Equal(ey[i], y[i], 1e-5);
        }
        Assert.Equal(ey[^1] / 0.5, sy, 1e-5);
    }

    [Fact]
    public void Changing_the_pole_takes_effect()
    {
        var kernel = new OnePoleKernel(0.5);
        kernel.SetPole(0.9);
        float[] x = Noise(64, 3);
        double[] expected = Reference(x, 0.9, 0, 1);
        kernel.Apply(x, 0f);
        for (int i = 0; i < x.Length; i++) Assert.Equal(expected[i], x[i], 1e-5);
        Assert.Throws<ArgumentOutOfRangeException>(() => kernel.SetPole(1.0));
    }
}
