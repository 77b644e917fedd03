using System.Text.Json;

namespace Attune.Server.Features.Profile;

/// <summary>PUT /api/profile body: the whole profile; an omitted field takes the engine's default.</summary>
public sealed record ProfileRequest(
    IReadOnlyList<string>? Conditions,
    double? TinnitusHz,
    double? NotchOctaves,
    double? JustAudibleDbfs,
    double? ComfortableLevelDbSl,
    double? MaxLufs,
    double? CeilingDbtp,
    IReadOnlyList<string>? ExcludedSoundClasses,
    IReadOnlyList<string>? TriggerCategories,
    JsonElement? Preferences);
