using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Engine.Events;
using Attune.Engine.Safety;

namespace Attune.Cli;

/// <summary>The parts of a JSON summary that `render` and `notch` share.</summary>
internal static class Summaries
{
    public const int MaxListedEvents = 200;

    // Relaxed escaping keeps units such as − and ≈ readable in the summary.
    public static JsonSerializerOptions JsonOptions { get; } = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void AddMeasurement(JsonObject summary, OutputMeasurement m, SafetyGovernor safety)
    {
        summary["peak_dbfs"] = Round(m.PeakDbfs);
        summary["true_peak_dbtp"] = Round(m.TruePeakDbtp);
        summary["ceiling_dbtp"] = safety.CeilingDbtp;
        summary["integrated_lufs"] = Round(m.IntegratedLufs);
        summary["max_short_term_lufs"] = Round(m.MaxShortTermLufs);
        summary["max_lufs"] = safety.MaxLufs;
        var dose = safety.Dose;
        summary["dose"] = new JsonObject
        {
            ["calibrated"] = dose.IsCalibrated,
            ["dba_at_full_scale"] = dose.DbaAtFullScale,
            ["laeq_dba"] = Round(dose.LaeqDba),
            ["dose_pa2h"] = Math.Round(dose.DosePa2h, 6),
            ["fraction_of_weekly_allowance"] = Math.Round(dose.FractionOfWeeklyAllowance, 6),
            ["note"] = dose.IsCalibrated
                ? "ITU-T H.870 adult weekly allowance 1.6 Pa²h (80 dBA for 40 h)"
                : "uncalibrated: EN 50332-1 reference (−10 dBFS programme noise ≈ 100 dB(A) at full device volume); a worst case at full volume",
        };
    }

    public static JsonArray SafetyEvents(IReadOnlyList<LoggedEvent> events)
    {
        var list = new JsonArray();
        foreach (var e in events)
        {
            if (e.Stage != "safety") continue;
            if (list.Count == MaxListedEvents) break;
            list.Add(new JsonObject { ["t"] = Math.Round(e.TimeSeconds, 3), ["kind"] = e.Kind, ["data"] = e.Data.DeepClone() });
        }
        return list;
    }

    private static double? Round(double v) => double.IsFinite(v) ? Math.Round(v, 2) : null;
}
