using Attune.Engine.Analysis;
using Attune.Engine.Therapy;

namespace Attune.Engine.Tests.Therapy;

public class CoordinatedResetGeneratorTests
{
    private const double Fs = AudioFormat.SampleRate;
    private const int Cycle = 32_000, Tone = 8_000; // 1.5 Hz cycles of four tones at 48 kHz

    [Fact]
    public void Is_marked_experimental()
    {
        Assert.True(CoordinatedResetGenerator.IsExperimental);
        Assert.Equal([0.77, 0.90, 1.09, 1.40], CoordinatedResetGenerator.ToneRatios.ToArray());
    }

    [Fact]
    public void The_four_tone_frequencies_are_the_spectral_peaks()
    {
        const double fT = 2000;
        var gen = new CoordinatedResetGenerator(fT, -30, new SeededRandom(4));
        (float[] left, float[] right) = NoiseGeneratorTests.Render(gen, 10 * AudioFormat.SampleRate);
        Assert.Equal(left, right);
        double[] psd = Welch.PowerSpectralDensity(left, Fs, 16384);
        double total = Welch.BandPower(psd, Fs, 20, 20_000);
        double sum = 0;
        foreach (double ratio in CoordinatedResetGenerator.ToneRatios)
        {
            double f = fT * ratio;
            double share = Welch.BandPower(psd, Fs, f * 0.97, f * 1.03) / total;
            Assert.InRange(share, 0.2, 0.3); // each tone holds a quarter of the energy
            sum += share;
            int peak = PeakBin(psd, f * 0.9, f * 1.1);
            Assert.InRange(peak * Fs / 16384, f - 3, f + 3);
        }
        Assert.True(sum > 0.97, $"tones hold {sum:P1} of the energy");
    }

    [Fact]
    public void Three_cycles_on_two_off_each_cycle_a_random_order_of_all_four_tones()
    {
        const double fT = 1000;
        var gen = new CoordinatedResetGenerator(fT, -20, new SeededRandom(12));
        (float[] x, _) = NoiseGeneratorTests.Render(gen, 4 * 5 * Cycle);
        var orders = new HashSet<string>();
        for (int cycle = 0; cycle < 20; cycle++)
        {
            bool on = cycle % 5 < 3;
            var seen = new List<int>();
            for (int slot = 0; slot < 4; slot++)
            {
                ReadOnlySpan<float> tone = x.AsSpan(cycle * Cycle + slot * Tone, Tone);
                double rms = NoiseGeneratorTests.RmsDb(tone);
                if (!on)
                {
                    Assert.True(double.IsNegativeInfinity(rms), $"cycle {cycle} slot {slot} should be silent");
                    continue;
                }
                Assert.InRange(rms, -21.5, -20); // ramps take a little energy off the set level
                seen.Add(DominantTone(tone, fT));
            }
            if (on)
            {
                Assert.Equal([0, 1, 2, 3], seen.Order());
                orders.Add(string.Join(",", seen));
            }
        }
        Assert.True(orders.Count >= 4, $"only {orders.Count} distinct orders in 12 cycles");
    }

    [Fact]
    public void Same_seed_repeats_and_another_seed_differs()
    {
        (float[] a, _) = NoiseGeneratorTests.Render(new CoordinatedResetGenerator(3000, -30, new SeededRandom(1)), 6 * Cycle);
        (float[] b, _) = NoiseGeneratorTests.Render(new CoordinatedResetGenerator(3000, -30, new SeededRandom(1)), 6 * Cycle);
        (float[] c, _) = NoiseGeneratorTests.Render(new CoordinatedResetGenerator(3000, -30, new SeededRandom(2)), 6 * Cycle);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [InlineData(250)]
    [InlineData(4000)]
    [InlineData(16000)]
    public void Has_no_clicks(double fT)
    {
        const double dbfs = -20;
        var gen = new CoordinatedResetGenerator(fT, dbfs, new SeededRandom(3));
        (float[] x, _) = NoiseGeneratorTests.Render(gen, 5 * Cycle);
        double amplitude = Math.Sqrt(2) * Decibels.ToGain(dbfs);
        // A smooth tone moves at most A·(ω_max + π/(2·ramp)) per sample; a click would jump by ~A.
        double omega = 2 * Math.PI * fT * 1.40 / Fs;
        double limit = amplitude * (Math.Min(omega, 2) + Math.PI / (2 * CoordinatedResetGenerator.RampSeconds * Fs)) * 1.02;
        double maxStep = 0;
        for (int i = 1; i < x.Length; i++) maxStep = Math.Max(maxStep, Math.Abs(x[i] - x[i - 1]));
        Assert.True(maxStep <= limit, $"step {maxStep:E3} > {limit:E3}");
        Assert.True(Math.Abs(x[0]) < 1e-6 && Math.Abs(x[Tone - 1]) < amplitude * 0.01); // tones start and end near zero
    }

    [Fact]
    public void Bad_arguments_throw_naming_the_parameter()
    {
        Assert.Equal("tinnitusHz", Assert.Throws<ArgumentOutOfRangeException>(() => new CoordinatedResetGenerator(200, -30, new SeededRandom(1))).ParamName);
        Assert.Equal("levelDbfs", Assert.Throws<ArgumentOutOfRangeException>(() => new CoordinatedResetGenerator(1000, 0, new SeededRandom(1))).ParamName);
        var gen = new CoordinatedResetGenerator(1000, -30, new SeededRandom(1));
        Assert.Equal("dbfs", Assert.Throws<ArgumentOutOfRangeException>(() => gen.SetLevelDbfs(-130)).ParamName);
    }

    private static int PeakBin(double[] psd, double lowHz, double highHz)
    {
        int lo = (int)(lowHz * 16384 / Fs), hi = (int)(highHz * 16384 / Fs), best = lo;
        for (int k = lo; k <= hi; k++) if (psd[k] > psd[best]) best = k;
        return best;
    }

    /// <summary>Which of the four tones a slot holds: the candidate with the largest DFT magnitude.</summary>
    private static int DominantTone(ReadOnlySpan<float> x, double fT)
    {
        int best = -1;
        double bestPower = -1;
        for (int t = 0; t < 4; t++)
        {
            double w = 2 * Math.PI * fT * CoordinatedResetGenerator.ToneRatios[t] / Fs, re = 0, im = 0;
            for (int n = 0; n < x.Length; n++) { re += x[n] * Math.Cos(w * n); im += x[n] * Math.Sin(w * n); }
            if (re * re + im * im > bestPower) { bestPower = re * re + im * im; best = t; }
        }
        return best;
    }
}
