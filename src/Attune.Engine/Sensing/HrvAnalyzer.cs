using System.Globalization;

namespace Attune.Engine.Sensing;

/// <summary>
/// Short-term HRV per the Task Force of the ESC and NASPE 1996 (Circulation 93:1043–1065): mean HR and NN, SDNN
/// (sample SD, n−1), RMSSD, pNN50 (% of successive differences &gt; 50 ms), LF (0.04–0.15 Hz) and HF (0.15–0.40 Hz)
/// power in ms² from the 4 Hz spline-resampled, detrended tachogram (Welch, see NnSpectrum), and LF/HF.
/// Minimum recording lengths: HF 60 s, LF 120 s, LF/HF 300 s (Task Force: ~1 min for HF, ~2 min for LF, 5 min
/// as the standard short-term recording).
/// </summary>
public static class HrvAnalyzer
{
    public const double LfLowHz = 0.04, LfHighHz = 0.15, HfLowHz = 0.15, HfHighHz = 0.40;
    public const double MinHfSeconds = 60, MinLfSeconds = 120, MinLfHfSeconds = 300;

    /// <summary>Time-domain metrics need at least this many intervals (so SDNN and RMSSD have ≥ 2 degrees of freedom).</summary>
    public const int MinTimeDomainBeats = 3;

    /// <summary>Analyses an artefact-corrected NN series (ms); <paramref name="correctedBeats"/> is passed through to the result.</summary>
    public static HrvResult Analyze(IReadOnlyList<double> nnMs, int correctedBeats = 0)
    {
        double meanNn = CheckedMean(nnMs, out double duration);
        var notes = new List<string>();
        double? sdnn = null, rmssd = null, pnn50 = null;
        if (nnMs.Count >= MinTimeDomainBeats)
        {
            double ss = 0, sd2 = 0;
            int over50 = 0;
            for (int i = 0; i < nnMs.Count; i++)
            {
                ss += (nnMs[i] - meanNn) * (nnMs[i] - meanNn);
                if (i == 0) continue;
                double d = nnMs[i] - nnMs[i - 1];
                sd2 += d * d;
                if (Math.Abs(d) > 50) over50++;
            }
            sdnn = Math.Sqrt(ss / (nnMs.Count - 1));
            rmssd = Math.Sqrt(sd2 / (nnMs.Count - 1));
            pnn50 = 100.0 * over50 / (nnMs.Count - 1);
        }
        else
        {
            string why = $"needs ≥ {MinTimeDomainBeats} NN intervals, got {nnMs.Count}";
            notes.Add($"sdnn_ms: {why}");
            notes.Add($"rmssd_ms: {why}");
            notes.Add($"pnn50_pct: {why}");
        }

        double? lf = null, hf = null, lfhf = null, resp = null;
        float[] tachogram = duration >= MinHfSeconds ? NnSpectrum.Tachogram(nnMs) : [];
        var spectrum = duration >= MinHfSeconds ? NnSpectrum.Compute(tachogram, minSegments: 1) : null;
        if (spectrum is not null)
        {
            hf = spectrum.BandPower(HfLowHz, HfHighHz);
            if (duration >= MinLfSeconds) lf = spectrum.BandPower(LfLowHz, LfHighHz);
            if (duration >= MinLfHfSeconds && lf is double l && hf is double h && h > 0) lfhf = l / h;
        }
        if (hf is null) notes.Add(ShortNote("hf_ms2", MinHfSeconds, duration));
        if (lf is null) notes.Add(ShortNote("lf_ms2", MinLfSeconds, duration));
        if (lfhf is null)
            notes.Add(duration >= MinLfHfSeconds && hf is not null ? "lf_hf: HF power is 0" : ShortNote("lf_hf", MinLfHfSeconds, duration));
        resp = RespirationEstimator.FromTachogram(tachogram, duration, out string? respNote);
        if (respNote is not null) notes.Add("resp_rate_bpm: " + respNote);
        return new HrvResult(60000.0 / meanNn, meanNn, sdnn, rmssd, pnn50, lf, hf, lfhf, resp, correctedBeats, duration, notes);
    }

    /// <summary>
    /// For RR derived from heart-rate samples (60000/HR): only mean HR and mean NN are meaningful, because averaged
    /// rates carry no beat-to-beat variability; every HRV metric is null with a note saying so.
    /// </summary>
    public static HrvResult AnalyzeHeartRateSamples(IReadOnlyList<double> rrFromHrMs)
    {
        double meanNn = CheckedMean(rrFromHrMs, out double duration);
        const string Why = "needs beat-to-beat RR intervals; the file holds heart-rate samples (RR = 60000/HR)";
        string[] notes = [$"sdnn_ms: {Why}", $"rmssd_ms: {Why}", $"pnn50_pct: {Why}", $"lf_ms2: {Why}", $"hf_ms2: {Why}", $"lf_hf: {Why}", $"resp_rate_bpm: {Why}"];
        return new HrvResult(60000.0 / meanNn, meanNn, null, null, null, null, null, null, null, 0, duration, notes);
    }

    private static double CheckedMean(IReadOnlyList<double> nnMs, out double durationSeconds)
    {
        ArgumentNullException.ThrowIfNull(nnMs);
        if (nnMs.Count == 0) throw new ArgumentException("nnMs: needs at least 1 NN interval", nameof(nnMs));
        double sum = 0;
        foreach (double v in nnMs)
        {
            if (!double.IsFinite(v) || v <= 0) throw new ArgumentOutOfRangeException(nameof(nnMs), v, "nnMs: every interval must be a finite number of ms > 0");
            sum += v;
        }
        durationSeconds = sum / 1000;
        return sum / nnMs.Count;
    }

    private static string ShortNote(string key, double needSeconds, double gotSeconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{key}: needs ≥ {needSeconds:0} s of RR data, got {gotSeconds:0.#} s");
}
