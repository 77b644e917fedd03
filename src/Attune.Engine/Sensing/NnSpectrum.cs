using Attune.Engine.Analysis;

namespace Attune.Engine.Sensing;

/// <summary>
/// Power spectrum of an NN series: the tachogram (NN value at each beat's time) is resampled at 4 Hz with a natural
/// cubic spline, a least-squares line is removed, and Welch's PSD (Hann, 50 % overlap) is taken with 256-sample
/// (64 s) segments, or for shorter series the largest power of two that still gives the requested number of
/// segments (down to 64 samples, 16 s).
/// </summary>
internal sealed class NnSpectrum
{
    public const double ResampleHz = 4;
    public const int SegmentSamples = 256, MinSegmentSamples = 64;

    private NnSpectrum(double[] psd, double binHz)
    {
        Psd = psd;
        BinHz = binHz;
    }

    /// <summary>One-sided PSD in ms²/Hz; bin k at k·BinHz.</summary>
    public double[] Psd { get; }

    public double BinHz { get; }

    /// <summary>The 4 Hz resampled, detrended tachogram (empty for fewer than 3 intervals).</summary>
    public static float[] Tachogram(IReadOnlyList<double> nnMs)
    {
        double[] x = Resample(nnMs);
        if (x.Length > 1) Detrend(x);
        var f = new float[x.Length];
        for (int i = 0; i < x.Length; i++) f[i] = (float)x[i];
        return f;
    }

    /// <summary>Segment length for a tachogram of <paramref name="samples"/> giving ≥ <paramref name="minSegments"/> Welch segments, or 0 if none fits.</summary>
    public static int SegmentFor(int samples, int minSegments)
    {
        for (int segment = SegmentSamples; segment >= MinSegmentSamples; segment /= 2)
            if (samples >= segment && (samples - segment) / (segment / 2) + 1 >= minSegments) return segment;
        return 0;
    }

    /// <summary>Null when no segment length fits.</summary>
    public static NnSpectrum? Compute(float[] tachogram, int minSegments)
    {
        int segment = SegmentFor(tachogram.Length, minSegments);
        if (segment == 0) return null;
        return new NnSpectrum(Welch.PowerSpectralDensity(tachogram, ResampleHz, segment), ResampleHz / segment);
    }

    /// <summary>Integral of the PSD over [lowHz, highHz] by the trapezoid rule on the linearly interpolated spectrum, in ms².</summary>
    public double BandPower(double lowHz, double highHz)
    {
        double sum = 0;
        int last = Psd.Length - 1;
        for (int k = 0; k < last; k++)
        {
            double f0 = k * BinHz, f1 = (k + 1) * BinHz;
            double a = Math.Max(f0, lowHz), b = Math.Min(f1, highHz);
            if (b <= a) continue;
            double pa = Psd[k] + (Psd[k + 1] - Psd[k]) * (a - f0) / BinHz;
            double pb = Psd[k] + (Psd[k + 1] - Psd[k]) * (b - f0) / BinHz;
            sum += 0.5 * (pa + pb) * (b - a);
        }
        return sum;
    }

    /// <summary>Natural cubic spline through (t_i, NN_i), t_i the end of beat i, sampled every 1/4 s from t_0.</summary>
    internal static double[] Resample(IReadOnlyList<double> nnMs)
    {
        int n = nnMs.Count;
        if (n < 3) return [];
        var t = new double[n];
        var y = new double[n];
        double acc = 0;
        for (int i = 0; i < n; i++)
        {
            acc += nnMs[i] / 1000.0;
            t[i] = acc;
            y[i] = nnMs[i];
        }
        double[] m = SecondDerivatives(t, y);
        int count = (int)Math.Floor((t[n - 1] - t[0]) * ResampleHz) + 1;
        var result = new double[count];
        int seg = 0;
        for (int s = 0; s < count; s++)
        {
            double ts = t[0] + s / ResampleHz;
            while (seg < n - 2 && ts > t[seg + 1]) seg++;
            double h = t[seg + 1] - t[seg];
            double a = (t[seg + 1] - ts) / h, b = (ts - t[seg]) / h;
            result[s] = a * y[seg] + b * y[seg + 1] + ((a * a * a - a) * m[seg] + (b * b * b - b) * m[seg + 1]) * h * h / 6;
        }
        return result;
    }

    /// <summary>Spline second derivatives (natural ends) by the tridiagonal (Thomas) solve.</summary>
    private static double[] SecondDerivatives(double[] t, double[] y)
    {
        int n = t.Length;
        var m = new double[n];
        var c = new double[n];
        var d = new double[n];
        for (int i = 1; i < n - 1; i++)
        {
            double h0 = t[i] - t[i - 1], h1 = t[i + 1] - t[i];
            double diag = 2 * (h0 + h1) - h0 * c[i - 1];
            double rhs = 6 * ((y[i + 1] - y[i]) / h1 - (y[i] - y[i - 1]) / h0) - h0 * d[i - 1];
            c[i] = h1 / diag;
            d[i] = rhs / diag;
        }
        for (int i = n - 2; i >= 1; i--) m[i] = d[i] - c[i] * m[i + 1];
        return m;
    }

    /// <summary>Removes the least-squares line (mean and slow drift), so the lowest bins do not swamp LF.</summary>
    internal static void Detrend(double[] x)
    {
        int n = x.Length;
        double meanI = (n - 1) / 2.0, meanX = 0;
        for (int i = 0; i < n; i++) meanX += x[i];
        meanX /= n;
        double sxy = 0, sxx = 0;
        for (int i = 0; i < n; i++)
        {
            sxy += (i - meanI) * (x[i] - meanX);
            sxx += (i - meanI) * (i - meanI);
        }
        double slope = sxx > 0 ? sxy / sxx : 0;
        for (int i = 0; i < n; i++) x[i] -= meanX + slope * (i - meanI);
    }
}
