namespace Attune.Engine.Sensing;

/// <summary>
/// A person's resting heart rate and RMSSD (mean and standard deviation): arousal is measured
/// relative to it, not to population norms (THERAPY.md). Fitted from a resting period, carried
/// over from earlier sessions, or — when nothing is known — the wide <see cref="PopulationPrior"/>.
/// </summary>
public sealed record PersonalBaseline
{
    public const double MinHeartRateBpm = PhysiologySample.MinHeartRateBpm, MaxHeartRateBpm = PhysiologySample.MaxHeartRateBpm;
    public const double MaxHeartRateSdBpm = 50;
    public const double MaxRmssdMs = PhysiologySample.MaxRmssdMs;
    /// <summary>Shortest resting period <see cref="Fit"/> accepts by default (RMSSD needs ≥ 60 s windows, Munoz 2015).</summary>
    public const double DefaultMinRestingSeconds = 60;

    public PersonalBaseline(double heartRateMeanBpm, double heartRateSdBpm, double? rmssdMeanMs = null, double? rmssdSdMs = null)
        : this(heartRateMeanBpm, heartRateSdBpm, rmssdMeanMs, rmssdSdMs, isPopulationPrior: false)
    {
    }

    private PersonalBaseline(double heartRateMeanBpm, double heartRateSdBpm, double? rmssdMeanMs, double? rmssdSdMs, bool isPopulationPrior)
    {
        SensingInputRange.Require(nameof(HeartRateMeanBpm), heartRateMeanBpm, MinHeartRateBpm, MaxHeartRateBpm, "bpm");
        SensingInputRange.RequirePositive(nameof(HeartRateSdBpm), heartRateSdBpm, MaxHeartRateSdBpm, "bpm");
        if (rmssdMeanMs.HasValue != rmssdSdMs.HasValue)
            throw new ArgumentException($"{nameof(RmssdMeanMs)} and {nameof(RmssdSdMs)} must both be given or both be null.", nameof(rmssdSdMs));
        if (rmssdMeanMs is double m)
            SensingInputRange.RequirePositive(nameof(RmssdMeanMs), m, MaxRmssdMs, "ms");
        if (rmssdSdMs is double s)
            SensingInputRange.RequirePositive(nameof(RmssdSdMs), s, MaxRmssdMs, "ms");
        HeartRateMeanBpm = heartRateMeanBpm;
        HeartRateSdBpm = heartRateSdBpm;
        RmssdMeanMs = rmssdMeanMs;
        RmssdSdMs = rmssdSdMs;
        IsPopulationPrior = isPopulationPrior;
    }

    /// <summary>
    /// Used when nothing is known about the person: resting HR 70 ± 10 bpm (a typical adult value,
    /// unconfirmed — adjust here) and RMSSD 42 ± 15 ms (Nunan et al. 2010, PACE 33:1407, normal
    /// short-term values in healthy adults). The SDs are between-person spreads, so deviations give
    /// smaller z-scores, and the estimator also widens its physiology noise for it.
    /// </summary>
    public static PersonalBaseline PopulationPrior { get; } = new(70, 10, 42, 15, isPopulationPrior: true);

    public double HeartRateMeanBpm { get; }

    public double HeartRateSdBpm { get; }

    /// <summary>Resting RMSSD mean, ms; null when the resting data carried no RR intervals.</summary>
    public double? RmssdMeanMs { get; }

    public double? RmssdSdMs { get; }

    /// <summary>True only for <see cref="PopulationPrior"/>: the numbers are not this person's.</summary>
    public bool IsPopulationPrior { get; }

