using System.Globalization;
using System.Text.Json;
using Attune.Server.Features.Profile;
using Attune.Server.Features.Shared;

namespace Attune.Server.Components.Patient;

/// <summary>
/// The profile form's values while they are edited: the form and the set-up wizard both write them, and
/// <see cref="ToRequest"/> turns them into the same <see cref="ProfileRequest"/> the JSON API takes.
/// </summary>
public sealed class ProfileModel
{
    /// <summary>The number fields, by their JSON names (the names the server's field errors use).</summary>
    public static readonly IReadOnlyList<string> NumberFields =
        ["tinnitusHz", "notchOctaves", "justAudibleDbfs", "comfortableLevelDbSl", "maxLufs", "ceilingDbtp"];

    /// <summary>Each number field as typed (empty = not set), keyed by its JSON name.</summary>
    public Dictionary<string, string> Numbers { get; } = NumberFields.ToDictionary(f => f, _ => "", StringComparer.Ordinal);

    public HashSet<string> Conditions { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> ExcludedSoundClasses { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> TriggerCategories { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, JsonElement> Preferences { get; } = new(StringComparer.Ordinal);

    public void Fill(ProfileResponse profile)
    {
        Set("tinnitusHz", profile.TinnitusHz);
        Set("notchOctaves", profile.NotchOctaves);
        Set("justAudibleDbfs", profile.JustAudibleDbfs);
        Set("comfortableLevelDbSl", profile.ComfortableLevelDbSl);
        Set("maxLufs", profile.MaxLufs);
        Set("ceilingDbtp", profile.CeilingDbtp);
        Replace(Conditions, profile.Conditions);
        Replace(ExcludedSoundClasses, profile.ExcludedSoundClasses);
        Replace(TriggerCategories, profile.TriggerCategories);
        Preferences.Clear();
        if (profile.Preferences.ValueKind == JsonValueKind.Object)
            foreach (var p in profile.Preferences.EnumerateObject()) Preferences[p.Name] = p.Value.Clone();
    }

    /// <summary>A number field's value; null when empty or not a number.</summary>
    public double? Number(string field) =>
        double.TryParse(Numbers[field], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v) ? v : null;

    public void Set(string field, double? value)
    {
        if (!Numbers.ContainsKey(field)) throw new ArgumentOutOfRangeException(nameof(field), field, "not a profile number field");
        Numbers[field] = value is double v ? Math.Round(v, 3).ToString(CultureInfo.InvariantCulture) : "";
    }

    public void SetPreference(string key, double value) => Preferences[key] = JsonSerializer.SerializeToElement(value);

    /// <summary>The request to save, or the fields that are not numbers at all (the server checks the ranges).</summary>
    internal (ProfileRequest? Request, FieldErrors Errors) ToRequest()
    {
        var errors = new FieldErrors();
        foreach (string field in NumberFields)
            if (Numbers[field].Trim().Length > 0 && Number(field) is null) errors.Add(field, "must be a number");
        if (errors.Any) return (null, errors);
        return (new ProfileRequest(
            [.. Conditions], Number("tinnitusHz"), Number("notchOctaves"), Number("justAudibleDbfs"), Number("comfortableLevelDbSl"),
            Number("maxLufs"), Number("ceilingDbtp"), [.. ExcludedSoundClasses], [.. TriggerCategories],
            JsonSerializer.SerializeToElement(Preferences)), errors);
    }

    private static void Replace(HashSet<string> set, IEnumerable<string> values)
    {
        set.Clear();
        set.UnionWith(values);
    }
}
