using Attune.Engine.Sensing;

namespace Attune.Engine.Tests.Sensing;

public class RespirationEstimatorTests
{
    [Fact]
    public void Rsa_at_0_25_Hz_reads_as_15_breaths_per_minute()
    {
        var nn = SyntheticRr.Generate(300, 1000, 20, 0.1, 40, 0.25, noiseSdMs: 3);
        double? rate = RespirationEstimator.Estimate(nn, out string? note);
        Assert.Null(note);
        Assert.InRange(rate!.Value, 14.5, 15.5);
        Assert.InRange(HrvAnalyzer.Analyze(nn).RespirationRateBpm!.Value, 14.5, 15.5);
    }

    [Theory]
    [InlineData(0.1, 6)]
    [InlineData(0.2, 12)]
    [InlineData(0.33, 19.8)]
    public void A_single_rsa_component_gives_its_rate(double hz, double perMinute)
    {
        var nn = SyntheticRr.Generate(120, 900, 0, 0.1, 30, hz, noiseSdMs: 3, seed: 5);
        Assert.InRange(RespirationEstimator.Estimate(nn, out _)!.Value, perMinute - 0.6, perMinute + 0.6);
    }

    [Fact]
    public void One_minute_is_enough_and_less_is_not()
    {
        var minute = SyntheticRr.Generate(62, 1000, 0, 0.1, 40, 0.25);
        Assert.InRange(RespirationEstimator.Estimate(minute, out _)!.Value, 14, 16);
        var short50 = SyntheticRr.Generate(50, 1000, 0, 0.1, 40, 0.25);
        Assert.Null(RespirationEstimator.Estimate(short50, out string? note));
        Assert.StartsWith("needs ≥ 60 s of RR data, got 5", note);
    }

    [Fact]
    public void White_noise_has_no_clear_breathing_peak()
    {
        int reported = 0;
        for (ulong seed = 1; seed <= 20; seed++)
        {
            var nn = SyntheticRr.Generate(300, 900, 0, 0.1, 0, 0.25, noiseSdMs: 20, seed: seed);
            if (RespirationEstimator.Estimate(nn, out string? note) is not null) reported++;
            else Assert.StartsWith("no clear breathing peak", note);
        }
        Assert.True(reported <= 1, $"{reported} of 20 noise series reported a breathing rate");
    }
}
