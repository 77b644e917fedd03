namespace Attune.Server.Features.Profile;

/// <summary>POST /api/profile/tinnitus-matches body; MeasuredAt defaults to now.</summary>
public sealed record TinnitusMatchRequest(
    DateTime? MeasuredAt,
    double? BestEstimateHz,
    double? RangeLowHz,
    double? RangeHighHz,
    double? LoudnessDbSl,
    double? MinimumMaskingLevelDbSl,
    bool? OctaveConfusionChecked);
