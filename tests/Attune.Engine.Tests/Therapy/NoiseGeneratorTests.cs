using System.Runtime.Intrinsics;
using Attune.Engine.Analysis;
using Attune.Engine.Therapy;

namespace Attune.Engine.Tests.Therapy;

public class NoiseGeneratorTests
{
    private const double Fs = AudioFormat.SampleRate;

    internal static (float[] Left, float[] Right) Render(IAudioSource source, int frames) => TestAudio.Render(source, frames);

    [Theory]
    [InlineData(NoiseColor.White, 0.0)]
    [InlineData(NoiseColor.Pink, -3.01)]
    [InlineData(NoiseColor.Brown, -6.02)]
    public void Spectral_slope_matches_the_colour(NoiseColor color, double expectedDbPerOctave)
    {
        var gen = new NoiseGenerator(color, -20, new SeededRandom(11));
        (float[] left, _) = Render(gen, 12 * AudioFormat.SampleRate);
        double[] psd = Welch.PowerSpectralDensity(left, Fs, 16384);
        // Least-squares slope of third-octave band levels against log2 frequency.
        double lowHz = color == NoiseColor.Brown ? 100 : 40, highHz = color == NoiseColor.Brown ? 8000 : 16000;
        var xs = new List<double>();
        var ys = new List<double>();
        for (double f = lowHz; f * Math.Pow(2, 1.0 / 6) <= highHz; f *= Math.Pow(2, 1.0 / 3))
        {
            xs.Add(Math.Log2(f));
            ys.Add(Decibels.FromPower(Welch.BandMean(psd, Fs, f * Math.Pow(2, -1.0 / 6), f * Math.Pow(2, 1.0 / 6))));
        }
        double mx = xs.Average(), my = ys.Average();
        double slope = xs.Zip(ys, (x, y) => (x - mx) * (y - my)).Sum() / xs.Sum(x => (x - mx) * (x - mx));
        Assert.InRange(slope, expectedDbPerOctave - 1, expectedDbPerOctave + 1);
        // And no band strays far from the fitted line.
        for (int i = 0; i < xs.Count; i++)
            Assert.InRange(ys[i] - (my + slope * (xs[i] - mx)), -1.5, 1.5);
    }

    [Fact]
    public void Pink_shaping_filter_is_within_one_dB_of_three_dB_per_octave_from_20_Hz_to_20_kHz()
    {
        // The exact response of the shaper, probed by a long impulse response and FFT.
        var shaper = new NoiseShaper(NoiseColor.Pink, 1000, Fs);
        const int n = 1 << 18;
        var re = new double[n];
        var im = new double[n];
        var block = new Vector128<double>[n];
        block[0] = Vector128.Create(1.0);
        shaper.Process(block);
        for (int i = 0; i < n; i++) re[i] = block[i].GetElement(0);
        Fft.Forward(re, im);
        double Level(double hz)
        {
            int k = (int)Math.Round(hz * n / Fs);
            return Decibels.FromPower(re[k] * re[k] + im[k] * im[k]) + 10 * Math.Log10(hz / 1000);
        }
        double reference = Level(1000);
        for (double f = 20; f <= 20_000; f *= 1.05)
            Assert.InRange(Level(f) - reference, -1, 1);
    }

    [Theory]
    [InlineData(NoiseColor.White, -30.0)]
    [InlineData(NoiseColor.Pink, -40.0)]
    [InlineData(NoiseColor.Brown, -25.0)]
    [InlineData(NoiseColor.NarrowBand, -50.0)]
    public void Long_render_RMS_matches_the_level(NoiseColor color, double dbfs)
    {
        var gen = new NoiseGenerator(color, dbfs, new SeededRandom(3), centreHz: 2000);
        (float[] left, float[] right) = Render(gen, 30 * AudioFormat.SampleRate);
        Assert.InRange(RmsDb(left), dbfs - 0.5, dbfs + 0.5);
        Assert.InRange(RmsDb(right), dbfs - 0.5, dbfs + 0.5);
    }

    [Fact]
    public void Channels_are_decorrelated()
    {
        (float[] l, float[] r) = Render(new NoiseGenerator(NoiseColor.Pink, -20, new SeededRandom(9)), 5 * AudioFormat.SampleRate);
        double lr = 0, ll = 0, rr = 0;
        for (int i = 0; i < l.Length; i++) { lr += l[i] * r[i]; ll += l[i] * l[i]; rr += r[i] * r[i]; }
        Assert.InRange(lr / Math.Sqrt(ll * rr), -0.1, 0.1);
    }

