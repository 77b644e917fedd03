namespace Attune.Engine.Sensing;

/// <summary>
/// Beat-artefact detection and correction after Lipponen &amp; Tarvainen 2019, "A robust algorithm for heart rate
/// variability time series artefact correction using novel beat classification", J Med Eng Technol 43(3):173–181:
/// successive differences dRR and the deviation mRR from an 11-beat median are normalised by time-varying thresholds
/// (5.2 × quartile deviation over 91 surrounding beats); an NPN/PNP pattern of dRR marks an ectopic pair, large dRR
/// with an opposite-sign follow-up (or a large mRR) marks a long/short interval, which is a missed beat when half of
/// it fits the median and an extra beat when it plus the next fits the median. Written from the paper's description.
/// Corrections: a missed beat is split into equal halves, an extra beat merged with the next, a long/short interval
/// replaced by linear interpolation over beat index, an ectopic pair set to its mean when the pair sums to two
/// median beats (compensatory pause) and interpolated otherwise.
/// </summary>
public static class RrArtefactCorrector
{
    /// <summary>Physiological range; values outside are replaced before classification.</summary>
    public const double MinRrMs = 300, MaxRrMs = 2000;

    private const int ThresholdWindow = 91, MedianWindow = 11;
    private const double ThresholdScale = 5.2;

    // Decision-boundary constants of the ectopic region (paper: c1 = 0.13, c2 = 0.17).
    private const double C1 = 0.13, C2 = 0.17;

    /// <summary>Floor on both thresholds so quantised or nearly constant series do not flag 1–2 ms steps.</summary>
    public const double MinThresholdMs = 20;

    private enum Kind : byte { Normal, EctopicFirst, EctopicSecond }

    public static RrCorrectionResult Correct(IReadOnlyList<double> rrMs)
    {
        ArgumentNullException.ThrowIfNull(rrMs);
        int n = rrMs.Count;
        var rr = new double[n];
        var marks = new Kind[n];
        int outOfRange = 0;
        for (int i = 0; i < n; i++)
        {
            double v = rrMs[i];
            if (!double.IsFinite(v) || v < MinRrMs || v > MaxRrMs)
            {
                rr[i] = double.NaN;
                outOfRange++;
            }
            else rr[i] = v;
        }
        FillByInterpolation(rr);
        if (n < 4 || double.IsNaN(rr[0])) return new RrCorrectionResult(Finite(rr), 0, 0, 0, 0, outOfRange);

        var drr = new double[n];
        for (int i = 1; i < n; i++) drr[i] = rr[i] - rr[i - 1];
        drr[0] = 0;
        double[] med = RunningMedian(rr, MedianWindow);
        var mrr = new double[n];
        for (int i = 0; i < n; i++)
        {
            double d = rr[i] - med[i];
            mrr[i] = d < 0 ? 2 * d : d; // the paper doubles negative deviations to make short beats stand out
        }
        double[] th1 = Thresholds(drr);
        double[] th2 = Thresholds(mrr);
        var s = new double[n];
        var m = new double[n];
        for (int i = 0; i < n; i++)
        {
            s[i] = drr[i] / th1[i];
            m[i] = mrr[i] / th2[i];
        }

        int ectopic = 0;
        for (int j = 1; j < n - 1; j++)
        {
            double s11 = s[j];
            double s12 = s11 > 0 ? Math.Max(s[j - 1], s[j + 1]) : Math.Min(s[j - 1], s[j + 1]);
            bool npn = s11 > 1 && s12 < -C1 * s11 - C2;
            bool pnp = s11 < -1 && s12 > -C1 * s11 + C2;
            if ((npn || pnp) && marks[j - 1] == Kind.Normal)
            {
                // dRR(j) spans intervals j−1 and j: both intervals of the pair are wrong.
                marks[j - 1] = Kind.EctopicFirst;
                marks[j] = Kind.EctopicSecond;
                ectopic++;
                j++;
            }
        }

        var output = new List<double>(n + 8);
        int missed = 0, extra = 0, longShort = 0;
        for (int j = 0; j < n; j++)
        {
            if (marks[j] == Kind.EctopicFirst)
            {
                // A premature beat with a full compensatory pause keeps the pair's sum: then moving the ectopic beat
                // to halfway (both intervals = the pair mean) keeps the time axis; otherwise both are interpolated.
                double pair = rr[j] + rr[j + 1];
                bool compensated = Math.Abs(pair - 2 * med[j]) < th2[j];
                output.Add(compensated ? pair / 2 : double.NaN);
                output.Add(compensated ? pair / 2 : double.NaN);
                j++;
                continue;
            }
            double s21 = s[j];
            double s22 = j + 2 < n
                ? (s21 >= 0 ? Math.Min(s[j + 1], s[j + 2]) : Math.Max(s[j + 1], s[j + 2]))
                : 0;
            bool candidate = (s21 > 1 && s22 < -1) || (s21 < -1 && s22 > 1) || Math.Abs(m[j]) > 3;
            if (!candidate)
            {
                output.Add(rr[j]);
                continue;
            }
            if (rr[j] > med[j] && Math.Abs(rr[j] / 2 - med[j]) < th2[j])
            {
                output.Add(rr[j] / 2);
                output.Add(rr[j] / 2);
                missed++;
            }
            else if (rr[j] < med[j] && j + 1 < n && marks[j + 1] == Kind.Normal && Math.Abs(rr[j] + rr[j + 1] - med[j]) < th2[j])
            {
                output.Add(rr[j] + rr[j + 1]);
                extra++;
                j++;
            }
            else
            {
                output.Add(double.NaN);
                longShort++;
            }
        }
        double[] corrected = [.. output];
        FillByInterpolation(corrected);
        return new RrCorrectionResult(Finite(corrected), missed, extra, ectopic, longShort, outOfRange);
    }

