namespace Attune.Engine.Safety;

/// <summary>
/// A-weighting (IEC 61672-1:2013 Annex E) for one channel: the analogue poles 20.6, 107.7, 737.9 and 12194 Hz,
/// mapped by the bilinear transform and normalised to 0 dB at 1 kHz. Three biquads. The bilinear transform squeezes the
/// 12.2 kHz pole pair, so that pair's digital frequency is chosen to match the analogue response at 10 kHz.
/// </summary>
internal struct AWeighting
{
    // IEC 61672-1 Annex E pole frequencies (Hz).
    private const double F1 = 20.598997, F2 = 107.65265, F3 = 737.86223, F4 = 12194.217;

    public Biquad Low;   // s² / (s + w1)²
    public Biquad Mid;   // s² / ((s + w2)(s + w3))
    public Biquad High;  // 1 / (s + w4)²
    private double _gain;

    public static AWeighting Create(double fs = AudioFormat.SampleRate)
    {
        var a = new AWeighting
        {
            Low = HighPassPair(Warp(F1, fs), Warp(F1, fs), fs),
            Mid = HighPassPair(Warp(F2, fs), Warp(F3, fs), fs),
            _gain = 1,
        };
        const double matchHz = 10_000;
        double wanted = Analogue(matchHz) / Analogue(1000);
        double lo = F4 / 2, hi = F4;
        for (int it = 0; it < 60; it++)
        {
            double mid = 0.5 * (lo + hi);
            a.High = LowPassPair(Warp(mid, fs), fs);
            if (a.Magnitude(matchHz, fs) / a.Magnitude(1000, fs) < wanted) lo = mid; else hi = mid;
        }
        a.High = LowPassPair(Warp(0.5 * (lo + hi), fs), fs);
        a._gain = 1;
        a._gain = 1 / a.Magnitude(1000, fs);
        return a;
    }

    /// <summary>The analogue A-weighting magnitude (unnormalised), IEC 61672-1 Annex E.</summary>
    private static double Analogue(double f)
    {
        double f2 = f * f;
        return F4 * F4 * f2 * f2 / ((f2 + F1 * F1) * Math.Sqrt((f2 + F2 * F2) * (f2 + F3 * F3)) * (f2 + F4 * F4));
    }

    /// <summary>The factor after the three biquads that makes 1 kHz read 0 dB.</summary>
    public readonly double Gain => _gain;

    public double Process(double x) => _gain * High.Process(Mid.Process(Low.Process(x)));

    public readonly double Magnitude(double hz, double fs = AudioFormat.SampleRate) =>
        _gain * Low.Magnitude(hz, fs) * Mid.Magnitude(hz, fs) * High.Magnitude(hz, fs);

    // Pre-warped analogue pole (rad/s) so the digital pole lands at the analogue frequency.
    private static double Warp(double hz, double fs) => 2 * fs * Math.Tan(Math.PI * hz / fs);

    // Bilinear transform of s² / ((s + p)(s + q)), s = 2fs (z − 1)/(z + 1).
    private static Biquad HighPassPair(double p, double q, double fs)
    {
        double c = 2 * fs;
        double a0 = (c + p) * (c + q);
        return new Biquad(c * c / a0, -2 * c * c / a0, c * c / a0,
            (2 * p * q - 2 * c * c) / a0, (c - p) * (c - q) / a0);
    }

    // Bilinear transform of p² / (s + p)².
    private static Biquad LowPassPair(double p, double fs)
    {
        double c = 2 * fs;
        double a0 = (c + p) * (c + p);
        return new Biquad(p * p / a0, 2 * p * p / a0, p * p / a0,
            (2 * p * p - 2 * c * c) / a0, (c - p) * (c - p) / a0);
    }
}