    [Fact]
    public void Same_seed_gives_identical_samples_and_another_seed_differs()
    {
        (float[] a, _) = Render(new NoiseGenerator(NoiseColor.Brown, -20, new SeededRandom(42)), 10_000);
        (float[] b, _) = Render(new NoiseGenerator(NoiseColor.Brown, -20, new SeededRandom(42)), 10_000);
        (float[] c, _) = Render(new NoiseGenerator(NoiseColor.Brown, -20, new SeededRandom(43)), 10_000);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [InlineData(0.5, 0.5)]
    [InlineData(0.2, 0.8)]
    public void Wave_depth_is_measured_on_the_envelope(double rateHz, double depth)
    {
        var gen = new NoiseGenerator(NoiseColor.White, -20, new SeededRandom(5));
        gen.SetWaves(rateHz, depth);
        Assert.True(gen.Classes.HasFlag(SoundClass.WaterLike));
        (float[] left, _) = Render(gen, 20 * AudioFormat.SampleRate);
        // Fit a + b·cos φ + c·sin φ to the RMS of 50 ms windows (after the 50 ms glide).
        const int window = 2400;
        double[,] ata = new double[3, 3];
        double[] aty = new double[3];
        for (int start = window; start + window <= left.Length; start += window)
        {
            double sq = 0;
            for (int i = start; i < start + window; i++) sq += left[i] * left[i];
            double phase = 2 * Math.PI * rateHz * (start + window / 2.0) / Fs;
            double[] row = [1, Math.Cos(phase), Math.Sin(phase)];
            for (int j = 0; j < 3; j++)
            {
                aty[j] += row[j] * Math.Sqrt(sq / window);
                for (int k = 0; k < 3; k++) ata[j, k] += row[j] * row[k];
            }
        }
        double[] coef = Solve3(ata, aty);
        double amplitude = Math.Sqrt(coef[1] * coef[1] + coef[2] * coef[2]);
        double measuredDepth = 2 * amplitude / (coef[0] + amplitude);
        Assert.InRange(measuredDepth, depth - 0.05, depth + 0.05);
        Assert.InRange(Decibels.FromGain(coef[0] + amplitude), -20.5, -19.5); // crest at the set level
    }

    [Fact]
    public void Narrow_band_energy_is_concentrated_around_the_centre()
    {
        const double centre = 3000;
        var gen = new NoiseGenerator(NoiseColor.NarrowBand, -30, new SeededRandom(8), centre);
        (float[] left, _) = Render(gen, 10 * AudioFormat.SampleRate);
        double[] psd = Welch.PowerSpectralDensity(left, Fs, 16384);
        double total = Welch.BandPower(psd, Fs, 20, 20_000);
        double halfOctave = Welch.BandPower(psd, Fs, centre * Math.Pow(2, -0.5), centre * Math.Pow(2, 0.5));
        double thirdOctave = Welch.BandPower(psd, Fs, centre * Math.Pow(2, -1.0 / 6), centre * Math.Pow(2, 1.0 / 6));
        Assert.True(halfOctave / total >= 0.9, $"share within ±½ octave {halfOctave / total:F3}");
        Assert.InRange(thirdOctave / total, 0.55, 0.75); // ⅓-octave −3 dB bandwidth: theory 0.65
    }

    [Fact]
    public void Level_changes_glide_without_jumps()
    {
        var gen = new NoiseGenerator(NoiseColor.White, -60, new SeededRandom(1));
        var l = new float[AudioFormat.BlockSize];
        var r = new float[AudioFormat.BlockSize];
        gen.Render(l, r);
        gen.SetLevelDbfs(-20);
        gen.Render(l, r);
        // 50 ms glide: one block later the level is still far below the target.
        Assert.True(RmsDb(l) < -30, $"first block after the change at {RmsDb(l):F1} dBFS");
        Assert.Equal(-20, gen.LevelDbfs);
    }

    [Fact]
    public void Bad_arguments_throw_naming_the_parameter()
    {
        Assert.Equal("levelDbfs", Assert.Throws<ArgumentOutOfRangeException>(() => new NoiseGenerator(NoiseColor.Pink, 0, new SeededRandom(1))).ParamName);
        Assert.Equal("centreHz", Assert.Throws<ArgumentOutOfRangeException>(() => new NoiseGenerator(NoiseColor.NarrowBand, -30, new SeededRandom(1), 100)).ParamName);
        var gen = new NoiseGenerator(NoiseColor.Pink, -30, new SeededRandom(1));
        Assert.Equal("rateHz", Assert.Throws<ArgumentOutOfRangeException>(() => gen.SetWaves(1, 0.5)).ParamName);
        Assert.Equal("depth", Assert.Throws<ArgumentOutOfRangeException>(() => gen.SetWaves(0.1, 1.5)).ParamName);
        Assert.Equal("dbfs", Assert.Throws<ArgumentOutOfRangeException>(() => gen.SetLevelDbfs(double.NaN)).ParamName);
        Assert.Equal(SoundClass.SteadyNoise, gen.Classes);
    }

    internal static double RmsDb(ReadOnlySpan<float> x)
    {
        double sq = 0;
        foreach (float v in x) sq += v * v;
        return Decibels.FromPower(sq / x.Length);
    }

    private static double[] Solve3(double[,] a, double[] b)
    {
        // Cramer's rule for the 3×3 normal equations.
        static double Det(double[,] m) =>
            m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1])
            - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0])
            + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]);
        double d = Det(a);
        var x = new double[3];
        for (int col = 0; col < 3; col++)
        {
            var m = (double[,])a.Clone();
            for (int row = 0; row < 3; row++) m[row, col] = b[row];
            x[col] = Det(m) / d;
        }
        return x;
    }
}
