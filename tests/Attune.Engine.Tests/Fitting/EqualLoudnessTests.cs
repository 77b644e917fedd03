using Attune.Engine.Fitting;

namespace Attune.Engine.Tests.Fitting;

public class EqualLoudnessTests
{
    [Fact]
    public void One_kilohertz_needs_no_gain() => Assert.Equal(0, EqualLoudness.GainDb(1000), 9);

    // The formula must reproduce the standard's published 40-phon contour (dB SPL, to 0.1 dB).
    [Theory]
    [InlineData(0, 50.4)]   // 250 Hz
    [InlineData(3, 43.1)]   // 500 Hz
    [InlineData(6, 40.0)]   // 1 kHz
    [InlineData(12, 36.6)]  // 4 kHz
    [InlineData(15, 51.8)]  // 8 kHz
    [InlineData(17, 51.5)]  // 12.5 kHz
    public void Formula_reproduces_the_standards_40_phon_contour(int index, double expectedSpl) =>
        Assert.Equal(expectedSpl, EqualLoudness.ContourSpl(index, 40), 0.1);

    [Fact]
    public void Low_tones_need_about_ten_dB_more_and_the_ear_is_most_sensitive_near_3_to_4_kHz()
    {
        Assert.InRange(EqualLoudness.GainDb(250), 9, 12);
        double min = double.PositiveInfinity, argMin = 0;
        for (double f = 250; f <= 16000; f *= Math.Pow(2, 1.0 / 24))
        {
            double g = EqualLoudness.GainDb(f);
            if (g < min) { min = g; argMin = f; }
        }
        Assert.InRange(argMin, 2800, 4200);
        Assert.InRange(min, -6, -3);
    }

    [Fact]
    public void Interpolates_between_table_points_and_holds_above_12_5_kHz()
    {
        double g250 = EqualLoudness.GainDb(250), g315 = EqualLoudness.GainDb(315);
        double mid = EqualLoudness.GainDb(Math.Sqrt(250.0 * 315));
        Assert.Equal(0.5 * (g250 + g315), mid, 9);
        Assert.Equal(EqualLoudness.GainDb(12500), EqualLoudness.GainDb(16000), 12);
    }

    [Theory]
    [InlineData(249.9)]
    [InlineData(16000.1)]
    [InlineData(double.NaN)]
    public void Rejects_frequencies_outside_the_matching_range(double hz)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => EqualLoudness.GainDb(hz));
        Assert.Contains("250–16000 Hz", e.Message, StringComparison.Ordinal);
    }
}
