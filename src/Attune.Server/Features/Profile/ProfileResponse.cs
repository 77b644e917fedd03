using System.Text.Json;

namespace Attune.Server.Features.Profile;

/// <summary>The hearing profile as the API shows it; UpdatedAt is null until the first save.</summary>
public sealed record ProfileResponse(
    IReadOnlyList<string> Conditions,
    double? TinnitusHz,
    double NotchOctaves,
    double JustAudibleDbfs,
    double ComfortableLevelDbSl,
    double MaxLufs,
    double CeilingDbtp,
    IReadOnlyList<string> ExcludedSoundClasses,
    IReadOnlyList<string> TriggerCategories,
    JsonElement Preferences,
    DateTime? UpdatedAt);
