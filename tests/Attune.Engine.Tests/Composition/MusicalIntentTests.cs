using Attune.Engine.Composition;
using Attune.Engine.Composition.Model;

namespace Attune.Engine.Tests.Composition;

public class MusicalIntentTests
{
    private static readonly double[] Levels = [.. Enumerable.Range(0, 21).Select(i => i / 20.0)];

    public static TheoryData<string, int> Parameters => new()
    {
        { nameof(MusicalIntent.TempoBpm), +1 },
        { nameof(MusicalIntent.Register), +1 },
        { nameof(MusicalIntent.Density), +1 },
        { nameof(MusicalIntent.Brightness), +1 },
        { nameof(MusicalIntent.LoudnessDb), +1 },
        { nameof(MusicalIntent.Predictability), -1 },
        { nameof(MusicalIntent.AttackSeconds), -1 },
        { nameof(MusicalIntent.OnsetsPerBeat), +1 },
        { nameof(MusicalIntent.Temperature), +1 },
    };

    [Theory]
    [MemberData(nameof(Parameters))]
    public void ForArousal_is_strictly_monotonic_in_each_parameter(string name, int direction)
    {
        var property = typeof(MusicalIntent).GetProperty(name)!;
        double previous = double.NaN;
        foreach (double a in Levels)
        {
            double value = (double)property.GetValue(MusicalIntent.ForArousal(a))!;
            if (!double.IsNaN(previous))
                Assert.True(direction * (value - previous) > 0, $"{name} at arousal {a}: {value} after {previous}");
            previous = value;
        }
    }

    [Fact]
    public void ForArousal_is_calmer_below_baseline_and_keeps_major_mode()
    {
        MusicalIntent calm = MusicalIntent.ForArousal(0.1), baseline = MusicalIntent.ForArousal(0.5), aroused = MusicalIntent.ForArousal(0.9);
        Assert.True(calm.TempoBpm < baseline.TempoBpm && baseline.TempoBpm < aroused.TempoBpm);
        Assert.True(calm.OnsetsPerBeat < 1 && aroused.OnsetsPerBeat > 1);
        Assert.InRange(baseline.TempoBpm, 60, 80); // around a resting pace
        foreach (double a in Levels) Assert.Equal(ScaleMode.Major, MusicalIntent.ForArousal(a).Mode);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void ForArousal_rejects_values_outside_0_to_1(double arousal)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => MusicalIntent.ForArousal(arousal));
        Assert.Equal("arousal", e.ParamName);
        Assert.Contains("0–1", e.Message);
    }

    [Theory]
    [InlineData("tempoBpm", 39, 60, 0.5, 0.5, -6, 0.5, 0.04)]
    [InlineData("tempoBpm", 141, 60, 0.5, 0.5, -6, 0.5, 0.04)]
    [InlineData("register", 60, 47, 0.5, 0.5, -6, 0.5, 0.04)]
    [InlineData("density", 60, 60, 1.1, 0.5, -6, 0.5, 0.04)]
    [InlineData("brightness", 60, 60, 0.5, -0.1, -6, 0.5, 0.04)]
    [InlineData("loudnessDb", 60, 60, 0.5, 0.5, 1, 0.5, 0.04)]
    [InlineData("loudnessDb", 60, 60, 0.5, 0.5, -19, 0.5, 0.04)]
    [InlineData("predictability", 60, 60, 0.5, 0.5, -6, double.NaN, 0.04)]
    [InlineData("attackSeconds", 60, 60, 0.5, 0.5, -6, 0.5, 0.001)]
    public void Constructor_names_the_bad_parameter_and_its_range(string name, double tempo, double register, double density,
        double brightness, double loudness, double predictability, double attack)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new MusicalIntent(tempo, register, density, brightness, loudness, predictability, ScaleMode.Major, attack));
        Assert.Equal(name, e.ParamName);
        Assert.Matches(@"must be in -?[\d.]+–-?[\d.]+", e.Message);
    }

    [Fact]
    public void Mode_must_be_major_or_minor()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MusicalIntent(60, 60, 0.5, 0.5, -6, 0.5, ScaleMode.None));
        Assert.Equal("mode", e.ParamName);
    }
}
