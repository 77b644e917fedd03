using System.Globalization;
using System.Text.Json;

namespace Attune.Server.Components.Patient;

/// <summary>The live session's messages (docs/web-protocol.md) in plain words for the listener.</summary>
internal static class LiveWords
{
    /// <summary>Summary entries for the event log and the load test, not for the listener.</summary>
    private static readonly HashSet<string> Technical = new(StringComparer.Ordinal) { "server", "decisions", "underruns" };

    private static readonly Dictionary<string, string> Terms = new(StringComparer.Ordinal)
    {
        ["end_reason"] = "Why it ended",
        ["minutes_listened"] = "Minutes listened",
        ["ratings_before"] = "Your ratings at the start",
        ["ratings_after"] = "Your ratings at the end",
        ["sound_dose_percent"] = "Share of the week's safe sound dose (%)",
        ["sound_dose_calibrated"] = "Sound dose measured on calibrated headphones",
        ["skips"] = "Parts skipped",
        ["dislikes"] = "Sounds disliked",
        ["last_phase"] = "Where the music ended",
        ["preset"] = "Music",
    };

    public static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>A number at a path of property names; null when any step is missing or not a number.</summary>
    public static double? Number(JsonElement e, params string[] path)
    {
        foreach (string name in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e)) return null;
        }
        return e.ValueKind == JsonValueKind.Number ? e.GetDouble() : null;
    }

    public static string StateText(JsonElement s)
    {
        var parts = new List<string>();
        if (Number(s, "heart_rate_bpm") is double bpm) parts.Add($"Your heart rate is {Math.Round(bpm)} beats a minute.");
        parts.Add(Number(s, "arousal") switch
        {
            null => "Still getting to know how you are.",
            >= 0.6 => "You seem tense.",
            <= 0.35 => "You seem calm.",
            _ => "You seem steady.",
        });
        if (Number(s, "music", "tempo_bpm") is double tempo)
        {
            s.TryGetProperty("music", out var music);
            string? phase = Text(music, "phase"), reason = Text(music, "reason");
            parts.Add($"The music is at {Math.Round(tempo)} beats a minute{(string.IsNullOrEmpty(phase) ? "" : $", {phase}")}" +
                      $"{(string.IsNullOrEmpty(reason) ? "" : $": {reason}")}.");
        }
        if (Number(s, "breathing_bpm") is double breaths and > 0)
            parts.Add($"Breathe along at about {Math.Round(breaths)} breaths a minute if you like.");
        return string.Join(" ", parts);
    }

    public static string SafetyText(JsonElement m) => Text(m, "kind") switch
    {
        "too_loud" => "Silenced because it was too loud. Press Resume when you are ready; it will be softer.",
        "fade_out" => "Fading out.",
        _ => $"The level was held down to keep it safe{(Text(m, "detail") is { Length: > 0 } d ? $": {d}" : "")}.",
    };

    /// <summary>The summary's facts for the listener: term and value, lists and technical figures left out.</summary>
    public static IEnumerable<(string Term, string Text)> Facts(JsonElement summary)
    {
        if (summary.ValueKind != JsonValueKind.Object) yield break;
        foreach (var p in summary.EnumerateObject())
        {
            if (Technical.Contains(p.Name) || p.Value.ValueKind is JsonValueKind.Array or JsonValueKind.Null) continue;
            string text = p.Value.ValueKind == JsonValueKind.Object
                ? string.Join(", ", p.Value.EnumerateObject().Select(q => $"{Words(q.Name)} {Value(q.Value)}"))
                : Value(p.Value);
            if (text.Length > 0) yield return (Terms.GetValueOrDefault(p.Name) ?? Capitalised(Words(p.Name)), text);
        }
    }

    /// <summary>A per-minute list from the summary (null where that minute had no value).</summary>
    public static IReadOnlyList<double?> Numbers(JsonElement summary, string name) =>
        summary.ValueKind == JsonValueKind.Object && summary.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array
            ? [.. a.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : (double?)null)]
            : [];

    private static string Value(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number => Math.Round(v.GetDouble(), 1).ToString(CultureInfo.InvariantCulture),
        JsonValueKind.True => "yes",
        JsonValueKind.False => "no",
        JsonValueKind.String => Words(v.GetString() ?? ""),
        _ => "",
    };

    private static string Words(string key) => key.Replace('_', ' ');

    private static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