    /// <summary>
    /// Fits a baseline from resting samples. Samples without skin contact are skipped; the usable
    /// samples must span at least <paramref name="minRestingSeconds"/>. RMSSD is fitted when at
    /// least two samples carry it.
    /// </summary>
    public static PersonalBaseline Fit(IReadOnlyList<PhysiologySample> resting, double minRestingSeconds = DefaultMinRestingSeconds)
    {
        ArgumentNullException.ThrowIfNull(resting);
        SensingInputRange.Require(nameof(minRestingSeconds), minRestingSeconds, 1, 3600, "s");
        int n = 0, nr = 0;
        double first = double.PositiveInfinity, last = double.NegativeInfinity;
        double sumHr = 0, sumHr2 = 0, sumR = 0, sumR2 = 0;
        for (int i = 0; i < resting.Count; i++)
        {
            var s = resting[i];
            if (s.Contact == SensorContact.NotDetected) continue;
            n++;
            first = Math.Min(first, s.TimeSeconds);
            last = Math.Max(last, s.TimeSeconds);
            sumHr += s.HeartRateBpm;
            sumHr2 += s.HeartRateBpm * s.HeartRateBpm;
            if (s.RmssdMs is double r)
            {
                nr++;
                sumR += r;
                sumR2 += r * r;
            }
        }
        if (n < 2 || last - first < minRestingSeconds)
            throw new ArgumentException($"{nameof(resting)} must contain samples with skin contact spanning at least {minRestingSeconds} s; got {n} samples spanning {(n < 2 ? 0 : last - first)} s.", nameof(resting));
        double hrMean = sumHr / n;
        double hrSd = SampleSd(sumHr, sumHr2, n);
        double? rMean = nr >= 2 ? sumR / nr : null;
        double? rSd = nr >= 2 ? SampleSd(sumR, sumR2, nr) : null;
        return new PersonalBaseline(hrMean, hrSd, rMean, rSd);
    }

    /// <summary>
    /// Blends this baseline with one fitted in a new session: exponentially weighted, the new
    /// session weighing <paramref name="newWeight"/> (0–1). Means are mixed; the variance is the
    /// mixture's (within-session variances plus the spread between the means). The population
    /// prior is replaced outright by a person's data.
    /// </summary>
    public PersonalBaseline UpdatedWith(PersonalBaseline session, double newWeight = 0.3)
    {
        ArgumentNullException.ThrowIfNull(session);
        SensingInputRange.Require(nameof(newWeight), newWeight, 0, 1, "(fraction)");
        if (session.IsPopulationPrior)
            throw new ArgumentException($"{nameof(session)} must be a person's fitted baseline, not the population prior.", nameof(session));
        if (IsPopulationPrior) return session;
        var (hrMean, hrSd) = Mix(HeartRateMeanBpm, HeartRateSdBpm, session.HeartRateMeanBpm, session.HeartRateSdBpm, newWeight);
        if (RmssdMeanMs is not double oldR || session.RmssdMeanMs is not double newR)
        {
            // Keep whichever RMSSD baseline exists.
            var keep = session.RmssdMeanMs is null ? this : session;
            return new PersonalBaseline(hrMean, hrSd, keep.RmssdMeanMs, keep.RmssdSdMs);
        }
        var (rMean, rSd) = Mix(oldR, RmssdSdMs!.Value, newR, session.RmssdSdMs!.Value, newWeight);
        return new PersonalBaseline(hrMean, hrSd, rMean, rSd);
    }

    private static (double Mean, double Sd) Mix(double oldMean, double oldSd, double newMean, double newSd, double w)
    {
        double mean = (1 - w) * oldMean + w * newMean;
        double d = newMean - oldMean;
        double variance = (1 - w) * oldSd * oldSd + w * newSd * newSd + w * (1 - w) * d * d;
        return (mean, Math.Max(Math.Sqrt(variance), 1e-3));
    }

    // A perfectly flat resting trace has SD 0; a tiny floor keeps the record valid (the estimator applies its own floors).
    private static double SampleSd(double sum, double sumSquares, int n)
    {
        double mean = sum / n;
        double variance = Math.Max(0, (sumSquares - n * mean * mean) / (n - 1));
        return Math.Max(Math.Sqrt(variance), 1e-3);
    }
}
