using Attune.Engine;

namespace Attune.Engine.Tests;

public class SeededRandomTests
{
    [Fact]
    public void Same_seed_gives_same_stream_and_other_seed_differs()
    {
        var a = new SeededRandom(42);
        var b = new SeededRandom(42);
        var c = new SeededRandom(43);
        bool anyDiff = false;
        for (int i = 0; i < 1000; i++)
        {
            ulong x = a.NextUInt64();
            Assert.Equal(x, b.NextUInt64());
            anyDiff |= x != c.NextUInt64();
        }
        Assert.True(anyDiff);
    }

    [Fact]
    public void Gaussian_has_unit_variance()
    {
        var r = new SeededRandom(7);
        double sum = 0, sq = 0;
        const int n = 200_000;
        for (int i = 0; i < n; i++) { double g = r.NextGaussian(); sum += g; sq += g * g; }
        double mean = sum / n;
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(sq / n - mean * mean, 0.98, 1.02);
    }
}
