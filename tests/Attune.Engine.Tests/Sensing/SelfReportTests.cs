using Attune.Engine.Sensing;

namespace Attune.Engine.Tests.Sensing;

public class SelfReportTests
{
    public static TheoryData<SelfReportScale, double, double> Ranges => new()
    {
        { SelfReportScale.Distress, 0, 10 },
        { SelfReportScale.TinnitusLoudness, 0, 10 },
        { SelfReportScale.TinnitusAnnoyance, 0, 10 },
        { SelfReportScale.SoundSensitivity, 0, 10 },
        { SelfReportScale.Calm, 0, 10 },
        { SelfReportScale.SamValence, 1, 9 },
        { SelfReportScale.SamArousal, 1, 9 },
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Both_ends_of_each_scale_are_accepted(SelfReportScale scale, double min, double max)
    {
        Assert.Equal(min, SelfReport.MinOf(scale));
        Assert.Equal(max, SelfReport.MaxOf(scale));
        Assert.Equal(0, new SelfReport(5, scale, min).Fraction);
        Assert.Equal(1, new SelfReport(5, scale, max).Fraction);
        Assert.Equal(0.5, new SelfReport(5, scale, (min + max) / 2).Fraction, 12);
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Values_outside_each_scale_throw_naming_the_scale_and_range(SelfReportScale scale, double min, double max)
    {
        foreach (double bad in new[] { min - 0.01, max + 0.01, double.NaN, double.PositiveInfinity })
        {
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SelfReport(1, scale, bad));
            Assert.Equal(scale.ToString(), ex.ParamName);
            Assert.Contains($"[{min}, {max}]", ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Time_must_be_finite_and_not_negative(double t)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SelfReport(t, SelfReportScale.Distress, 3));
        Assert.Equal(nameof(SelfReport.TimeSeconds), ex.ParamName);
    }

    [Fact]
    public void An_undefined_scale_is_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SelfReport(1, (SelfReportScale)99, 3));
        Assert.Equal("scale", ex.ParamName);
    }

    [Fact]
    public void Reports_keep_time_scale_and_value()
    {
        var r = new SelfReport(12.5, SelfReportScale.SamArousal, 7);
        Assert.Equal(12.5, r.TimeSeconds);
        Assert.Equal(SelfReportScale.SamArousal, r.Scale);
        Assert.Equal(7, r.Value);
        Assert.Equal(0.75, r.Fraction, 12);
        Assert.True(SelfReport.IsSam(SelfReportScale.SamValence));
        Assert.False(SelfReport.IsSam(SelfReportScale.Calm));
    }
}
