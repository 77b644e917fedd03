using System.Text.Json;
using Attune.Engine;
using Attune.Server.Data;
using Attune.Server.Features.Shared;

namespace Attune.Server.Features.Profile;

/// <summary>
/// Checks a profile request field by field through the engine's <see cref="TherapyProfile"/>
/// constructor (the single source of the ranges) and maps between the API and the stored row.
/// </summary>
internal static class ProfileMapping
{
    public const int MaxTriggerCategories = 20, MaxTriggerCategoryLength = 40, MaxPreferencesBytes = 16_384;

    // The engine names fields in PascalCase; the API in camelCase, with the units of each range.
    private static readonly Dictionary<string, (string Json, double Min, double Max, string Unit)> EngineFields = new(StringComparer.Ordinal)
    {
        [nameof(TherapyProfile.TinnitusHz)] = ("tinnitusHz", TherapyProfile.MinTinnitusHz, TherapyProfile.MaxTinnitusHz, "Hz"),
        [nameof(TherapyProfile.NotchOctaves)] = ("notchOctaves", TherapyProfile.MinNotchOctaves, TherapyProfile.MaxNotchOctaves, "octaves"),
        [nameof(TherapyProfile.JustAudibleDbfs)] = ("justAudibleDbfs", TherapyProfile.MinJustAudibleDbfs, TherapyProfile.MaxJustAudibleDbfs, "dBFS"),
        [nameof(TherapyProfile.MaxLufs)] = ("maxLufs", TherapyProfile.MinMaxLufs, TherapyProfile.MaxMaxLufs, "LUFS"),
        [nameof(TherapyProfile.CeilingDbtp)] = ("ceilingDbtp", TherapyProfile.MinCeilingDbtp, TherapyProfile.MaxCeilingDbtp, "dBTP"),
    };

    /// <summary>Validates every field (all errors at once) and, when valid, writes them into <paramref name="row"/>.</summary>
    public static FieldErrors Apply(ProfileRequest r, HearingProfile row, DateTime now)
    {
        var errors = new FieldErrors();
        var conditions = ParseFlags<Conditions>(r.Conditions, "conditions", errors);
        var excluded = ParseFlags<SoundClass>(r.ExcludedSoundClasses, "excludedSoundClasses", errors);
        double notch = r.NotchOctaves ?? TherapyProfile.DefaultNotchOctaves;
        double justAudible = r.JustAudibleDbfs ?? TherapyProfile.DefaultJustAudibleDbfs;
        double maxLufs = r.MaxLufs ?? TherapyProfile.DefaultMaxLufs;
        double ceiling = r.CeilingDbtp ?? TherapyProfile.DefaultCeilingDbtp;
        double comfortable = r.ComfortableLevelDbSl ?? HearingProfile.DefaultComfortableLevelDbSl;

        // One constructor call per field, so every bad field is reported, not only the first.
        Probe(errors, () => new TherapyProfile(tinnitusHz: r.TinnitusHz));
        Probe(errors, () => new TherapyProfile(notchOctaves: notch));
        Probe(errors, () => new TherapyProfile(justAudibleDbfs: justAudible));
        Probe(errors, () => new TherapyProfile(maxLufs: maxLufs));
        Probe(errors, () => new TherapyProfile(ceilingDbtp: ceiling));
        errors.Range("comfortableLevelDbSl", comfortable, HearingProfile.MinComfortableLevelDbSl, HearingProfile.MaxComfortableLevelDbSl, "dB SL");

        var triggers = r.TriggerCategories ?? [];
        if (triggers.Count > MaxTriggerCategories)
            errors.Add("triggerCategories", $"must hold at most {MaxTriggerCategories} categories");
        for (int i = 0; i < triggers.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(triggers[i]) || triggers[i].Trim().Length > MaxTriggerCategoryLength)
                errors.Add($"triggerCategories[{i}]", $"must be 1–{MaxTriggerCategoryLength} characters");
        }

        string preferences = "{}";
        if (r.Preferences is { } p && p.ValueKind != JsonValueKind.Null)
        {
            preferences = p.GetRawText();
            if (p.ValueKind != JsonValueKind.Object) errors.Add("preferences", "must be a JSON object");
            else if (System.Text.Encoding.UTF8.GetByteCount(preferences) > MaxPreferencesBytes)
                errors.Add("preferences", $"must be at most {MaxPreferencesBytes} bytes of JSON");
        }
        if (errors.Any) return errors;

        row.Conditions = conditions;
        row.TinnitusHz = r.TinnitusHz;
        row.NotchOctaves = notch;
        row.JustAudibleDbfs = justAudible;
        row.ComfortableLevelDbSl = comfortable;
        row.MaxLufs = maxLufs;
        row.CeilingDbtp = ceiling;
        row.ExcludedSoundClasses = excluded;
        row.TriggerCategoriesJson = JsonSerializer.Serialize(triggers.Select(t => t.Trim()).ToArray());
        row.PreferencesJson = preferences;
        row.UpdatedAt = now;
        // The whole row must also pass as one profile (the engine's own cross-field checks, if any).
        Probe(errors, () => row.ToTherapyProfile());
        return errors;
    }

    public static ProfileResponse ToResponse(HearingProfile row, bool saved)
    {
        using var prefs = JsonDocument.Parse(row.PreferencesJson);
        return new ProfileResponse(
            Names(row.Conditions), row.TinnitusHz, row.NotchOctaves, row.JustAudibleDbfs, row.ComfortableLevelDbSl,
            row.MaxLufs, row.CeilingDbtp, Names(row.ExcludedSoundClasses),
            JsonSerializer.Deserialize<string[]>(row.TriggerCategoriesJson) ?? [],
            prefs.RootElement.Clone(), saved ? row.UpdatedAt : null);
    }

    private static void Probe(FieldErrors errors, Func<TherapyProfile> build)
    {
        try
        {
            build();
        }
        catch (ProfileValidationException e)
        {
            if (EngineFields.TryGetValue(e.Field, out var f)) errors.Add(f.Json, $"must be within {f.Min:0.###}–{f.Max:0.###} {f.Unit}");
            else errors.Add(JsonNamingPolicy.CamelCase.ConvertName(e.Field), e.Message);
        }
    }

    private static TFlags ParseFlags<TFlags>(IReadOnlyList<string>? names, string field, FieldErrors errors)
        where TFlags : struct, Enum
    {
        int value = 0;
        foreach (string name in names ?? [])
        {
            if (Enum.TryParse<TFlags>(name, ignoreCase: true, out var flag) && Convert.ToInt32(flag) != 0
                && Enum.IsDefined(flag) && !int.TryParse(name, out _))
                value |= Convert.ToInt32(flag);
            else
                errors.Add(field, $"'{name}' is not one of: {string.Join(", ", Names(AllFlags<TFlags>()))}");
        }
        return (TFlags)Enum.ToObject(typeof(TFlags), value);
    }

    private static TFlags AllFlags<TFlags>() where TFlags : struct, Enum
    {
        int all = 0;
        foreach (var v in Enum.GetValues<TFlags>()) all |= Convert.ToInt32(v);
        return (TFlags)Enum.ToObject(typeof(TFlags), all);
    }

    private static string[] Names<TFlags>(TFlags flags) where TFlags : struct, Enum
    {
        int bits = Convert.ToInt32(flags);
        return [.. Enum.GetValues<TFlags>()
            .Where(v => Convert.ToInt32(v) != 0 && (bits & Convert.ToInt32(v)) == Convert.ToInt32(v))
            .Select(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()))];
    }
}
