namespace Attune.Server.Features.Profile;

/// <summary>A stored tinnitus match.</summary>
public sealed record TinnitusMatchResponse(
    Guid Id,
    DateTime MeasuredAt,
    double BestEstimateHz,
    double RangeLowHz,
    double RangeHighHz,
    double? LoudnessDbSl,
    double? MinimumMaskingLevelDbSl,
    bool OctaveConfusionChecked);
