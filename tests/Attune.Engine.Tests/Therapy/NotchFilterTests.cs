using Attune.Engine.Analysis;
using CsCheck;
using Attune.Engine.Therapy;

namespace Attune.Engine.Tests.Therapy;

public class NotchFilterTests
{
    private const double Fs = AudioFormat.SampleRate;
    private static readonly double TopHz = Math.Min(20_000, 0.49 * Fs);

    public static TheoryData<double, double> Grid()
    {
        var data = new TheoryData<double, double>();
        foreach (double f in new double[] { 250, 500, 1000, 2000, 4000, 6000, 8000, 12000, 16000 })
            foreach (double w in new[] { 0.25, 0.5, 1.0 })
                data.Add(f, w);
        data.Add(15_400, 1.0); // regression: prewarping puts the analog centre above the upper stop edge
        return data;
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Computed_response_meets_depth_and_flatness(double fT, double w)
    {
        var notch = new NotchFilter(fT, w);

        double worstStop = double.NegativeInfinity;
        foreach (double f in LogSpaced(fT * Math.Pow(2, -0.4 * w), Math.Min(fT * Math.Pow(2, 0.4 * w), 0.499 * Fs), 2000))
            worstStop = Math.Max(worstStop, notch.MagnitudeDb(f));
        Assert.True(worstStop <= -40, $"stop band reaches {worstStop:F2} dB");

        double worstFlat = 0;
        foreach (double f in LogSpaced(20, fT * Math.Pow(2, -0.6 * w), 1500))
            worstFlat = Math.Max(worstFlat, Math.Abs(notch.MagnitudeDb(f)));
        double upperEdge = fT * Math.Pow(2, 0.6 * w);
        if (upperEdge < TopHz)
            foreach (double f in LogSpaced(upperEdge, TopHz, 1500))
                worstFlat = Math.Max(worstFlat, Math.Abs(notch.MagnitudeDb(f)));
        Assert.True(worstFlat <= 1, $"pass band deviates {worstFlat:F3} dB");
    }

    [Fact]
    public void Spec_holds_for_random_centres_and_widths()
    {
        Gen.Select(Gen.Double[Math.Log2(250), Math.Log2(16_000)], Gen.Double[0.25, 1.0]).Sample(t =>
        {
            double fT = Math.Pow(2, t.Item1), w = t.Item2;
            var notch = new NotchFilter(fT, w);
            foreach (double f in LogSpaced(fT * Math.Pow(2, -0.4 * w), Math.Min(fT * Math.Pow(2, 0.4 * w), 0.499 * Fs), 300))
                Assert.True(notch.MagnitudeDb(f) <= -40, $"fT {fT:F1} W {w:F3}: {notch.MagnitudeDb(f):F1} dB at {f:F0} Hz");
            double upperEdge = fT * Math.Pow(2, 0.6 * w);
            var flat = LogSpaced(20, fT * Math.Pow(2, -0.6 * w), 300);
            if (upperEdge < TopHz) flat = flat.Concat(LogSpaced(upperEdge, TopHz, 100));
            foreach (double f in flat)
                Assert.True(Math.Abs(notch.MagnitudeDb(f)) <= 1, $"fT {fT:F1} W {w:F3}: {notch.MagnitudeDb(f):F2} dB at {f:F0} Hz");
        }, iter: 100);
    }

    [Theory]
    [MemberData(nameof(Grid))]
    public void Stop_band_is_centred_on_a_log_scale(double fT, double w)
    {
        var notch = new NotchFilter(fT, w);
        // The −20 dB crossings bracket the stop band; their geometric mean is its centre.
        double lo = Crossing(notch, fT * Math.Pow(2, -0.6 * w), fT, -20);
        double upperEdge = fT * Math.Pow(2, 0.6 * w);
        Assert.InRange(lo / fT, Math.Pow(2, -0.6 * w), Math.Pow(2, -0.4 * w));
        // A two-sided notch only when its upper pass edge is audible (≤ 20 kHz); above that, prewarping
        // near Nyquist stretches the upper transition and only the lower side is specified.
        if (upperEdge <= TopHz)
        {
            double hi = Crossing(notch, upperEdge, fT, -20);
            Assert.InRange(hi / fT, Math.Pow(2, 0.4 * w), Math.Pow(2, 0.6 * w));
            Assert.InRange(Math.Sqrt(lo * hi) / fT, 0.98, 1.02);
        }
    }

    // 20 s of white noise and its PSD, shared by the rendered-output cases.
    private const int Segment = 16384;
    private static readonly Lazy<(float[] Dry, double[] Psd)> WhiteNoise = new(() =>
    {
        var rng = new SeededRandom(2026);
        var dry = new float[20 * AudioFormat.SampleRate];
        for (int i = 0; i < dry.Length; i++) dry[i] = rng.NextBipolar() * 0.5f;
        return (dry, Welch.PowerSpectralDensity(dry, Fs, Segment));
    });

    [Theory]
    [InlineData(1000, 1.0)]
    [InlineData(250, 0.25)]
    [InlineData(12000, 0.25)]
    public void Rendered_white_noise_is_notched_and_flat_elsewhere(double fT, double w)
    {
        (float[] dry, double[] before) = WhiteNoise.Value;
        int frames = dry.Length;
        var left = (float[])dry.Clone();
        var right = (float[])dry.Clone();
        var notch = new NotchFilter(fT, w);
        for (int start = 0; start < frames; start += AudioFormat.BlockSize)
        {
            int n = Math.Min(AudioFormat.BlockSize, frames - start);
            notch.Process(left.AsSpan(start, n), right.AsSpan(start, n));
        }
        Assert.Equal(left, right);

        double[] after = Welch.PowerSpectralDensity(left, Fs, Segment);
        double Ratio(double lo, double hi) =>
            Decibels.FromPower(Welch.BandMean(after, Fs, lo, hi) / Welch.BandMean(before, Fs, lo, hi));

        double depth = Ratio(fT * Math.Pow(2, -0.3 * w), fT * Math.Pow(2, 0.3 * w));
        Assert.True(depth <= -40, $"measured depth {depth:F1} dB");

        double below = fT * Math.Pow(2, -0.7 * w);
        foreach ((double lo, double hi) in Bands(30, below))
            Assert.InRange(Ratio(lo, hi), -1, 1);
        double above = fT * Math.Pow(2, 0.7 * w);
        if (above < TopHz)
            foreach ((double lo, double hi) in Bands(above, TopHz))
                Assert.InRange(Ratio(lo, hi), -1, 1);
    }

    [Fact]
    public void Stays_finite_and_bounded_on_loud_input()
    {
        var notch = new NotchFilter(250, 0.25);
        var rng = new SeededRandom(5);
        var l = new float[AudioFormat.BlockSize];
        var r = new float[AudioFormat.BlockSize];
        double peak = 0;
        for (int block = 0; block < 2000; block++)
        {
            for (int i = 0; i < l.Length; i++)
            {
                l[i] = block % 7 == 0 ? 1f : rng.NextBipolar(); // steps and noise at full scale
                r[i] = i == 0 ? 1f : 0f; // impulses
            }
            notch.Process(l, r);
            for (int i = 0; i < l.Length; i++)
            {
                Assert.True(float.IsFinite(l[i]) && float.IsFinite(r[i]));
                peak = Math.Max(peak, Math.Max(Math.Abs(l[i]), Math.Abs(r[i])));
            }
        }
        Assert.True(peak < 8, $"peak {peak}");
        // Silence after loud input decays to silence.
        for (int block = 0; block < 2000; block++)
        {
            Array.Clear(l);
            Array.Clear(r);
            notch.Process(l, r);
        }
        Assert.True(Math.Abs(l[^1]) < 1e-6 && Math.Abs(r[^1]) < 1e-6);
    }

    [Fact]
    public void Block_length_does_not_change_the_output_and_Reset_restarts()
    {
        var rng = new SeededRandom(77);
        var input = new float[3000];
        for (int i = 0; i < input.Length; i++) input[i] = rng.NextBipolar();
        var whole = (float[])input.Clone();
        var wholeRight = (float[])input.Clone();
        var notch = new NotchFilter(2000, 0.5);
        notch.Process(whole, wholeRight);

        var pieces = (float[])input.Clone();
        var piecesRight = (float[])input.Clone();
        notch.Reset();
        for (int start = 0; start < pieces.Length; start += 100)
            notch.Process(pieces.AsSpan(start, 100), piecesRight.AsSpan(start, 100));
        Assert.Equal(whole, pieces);
        Assert.Equal(whole, wholeRight);
    }

    [Theory]
    [InlineData(249.9, 1.0, "centreHz")]
    [InlineData(16000.1, 1.0, "centreHz")]
    [InlineData(double.NaN, 1.0, "centreHz")]
    [InlineData(1000, 0.2, "octaves")]
    [InlineData(1000, 1.01, "octaves")]
    public void Out_of_range_parameters_throw_naming_the_parameter(double f, double w, string name)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new NotchFilter(f, w));
        Assert.Equal(name, ex.ParamName);
        Assert.Contains(name, ex.Message);
    }

    [Fact]
    public void ForProfile_returns_null_without_tinnitus_frequency_and_uses_the_profile_width()
    {
        Assert.Null(NotchFilter.ForProfile(TherapyProfile.Default));
        NotchFilter? n = NotchFilter.ForProfile(new TherapyProfile(Conditions.Tinnitus, tinnitusHz: 3000, notchOctaves: 0.5));
        Assert.NotNull(n);
        Assert.Equal(3000, n.CentreHz);
        Assert.Equal(0.5, n.Octaves);
        Assert.InRange(n.SectionCount, 2, 16);
    }

    private static IEnumerable<double> LogSpaced(double lo, double hi, int count)
    {
        for (int i = 0; i < count; i++) yield return lo * Math.Pow(hi / lo, i / (count - 1.0));
    }

    /// <summary>Third-octave measurement bands tiling [lo, hi].</summary>
    private static IEnumerable<(double Lo, double Hi)> Bands(double lo, double hi)
    {
        for (double f = lo; f < hi; f *= Math.Pow(2, 1.0 / 3))
            yield return (f, Math.Min(hi, f * Math.Pow(2, 1.0 / 3)));
    }

    /// <summary>Bisection (log scale) for the frequency between outside and inside where the gain crosses level.</summary>
    private static double Crossing(NotchFilter n, double outside, double inside, double levelDb)
    {
        for (int i = 0; i < 60; i++)
        {
            double mid = Math.Sqrt(outside * inside);
            if (n.MagnitudeDb(mid) > levelDb) outside = mid; else inside = mid;
        }
        return Math.Sqrt(outside * inside);
    }
}
