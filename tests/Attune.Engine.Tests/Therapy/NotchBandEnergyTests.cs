using Attune.Engine.Therapy;

namespace Attune.Engine.Tests.Therapy;

public class NotchBandEnergyTests
{
    private const double Fs = AudioFormat.SampleRate;

    [Theory]
    [InlineData(1000, 1.0)]
    [InlineData(4000, 0.5)]
    [InlineData(8000, 0.25)]
    public void White_noise_share_is_the_bandwidth_ratio(double fT, double w)
    {
        var rng = new SeededRandom(21);
        var x = new float[10 * AudioFormat.SampleRate];
        for (int i = 0; i < x.Length; i++) x[i] = rng.NextBipolar();
        double expected = fT * (Math.Pow(2, w / 2) - Math.Pow(2, -w / 2)) / (20_000 - 20);
        double share = NotchBandEnergy.Share(x, Fs, fT, w);
        Assert.InRange(share / expected, 0.95, 1.05);
    }

    [Theory]
    [InlineData(1000, 1.0, 1100, true)]
    [InlineData(250, 0.25, 255, true)]
    [InlineData(1000, 0.5, 2000, false)]
    public void A_sine_inside_counts_fully_and_outside_not_at_all(double fT, double w, double sineHz, bool inside)
    {
        var x = new float[4 * AudioFormat.SampleRate];
        for (int i = 0; i < x.Length; i++) x[i] = (float)(0.5 * Math.Sin(2 * Math.PI * sineHz * i / Fs));
        double share = NotchBandEnergy.Share(x, Fs, fT, w);
        if (inside) Assert.True(share > 0.99, $"share {share}");
        else Assert.True(share < 0.01, $"share {share}");
    }

    [Fact]
    public void Silence_has_zero_share_and_bad_arguments_throw()
    {
        Assert.Equal(0, NotchBandEnergy.Share(new float[48_000], Fs, 1000, 1));
        Assert.Equal("centreHz", Assert.Throws<ArgumentOutOfRangeException>(() => NotchBandEnergy.Share(new float[48_000], Fs, 20_000, 1)).ParamName);
        Assert.Equal("octaves", Assert.Throws<ArgumentOutOfRangeException>(() => NotchBandEnergy.Share(new float[48_000], Fs, 1000, 2)).ParamName);
        Assert.Equal("mono", Assert.Throws<ArgumentException>(() => NotchBandEnergy.Share(new float[100], Fs, 1000, 1)).ParamName);
    }
}
