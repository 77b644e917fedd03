using System.Text;
using System.Text.Json;

namespace Attune.Engine.Adaptation;

/// <summary>
/// Version 1 of the personaliser state format:
/// <code>
/// {"version":1,"dimension":9,"excluded_classes":["Metallic"],
///  "default_prior":{"noise_variance":0.01,"mean":[…9],"precision":[[…9]…9]},
///  "arms":{"calm-piano-low":{"sessions":6,"arousal_change_sum":-0.7,"reward_sum":0.9,
///                            "posterior":{model}, "prior":{model}}}}
/// </code>
/// "posterior" (after the first session) and "prior" (a population prior) are optional. Doubles are
/// written shortest-round-trip, so a state read back makes exactly the same decisions.
/// </summary>
internal static class PersonalizerStateJson
{
    public const int Version = 1;

    public static string Write(PersonalizerState state)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteNumber("version", Version);
            w.WriteNumber("dimension", PersonalizerContext.Dimension);
            w.WriteStartArray("excluded_classes");
            foreach (var c in Enum.GetValues<SoundClass>())
                if (c != SoundClass.None && (state.ExcludedClasses & c) != 0) w.WriteStringValue(c.ToString());
            w.WriteEndArray();
            w.WritePropertyName("default_prior");
            WriteModel(w, state.DefaultPrior);
            var models = state.Models.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            var priors = state.Priors.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            var summaries = state.Summaries.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            w.WriteStartObject("arms");
            foreach (string name in state.KnownPresets)
            {
                w.WriteStartObject(name);
                var s = summaries.GetValueOrDefault(name);
                w.WriteNumber("sessions", s.Sessions);
                w.WriteNumber("arousal_change_sum", s.ArousalChangeSum);
                w.WriteNumber("reward_sum", s.RewardSum);
                if (models.TryGetValue(name, out var model))
                {
                    w.WritePropertyName("posterior");
                    WriteModel(w, model);
                }
                if (priors.TryGetValue(name, out var prior))
                {
                    w.WritePropertyName("prior");
                    WriteModel(w, prior);
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static PersonalizerState Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"personaliser state is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw Bad("$", "must be a JSON object");
            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int v))
                throw Bad("$.version", "is missing or not an integer");
            if (v != Version)
                throw new FormatException($"unsupported personaliser state version {v}; this build reads version {Version}");
            RequireOnly(root, "$", "version", "dimension", "excluded_classes", "default_prior", "arms");
            if (Int(Required(root, "dimension", "$"), "$.dimension") != PersonalizerContext.Dimension)
                throw Bad("$.dimension", $"must be {PersonalizerContext.Dimension}");
            var state = new PersonalizerState(ReadModel(Required(root, "default_prior", "$"), "$.default_prior"));
            var excluded = Required(root, "excluded_classes", "$");
            if (excluded.ValueKind != JsonValueKind.Array) throw Bad("$.excluded_classes", "must be an array of sound class names");
            foreach (var item in excluded.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || !Enum.TryParse<SoundClass>(item.GetString(), out var c)
                    || c == SoundClass.None || !Enum.IsDefined(c) || char.IsDigit(item.GetString()![0]))
                    throw Bad("$.excluded_classes", $"holds {item.GetRawText()}, which is not a sound class name");
                state.ExcludeSoundClass(c);
            }
            var arms = Required(root, "arms", "$");
            if (arms.ValueKind != JsonValueKind.Object) throw Bad("$.arms", "must be an object keyed by preset name");
            foreach (var arm in arms.EnumerateObject())
            {
                string path = $"$.arms['{arm.Name}']";
                if (string.IsNullOrWhiteSpace(arm.Name)) throw Bad(path, "preset names must be non-empty");
                if (arm.Value.ValueKind != JsonValueKind.Object) throw Bad(path, "must be an object");
                RequireOnly(arm.Value, path, "sessions", "arousal_change_sum", "reward_sum", "posterior", "prior");
                int sessions = Int(Required(arm.Value, "sessions", path), path + ".sessions");
                if (sessions < 0) throw Bad(path + ".sessions", "must be ≥ 0");
                var summary = new PresetSummary(sessions,
                    Number(Required(arm.Value, "arousal_change_sum", path), path + ".arousal_change_sum"),
                    Number(Required(arm.Value, "reward_sum", path), path + ".reward_sum"));
                var posterior = arm.Value.TryGetProperty("posterior", out var p) ? ReadModel(p, path + ".posterior") : null;
                var prior = arm.Value.TryGetProperty("prior", out var q) ? ReadModel(q, path + ".prior") : null;
                state.Restore(arm.Name, posterior, prior, sessions > 0 ? summary : null);
            }
            return state;
        }
    }

    private static void WriteModel(Utf8JsonWriter w, BayesianLinearModel model)
    {
        w.WriteStartObject();
        w.WriteNumber("noise_variance", model.NoiseVariance);
        w.WriteStartArray("mean");
        foreach (double m in model.Mean) w.WriteNumberValue(m);
        w.WriteEndArray();
        var precision = model.Precision;
        w.WriteStartArray("precision");
        for (int i = 0; i < model.Dimension; i++)
        {
            w.WriteStartArray();
            for (int j = 0; j < model.Dimension; j++) w.WriteNumberValue(precision[i, j]);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static BayesianLinearModel ReadModel(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object) throw Bad(path, "must be an object with noise_variance, mean and precision");
        RequireOnly(e, path, "noise_variance", "mean", "precision");
        int d = PersonalizerContext.Dimension;
        double noise = Number(Required(e, "noise_variance", path), path + ".noise_variance");
        var meanElement = Required(e, "mean", path);
        if (meanElement.ValueKind != JsonValueKind.Array || meanElement.GetArrayLength() != d)
            throw Bad(path + ".mean", $"must be an array of {d} numbers");
        var mean = new double[d];
        int i = 0;
        foreach (var m in meanElement.EnumerateArray()) mean[i] = Number(m, $"{path}.mean[{i++}]");
        var rows = Required(e, "precision", path);
        if (rows.ValueKind != JsonValueKind.Array || rows.GetArrayLength() != d)
            throw Bad(path + ".precision", $"must be a {d}×{d} array of arrays");
        var precision = new double[d, d];
        i = 0;
        foreach (var row in rows.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Array || row.GetArrayLength() != d)
                throw Bad($"{path}.precision[{i}]", $"must be an array of {d} numbers");
            int j = 0;
            foreach (var value in row.EnumerateArray()) precision[i, j] = Number(value, $"{path}.precision[{i}][{j++}]");
            i++;
        }
        try
        {
            return new BayesianLinearModel(mean, precision, noise);
        }
        catch (ArgumentException ex)
        {
            throw Bad(path, ex.Message);
        }
    }

    private static JsonElement Required(JsonElement e, string name, string path) =>
        e.TryGetProperty(name, out var value) ? value : throw Bad($"{path}.{name}", "is missing");

    private static void RequireOnly(JsonElement e, string path, params ReadOnlySpan<string> allowed)
    {
        foreach (var property in e.EnumerateObject())
            if (allowed.IndexOf(property.Name) < 0) throw Bad($"{path}.{property.Name}", "is not part of version 1");
    }

    private static double Number(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out double value) && double.IsFinite(value)
            ? value
            : throw Bad(path, $"must be a finite number, not {e.GetRawText()}");

    private static int Int(JsonElement e, string path) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int value) ? value : throw Bad(path, $"must be an integer, not {e.GetRawText()}");

    private static FormatException Bad(string path, string problem) => new($"personaliser state {path} {problem}");
}
