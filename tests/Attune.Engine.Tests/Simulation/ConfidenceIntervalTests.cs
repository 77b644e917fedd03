using Attune.Engine.Simulation;

namespace Attune.Engine.Tests.Simulation;

public class ConfidenceIntervalTests
{
    [Fact]
    public void Interval_of_a_small_sample_matches_a_hand_computation()
    {
        // Values 1..5: mean 3, sample SD √2.5 = 1.5811, SE 0.7071, t(0.975, 4) = 2.776 → ±1.963.
        var (mean, low, high) = ConfidenceInterval.Of([1, 2, 3, 4, 5]);
        Assert.Equal(3, mean, 12);
        Assert.Equal(3 - 1.9630, low, 3);
        Assert.Equal(3 + 1.9630, high, 3);
    }

    [Fact]
    public void Large_samples_use_the_normal_limit()
    {
        Assert.Equal(1.972, ConfidenceInterval.TQuantile975(200), 2); // table value 1.972
        Assert.Equal(2.042, ConfidenceInterval.TQuantile975(30), 3);
        Assert.Throws<ArgumentException>(() => ConfidenceInterval.Of([1.0]));
    }
}
