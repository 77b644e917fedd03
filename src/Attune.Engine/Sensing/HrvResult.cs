namespace Attune.Engine.Sensing;

/// <summary>
/// Short-term HRV of an NN series (Task Force 1996). A metric the data are too short (or unsuitable) for is null
/// and <see cref="Notes"/> says why, one line each, starting with the metric's JSON key.
/// </summary>
public sealed record HrvResult(
    double MeanHeartRateBpm,
    double MeanNnMs,
    double? SdnnMs,
    double? RmssdMs,
    double? Pnn50Percent,
    double? LfMs2,
    double? HfMs2,
    double? LfHfRatio,
    double? RespirationRateBpm,
    int CorrectedBeats,
    double DurationSeconds,
    IReadOnlyList<string> Notes);