    /// <summary>Th(j) = 5.2 × quartile deviation of |x| over the 91 beats centred on j (window shortened at the ends).</summary>
    private static double[] Thresholds(double[] x)
    {
        int n = x.Length, half = ThresholdWindow / 2;
        var th = new double[n];
        var buf = new double[Math.Min(n, ThresholdWindow)];
        for (int j = 0; j < n; j++)
        {
            int lo = Math.Max(0, j - half), hi = Math.Min(n - 1, j + half), len = hi - lo + 1;
            for (int k = 0; k < len; k++) buf[k] = Math.Abs(x[lo + k]);
            var w = buf.AsSpan(0, len);
            w.Sort();
            double qd = (Quantile(w, 0.75) - Quantile(w, 0.25)) / 2;
            th[j] = Math.Max(MinThresholdMs, ThresholdScale * qd);
        }
        return th;
    }

    private static double[] RunningMedian(double[] x, int window)
    {
        int n = x.Length, half = window / 2;
        var med = new double[n];
        var buf = new double[window];
        for (int j = 0; j < n; j++)
        {
            int lo = Math.Max(0, j - half), hi = Math.Min(n - 1, j + half), len = hi - lo + 1;
            x.AsSpan(lo, len).CopyTo(buf);
            var w = buf.AsSpan(0, len);
            w.Sort();
            med[j] = Quantile(w, 0.5);
        }
        return med;
    }

    /// <summary>Linear-interpolated quantile of a sorted span.</summary>
    private static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        double pos = q * (sorted.Length - 1);
        int i = (int)pos;
        double frac = pos - i;
        return i + 1 < sorted.Length ? sorted[i] + frac * (sorted[i + 1] - sorted[i]) : sorted[i];
    }

    /// <summary>Replaces NaN runs by linear interpolation over beat index (edges take the nearest finite value).</summary>
    private static void FillByInterpolation(double[] x)
    {
        int n = x.Length, prev = -1;
        for (int i = 0; i <= n; i++)
        {
            if (i < n && double.IsNaN(x[i])) continue;
            int gapStart = prev + 1;
            if (i > gapStart && (prev >= 0 || i < n))
            {
                for (int k = gapStart; k < i; k++)
                {
                    if (prev < 0) x[k] = x[i];
                    else if (i >= n) x[k] = x[prev];
                    else x[k] = x[prev] + (x[i] - x[prev]) * (k - prev) / (i - prev);
                }
            }
            prev = i;
        }
    }

    private static double[] Finite(double[] x) => Array.FindAll(x, double.IsFinite);
}
