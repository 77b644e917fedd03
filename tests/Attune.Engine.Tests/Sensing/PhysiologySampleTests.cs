using Attune.Engine.Sensing;

namespace Attune.Engine.Tests.Sensing;

public class PhysiologySampleTests
{
    [Fact]
    public void A_valid_sample_keeps_its_values()
    {
        var s = new PhysiologySample(3, 72, 41.5, SensorContact.Detected, 12);
        Assert.Equal(3, s.TimeSeconds);
        Assert.Equal(72, s.HeartRateBpm);
        Assert.Equal(41.5, s.RmssdMs);
        Assert.Equal(SensorContact.Detected, s.Contact);
        Assert.Equal(12, s.RespirationRateBpm);
    }

    [Theory]
    [InlineData(24.9, nameof(PhysiologySample.HeartRateBpm))]
    [InlineData(240.1, nameof(PhysiologySample.HeartRateBpm))]
    [InlineData(double.NaN, nameof(PhysiologySample.HeartRateBpm))]
    public void Heart_rate_outside_25_to_240_bpm_throws(double bpm, string field)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new PhysiologySample(0, bpm, null, SensorContact.Detected));
        Assert.Equal(field, ex.ParamName);
        Assert.Contains("[25, 240] bpm", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1000.5)]
    public void Rmssd_must_be_positive_and_at_most_1000_ms(double ms)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new PhysiologySample(0, 60, ms, SensorContact.Detected));
        Assert.Equal(nameof(PhysiologySample.RmssdMs), ex.ParamName);
        Assert.Contains("(0, 1000] ms", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.9)]
    [InlineData(60.1)]
    public void Respiration_rate_must_be_2_to_60_per_minute(double bpm)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new PhysiologySample(0, 60, null, SensorContact.Detected, bpm));
        Assert.Equal(nameof(PhysiologySample.RespirationRateBpm), ex.ParamName);
    }

    [Fact]
    public void Time_and_contact_are_validated()
    {
        Assert.Equal(nameof(PhysiologySample.TimeSeconds),
            Assert.Throws<ArgumentOutOfRangeException>(() => new PhysiologySample(-1, 60, null, SensorContact.Detected)).ParamName);
        Assert.Equal("contact",
            Assert.Throws<ArgumentOutOfRangeException>(() => new PhysiologySample(0, 60, null, (SensorContact)7)).ParamName);
    }
}
