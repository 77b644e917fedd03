using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Engine.Adaptation;
using Attune.Engine.Composition;
using Attune.Engine.Sensing;

namespace Attune.Server.Features.Live;

/// <summary>The server → browser text messages of docs/web-protocol.md, snake_case JSON.</summary>
internal static class LiveJson
{
    public static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    public static string Ready(Guid id, string codec, string token, bool resumed, double positionSeconds, LivePersonalizer.Choice? choice) => new JsonObject
    {
        ["music"] = choice is null ? null : Music(choice),
        ["type"] = "ready",
        ["session_id"] = id,
        ["sample_rate"] = 48_000,
        ["channels"] = 2,
        ["codec"] = codec,
        ["frame_ms"] = 20,
        ["resume_token"] = token,
        ["resumed"] = resumed,
        ["position_s"] = Math.Round(positionSeconds, 3),
    }.ToJsonString();

    /// <summary>The preset chosen for the session, its description, and the personaliser's plain-words reason.</summary>
    public static JsonObject Music(LivePersonalizer.Choice choice) => new()
    {
        ["preset"] = choice.Preset.Name,
        ["description"] = choice.Preset.Description,
        ["why"] = choice.Explanation,
    };

    public static string State(double t, StateEstimate? e, ControllerDecision? decision, MusicalIntent? music,
        double breathingBpm, double volumeDb)
    {
        var sources = new JsonArray();
        if (e is not null)
        {
            foreach (var s in Enum.GetValues<StateSources>())
                if (s != StateSources.None && e.Sources.HasFlag(s)) sources.Add(SnakeCase(s.ToString()));
        }
        return new JsonObject
        {
            ["type"] = "state",
            ["t"] = Math.Round(t, 3),
            ["arousal"] = R(e?.Arousal),
            ["arousal_sd"] = R(e?.ArousalSd),
            ["valence"] = R(e?.Valence),
            ["distress"] = R(e?.Distress),
            ["heart_rate_bpm"] = R(e?.HeartRateBpm),
            ["respiration_bpm"] = R(e?.RespirationRateBpm),
            ["music"] = music is null ? null : new JsonObject
            {
                ["tempo_bpm"] = R(music.TempoBpm),
                ["register"] = R(music.Register),
                ["brightness"] = R(music.Brightness),
                ["density"] = R(music.Density),
                ["loudness_db"] = R(music.LoudnessDb),
                ["phase"] = decision is null ? null : SnakeCase(decision.Phase.ToString()),
                ["reason"] = decision?.Reason,
            },
            ["breathing_bpm"] = R(breathingBpm),
            ["listener_volume_db"] = R(volumeDb),
            ["sources"] = sources,
        }.ToJsonString();
    }

    public static string Safety(string kind, string detail) =>
        new JsonObject { ["type"] = "safety", ["kind"] = kind, ["detail"] = detail }.ToJsonString();

    public static string Error(string field, string detail) =>
        new JsonObject { ["type"] = "error", ["field"] = field, ["detail"] = detail }.ToJsonString();

    public static string Simple(string type) => new JsonObject { ["type"] = type }.ToJsonString();

    public static string Ended(JsonObject summary) => new JsonObject { ["type"] = "ended", ["summary"] = summary }.ToJsonString();

    private static double? R(double? x) => x is double v && double.IsFinite(v) ? Math.Round(v, 4) : null;
}
