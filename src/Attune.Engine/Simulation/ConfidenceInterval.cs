namespace Attune.Engine.Simulation;

/// <summary>Two-sided 95 % confidence intervals of a mean (Student's t).</summary>
public static class ConfidenceInterval
{
    // t(0.975, df) for df = 1..30 (standard tables); beyond 30 the series 1.96 + 2.4/df is within 0.003.
    private static readonly double[] T975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    /// <summary>The 97.5 % quantile of Student's t with <paramref name="df"/> degrees of freedom.</summary>
    public static double TQuantile975(int df)
    {
        if (df < 1) throw new ArgumentOutOfRangeException(nameof(df), df, "df must be ≥ 1");
        return df <= T975.Length ? T975[df - 1] : 1.959964 + 2.4 / df;
    }

    /// <summary>Mean and its 95 % interval; needs at least two values.</summary>
    public static (double Mean, double Low, double High) Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2) throw new ArgumentException("a confidence interval needs at least two values", nameof(values));
        double mean = 0;
        foreach (double v in values) mean += v;
        mean /= values.Count;
        double ss = 0;
        foreach (double v in values) ss += (v - mean) * (v - mean);
        double se = Math.Sqrt(ss / (values.Count - 1) / values.Count);
        double half = TQuantile975(values.Count - 1) * se;
        return (mean, mean - half, mean + half);
    }
}
