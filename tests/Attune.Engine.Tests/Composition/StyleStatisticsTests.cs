using Attune.Engine.Composition.Model;

namespace Attune.Engine.Tests.Composition;

public class StyleStatisticsTests
{
    [Fact]
    public void Counts_pitch_classes_soprano_intervals_register_and_voices()
    {
        var stats = new StyleStatistics();
        stats.AddChorales([[[48, 60, 64, 67], [], [50, 62, 65, 69], [79]], [[60]]]);
        Assert.Equal(5, stats.Frames);
        Assert.Equal(3, stats.PitchClass[0]);
        Assert.Equal(2, stats.PitchClass[2]);
        Assert.Equal(1, stats.SopranoInterval[12 + 2]); // 67 → 69, the empty frame is skipped
        Assert.Equal(1, stats.SopranoInterval[12 + 10]); // 69 → 79
        Assert.Equal(2, stats.SopranoInterval.Sum()); // no interval across the chorale boundary
        Assert.Equal(2, stats.Register[60 - 21]);
        Assert.Equal([1, 2, 0, 0, 2, 0, 0, 0, 0], stats.VoiceCount);
    }

    [Fact]
    public void Kl_divergence_is_zero_for_equal_shapes_and_matches_the_formula()
    {
        Assert.Equal(0, StyleStatistics.KlDivergence([3, 1], [3, 1]), 12);
        double p0 = 3.5 / 5, p1 = 1.5 / 5, q0 = 1.5 / 5, q1 = 3.5 / 5;
        double expected = p0 * Math.Log(p0 / q0) + p1 * Math.Log(p1 / q1);
        Assert.Equal(expected, StyleStatistics.KlDivergence([3, 1], [1, 3]), 12);
    }

    [Fact]
    public void Divergences_grow_with_difference()
    {
        var reference = new StyleStatistics();
        reference.AddChorales([[[60, 64, 67], [62, 65, 69], [64, 67, 71]]]);
        var same = new StyleStatistics();
        same.AddChorales([[[60, 64, 67], [62, 65, 69], [64, 67, 71]]]);
        var other = new StyleStatistics();
        other.AddChorales([[[30], [31], [32]]]);
        var zero = StyleStatistics.Divergences(reference, same);
        var far = StyleStatistics.Divergences(reference, other);
        Assert.Equal(["pitch_class", "soprano_interval", "register", "voice_count"], zero.Keys);
        foreach (var key in zero.Keys)
        {
            Assert.Equal(0, zero[key], 12);
            Assert.True(far[key] > 0.1, $"{key}: {far[key]}");
        }
    }
}
