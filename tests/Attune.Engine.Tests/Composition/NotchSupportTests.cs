using Attune.Engine;
using Attune.Engine.Analysis;
using Attune.Engine.Composition;
using static Attune.Engine.Tests.Composition.MusicTestAudio;

namespace Attune.Engine.Tests.Composition;

/// <summary>
/// The notch must have something to remove: pre-notch, each half-octave band beside the notch band
/// holds no less than 12 dB below a pink spectrum of the same total power over 20 Hz–20 kHz.
/// </summary>
public class NotchSupportTests
{
    private const double NotchOctaves = 1;

    /// <summary>Band energy minus the pink reference (dB): lower neighbour, notch band, upper neighbour.</summary>
    private static (double Lower, double Notch, double Upper) Margins(float[] signal, double ft)
    {
        double[] psd = Welch.PowerSpectralDensity(signal, AudioFormat.SampleRate);
        double total = Welch.BandPower(psd, AudioFormat.SampleRate, 20, 20_000);
        double edge = 0.4 * NotchOctaves;
        double Margin(double lo, double hi)
        {
            // Pink (1/f) power is spread evenly per octave: a band gets total × its octaves ÷ log2(1000).
            double pink = total * Math.Log2(hi / lo) / Math.Log2(20_000.0 / 20);
            return 10 * Math.Log10(Welch.BandPower(psd, AudioFormat.SampleRate, lo, hi) / pink);
        }
        return (Margin(ft * Math.Pow(2, -edge - 0.5), ft * Math.Pow(2, -edge)),
                Margin(ft * Math.Pow(2, -edge), ft * Math.Pow(2, edge)),
                Margin(ft * Math.Pow(2, edge), ft * Math.Pow(2, edge + 0.5)));
    }

    [Theory]
    [InlineData(4000, 0.1, SoundClass.None)]
    [InlineData(4000, 0.9, SoundClass.None)]
    [InlineData(8000, 0.1, SoundClass.None)]
    [InlineData(8000, 0.9, SoundClass.None)]
    [InlineData(4000, 0.1, SoundClass.SteadyNoise | SoundClass.WindLike | SoundClass.WaterLike)]
    [InlineData(8000, 0.9, SoundClass.SteadyNoise | SoundClass.WindLike | SoundClass.WaterLike)]
    public void Bands_beside_the_notch_hold_energy_within_12_dB_of_pink(double ft, double arousal, SoundClass excluded)
    {
        var profile = new TherapyProfile(Conditions.Tinnitus, tinnitusHz: ft, notchOctaves: NotchOctaves, excludedClasses: excluded);
        MusicPlayer player = Player(arousal, profile);
        Assert.True(player.HasNotchSupport);
        Assert.Equal(excluded != SoundClass.None, player.NotchSupportIsTonal);
        var (left, right) = Render(player, 30);
        var (lowerL, notchL, upperL) = Margins(left, ft);
        var (lowerR, notchR, upperR) = Margins(right, ft);
        string report = $"fT {ft} Hz, arousal {arousal}, excluded {excluded}: lower {lowerL:F1}/{lowerR:F1}, "
            + $"notch band {notchL:F1}/{notchR:F1}, upper {upperL:F1}/{upperR:F1} dB re pink (L/R)";
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        Assert.True(Math.Min(Math.Min(lowerL, lowerR), Math.Min(upperL, upperR)) >= -12, report);
        // The notch band itself carries energy too, so the notch has something to remove.
        Assert.True(Math.Min(notchL, notchR) >= -12, report);
    }
}
