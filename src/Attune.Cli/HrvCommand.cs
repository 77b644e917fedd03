using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Attune.Engine.Sensing;

namespace Attune.Cli;

/// <summary>`attune hrv --rr FILE [--json]`: imports RR intervals (or heart-rate samples), corrects artefacts and reports HRV.</summary>
internal static class HrvCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        _ = stderr;
        var rr = new Option<string>("--rr") { Description = "RR file: one RR value (ms) per line, or CSV with an rr/rr_ms or hr/bpm column", Required = true };
        var json = CliOptions.Flag("--json", "print the metrics as JSON");
        var command = new Command("hrv", "Heart-rate variability (Task Force 1996) of an RR-interval file, after artefact correction.") { rr, json };
        command.SetAction(p =>
        {
            var result = Analyze(p.GetValue(rr)!);
            stdout.WriteLine(p.GetValue(json) ? ToJson(result).ToJsonString(Summaries.JsonOptions) : ToTable(result));
            return CliApp.ExitOk;
        });
        return command;
    }

    internal static HrvResult Analyze(string path)
    {
        var file = RrIntervalFile.Load(path);
        if (file.FromHeartRate) return HrvAnalyzer.AnalyzeHeartRateSamples(file.RrMs);
        var corrected = RrArtefactCorrector.Correct(file.RrMs);
        if (corrected.CorrectedMs.Count == 0) throw new RrImportException("no RR value lies in the physiological 300–2000 ms range");
        return HrvAnalyzer.Analyze(corrected.CorrectedMs, corrected.CorrectedBeats);
    }

    internal static JsonObject ToJson(HrvResult r)
    {
        var notes = new JsonArray();
        foreach (string n in r.Notes) notes.Add(n);
        return new JsonObject
        {
            ["mean_hr_bpm"] = Round(r.MeanHeartRateBpm),
            ["mean_nn_ms"] = Round(r.MeanNnMs),
            ["sdnn_ms"] = Round(r.SdnnMs),
            ["rmssd_ms"] = Round(r.RmssdMs),
            ["pnn50_pct"] = Round(r.Pnn50Percent),
            ["lf_ms2"] = Round(r.LfMs2),
            ["hf_ms2"] = Round(r.HfMs2),
            ["lf_hf"] = Round(r.LfHfRatio),
            ["corrected_beats"] = r.CorrectedBeats,
            ["resp_rate_bpm"] = Round(r.RespirationRateBpm),
            ["notes"] = notes,
        };
    }

    internal static string ToTable(HrvResult r)
    {
        var sb = new StringBuilder();
        Row(sb, "mean HR", r.MeanHeartRateBpm, "bpm");
        Row(sb, "mean NN", r.MeanNnMs, "ms");
        Row(sb, "SDNN", r.SdnnMs, "ms");
        Row(sb, "RMSSD", r.RmssdMs, "ms");
        Row(sb, "pNN50", r.Pnn50Percent, "%");
        Row(sb, "LF", r.LfMs2, "ms²");
        Row(sb, "HF", r.HfMs2, "ms²");
        Row(sb, "LF/HF", r.LfHfRatio, "");
        Row(sb, "respiration", r.RespirationRateBpm, "/min");
        sb.Append(CultureInfo.InvariantCulture, $"{"corrected beats",-16}{r.CorrectedBeats,10}\n");
        sb.Append(CultureInfo.InvariantCulture, $"{"duration",-16}{r.DurationSeconds,10:0.0} s");
        foreach (string n in r.Notes) sb.Append("\nnote: ").Append(n);
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string name, double? value, string unit)
    {
        string v = value is double d ? d.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";
        sb.Append(string.Create(CultureInfo.InvariantCulture, $"{name,-16}{v,10} {unit}").TrimEnd()).Append('\n');
    }

    private static double? Round(double? v) => v is double d ? Math.Round(d, 3) : null;
}
