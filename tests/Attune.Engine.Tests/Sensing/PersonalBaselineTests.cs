using Attune.Engine.Sensing;

namespace Attune.Engine.Tests.Sensing;

public class PersonalBaselineTests
{
    private static List<PhysiologySample> Resting(ulong seed, int seconds, double hr, double hrSd, double? rmssd, double rmssdSd, SensorContact contact = SensorContact.Detected)
    {
        var rng = new SeededRandom(seed);
        var list = new List<PhysiologySample>(seconds + 1);
        for (int t = 0; t <= seconds; t++)
            list.Add(new PhysiologySample(t, hr + hrSd * rng.NextGaussian(), rmssd is double r ? r + rmssdSd * rng.NextGaussian() : null, contact));
        return list;
    }

    [Fact]
    public void Fit_recovers_the_resting_mean_and_sd()
    {
        var b = PersonalBaseline.Fit(Resting(1, 300, 62, 3, 45, 5));
        Assert.Equal(62, b.HeartRateMeanBpm, 0.5);
        Assert.Equal(3, b.HeartRateSdBpm, 0.4);
        Assert.Equal(45, b.RmssdMeanMs!.Value, 0.8);
        Assert.Equal(5, b.RmssdSdMs!.Value, 0.6);
        Assert.False(b.IsPopulationPrior);
    }

    [Fact]
    public void Fit_needs_60_seconds_of_contact()
    {
        var ex = Assert.Throws<ArgumentException>(() => PersonalBaseline.Fit(Resting(2, 59, 60, 2, 40, 3)));
        Assert.Equal("resting", ex.ParamName);
        Assert.Contains("60 s", ex.Message, StringComparison.Ordinal);
        Assert.Equal(60, PersonalBaseline.Fit(Resting(2, 60, 60, 2, 40, 3)).HeartRateMeanBpm, 1.5);
        Assert.Throws<ArgumentException>(() => PersonalBaseline.Fit([]));
    }

    [Fact]
    public void Fit_skips_samples_without_contact()
    {
        var samples = Resting(3, 120, 60, 1, 40, 1);
        samples.AddRange(Resting(4, 120, 150, 1, 10, 1, SensorContact.NotDetected));
        Assert.Equal(60, PersonalBaseline.Fit(samples).HeartRateMeanBpm, 0.5);
        Assert.Throws<ArgumentException>(() => PersonalBaseline.Fit(Resting(5, 120, 60, 1, 40, 1, SensorContact.NotDetected)));
    }

    [Fact]
    public void Fit_without_rr_intervals_has_no_rmssd_baseline()
    {
        var b = PersonalBaseline.Fit(Resting(6, 90, 70, 2, null, 0));
        Assert.Null(b.RmssdMeanMs);
        Assert.Null(b.RmssdSdMs);
    }

    [Fact]
    public void Update_is_exponentially_weighted_and_widens_by_the_spread_between_sessions()
    {
        var old = new PersonalBaseline(60, 3, 40, 5);
        var session = new PersonalBaseline(70, 3, 30, 5);
        var u = old.UpdatedWith(session, 0.25);
        Assert.Equal(62.5, u.HeartRateMeanBpm, 12);
        Assert.Equal(Math.Sqrt(9 + 0.25 * 0.75 * 100), u.HeartRateSdBpm, 12);
        Assert.Equal(37.5, u.RmssdMeanMs!.Value, 12);
        Assert.Equal(Math.Sqrt(25 + 0.25 * 0.75 * 100), u.RmssdSdMs!.Value, 12);
        Assert.Equal(old, old.UpdatedWith(session, 0));
        Assert.Equal(session.HeartRateMeanBpm, old.UpdatedWith(session, 1).HeartRateMeanBpm, 12);
    }

    [Fact]
    public void Update_keeps_an_rmssd_baseline_when_the_new_session_has_none()
    {
        var u = new PersonalBaseline(60, 3, 40, 5).UpdatedWith(new PersonalBaseline(64, 3), 0.5);
        Assert.Equal(62, u.HeartRateMeanBpm, 12);
        Assert.Equal(40, u.RmssdMeanMs);
    }

    [Fact]
    public void The_population_prior_is_wide_and_replaced_by_a_persons_data()
    {
        var p = PersonalBaseline.PopulationPrior;
        Assert.True(p.IsPopulationPrior);
        Assert.Equal(70, p.HeartRateMeanBpm);
        Assert.Equal(42, p.RmssdMeanMs);
        var mine = new PersonalBaseline(58, 2, 55, 6);
        Assert.Same(mine, p.UpdatedWith(mine));
        Assert.Throws<ArgumentException>(() => mine.UpdatedWith(p));
    }

    [Theory]
    [InlineData(24, 3, 40.0, 5.0, "HeartRateMeanBpm")]
    [InlineData(241, 3, 40.0, 5.0, "HeartRateMeanBpm")]
    [InlineData(60, 0, 40.0, 5.0, "HeartRateSdBpm")]
    [InlineData(60, 51, 40.0, 5.0, "HeartRateSdBpm")]
    [InlineData(60, 3, 0.0, 5.0, "RmssdMeanMs")]
    [InlineData(60, 3, 40.0, -1.0, "RmssdSdMs")]
    public void Constructor_rejects_out_of_range_values(double hr, double hrSd, double rmssd, double rmssdSd, string field)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new PersonalBaseline(hr, hrSd, rmssd, rmssdSd));
        Assert.Equal(field, ex.ParamName);
    }

    [Fact]
    public void Rmssd_mean_and_sd_come_together()
    {
        Assert.Throws<ArgumentException>(() => new PersonalBaseline(60, 3, 40, null));
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new PersonalBaseline(60, 3).UpdatedWith(new PersonalBaseline(60, 3), 1.5));
        Assert.Equal("newWeight", ex.ParamName);
    }
}
