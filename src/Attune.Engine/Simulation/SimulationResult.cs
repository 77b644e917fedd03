using System.Text.Json.Nodes;

namespace Attune.Engine.Simulation;

/// <summary>
/// Every simulated session (patient × session) and the figures drawn from them. Confidence intervals are
/// over patients (each patient's mean is one value), so sessions of one person are not counted as
/// independent evidence.
/// </summary>
public sealed class SimulationResult
{
    public SimulationResult(SimulationSettings settings, IReadOnlyList<IReadOnlyList<SimulatedSession>> sessions)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(sessions);
        Settings = settings;
        Sessions = sessions;
    }

    public SimulationSettings Settings { get; }

    /// <summary>Sessions[patient][session].</summary>
    public IReadOnlyList<IReadOnlyList<SimulatedSession>> Sessions { get; }

    /// <summary>Mean hidden arousal reduction over all sessions.</summary>
    public double MeanArousalReduction => Mean(PatientMeans(s => s.TrueArousalReduction, 0, Settings.Sessions));

    /// <summary>95 % CI of the mean arousal reduction, across patients (null with one patient).</summary>
    public (double Low, double High)? MeanArousalReductionCi95 => Ci(PatientMeans(s => s.TrueArousalReduction, 0, Settings.Sessions));

    /// <summary>Mean reward over the last five sessions (or all, when fewer).</summary>
    public double MeanRewardLastFive => Mean(PatientMeans(s => s.Reward, Math.Max(0, Settings.Sessions - 5), Settings.Sessions));

    /// <summary>Mean reward of each patient over sessions [from, to).</summary>
    public IReadOnlyList<double> PatientMeanRewards(int from, int to) => PatientMeans(s => s.Reward, from, to);

    /// <summary>Mean arousal reduction of each patient over all sessions.</summary>
    public IReadOnlyList<double> PatientMeanReductions => PatientMeans(s => s.TrueArousalReduction, 0, Settings.Sessions);

    /// <summary>Skips per hour of listening.</summary>
    public double SkipRatePerHour
    {
        get
        {
            double skips = 0, minutes = 0;
            foreach (var patient in Sessions)
                foreach (var s in patient)
                {
                    skips += s.Skips;
                    minutes += s.Minutes;
                }
            return minutes > 0 ? skips / (minutes / 60) : 0;
        }
    }

    /// <summary>Mean arousal reduction of each session number across patients.</summary>
    public IReadOnlyList<double> MeanArousalReductionPerSession
    {
        get
        {
            var means = new double[Settings.Sessions];
            for (int k = 0; k < means.Length; k++)
            {
                double sum = 0;
                foreach (var patient in Sessions) sum += patient[k].TrueArousalReduction;
                means[k] = sum / Sessions.Count;
            }
            return means;
        }
    }

    public int ConstraintViolations => Count(s => s.ConstraintViolations);
    public int RateViolations => Count(s => s.RateViolations);

    /// <summary>The result as the JSON object <c>attune simulate --json</c> prints.</summary>
    public JsonObject ToJson()
    {
        var ci = MeanArousalReductionCi95;
        var perSession = new JsonArray();
        foreach (double m in MeanArousalReductionPerSession) perSession.Add(Math.Round(m, 5));
        return new JsonObject
        {
            ["policy"] = Settings.Policy.ToString().ToLowerInvariant(),
            ["patients"] = Settings.Patients,
            ["sessions"] = Settings.Sessions,
            ["seed"] = Settings.Seed,
            ["session_minutes"] = Settings.SessionMinutes,
            ["mean_arousal_reduction"] = Math.Round(MeanArousalReduction, 5),
            ["mean_arousal_reduction_ci95"] = ci is { } c ? new JsonArray(Math.Round(c.Low, 5), Math.Round(c.High, 5)) : null,
            ["mean_reward"] = Math.Round(MeanRewardLastFive, 5),
            ["skip_rate"] = Math.Round(SkipRatePerHour, 4),
            ["constraint_violations"] = ConstraintViolations,
            ["rate_limit_violations"] = RateViolations,
            ["mean_arousal_reduction_per_session"] = perSession,
        };
    }

    /// <summary>Mean and 95 % CI of the per-patient difference a − b (same seed, so the same patients).</summary>
    public static (double Mean, double Low, double High) PairedDifference(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count) throw new ArgumentException("both runs must have the same patients", nameof(b));
        var d = new double[a.Count];
        for (int i = 0; i < d.Length; i++) d[i] = a[i] - b[i];
        return ConfidenceInterval.Of(d);
    }

    private double[] PatientMeans(Func<SimulatedSession, double> value, int from, int to)
    {
        var means = new double[Sessions.Count];
        for (int p = 0; p < means.Length; p++)
        {
            double sum = 0;
            for (int k = from; k < to; k++) sum += value(Sessions[p][k]);
            means[p] = sum / Math.Max(1, to - from);
        }
        return means;
    }

    private int Count(Func<SimulatedSession, int> value)
    {
        int n = 0;
        foreach (var patient in Sessions)
            foreach (var s in patient) n += value(s);
        return n;
    }

    private static double Mean(double[] values)
    {
        double sum = 0;
        foreach (double v in values) sum += v;
        return sum / values.Length;
    }

    private static (double, double)? Ci(double[] values)
    {
        if (values.Length < 2) return null;
        var (_, low, high) = ConfidenceInterval.Of(values);
        return (low, high);
    }
}
