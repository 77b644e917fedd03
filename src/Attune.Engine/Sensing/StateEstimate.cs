namespace Attune.Engine.Sensing;

/// <summary>
/// What Sensing believes about the person at one moment: the closed loop acts on it.
/// Arousal and distress are in [0, 1] with 0.5 = the person's own baseline; valence is in [−1, 1].
/// Each carries a standard deviation (its uncertainty); the means are clamped to their ranges.
/// </summary>
/// <param name="TimeSeconds">Session time of the estimate.</param>
/// <param name="Arousal">0 = far calmer than baseline, 0.5 = baseline, 1 = far more aroused.</param>
/// <param name="ArousalSd">Standard deviation of <paramref name="Arousal"/>.</param>
/// <param name="Valence">−1 = very unpleasant, 0 = neutral, 1 = very pleasant.</param>
/// <param name="ValenceSd">Standard deviation of <paramref name="Valence"/>.</param>
/// <param name="Distress">0 = none, 0.5 = the person's usual level, 1 = severe.</param>
/// <param name="DistressSd">Standard deviation of <paramref name="Distress"/>.</param>
/// <param name="Sources">Which inputs contributed recently (stale sources are not listed).</param>
/// <param name="HeartRateBpm">Latest artefact-corrected heart rate, or null without a heart-rate source.</param>
/// <param name="RespirationRateBpm">Breaths per minute estimated from RSA, or null when the data do not allow it.</param>
public sealed record StateEstimate(
    double TimeSeconds,
    double Arousal,
    double ArousalSd,
    double Valence,
    double ValenceSd,
    double Distress,
    double DistressSd,
    StateSources Sources,
    double? HeartRateBpm = null,
    double? RespirationRateBpm = null)
{
    /// <summary>The prior before any input: baseline arousal and distress, neutral valence, wide uncertainty.</summary>
    public static StateEstimate Prior(double timeSeconds = 0) =>
        new(timeSeconds, 0.5, 0.25, 0, 0.5, 0.5, 0.25, StateSources.None);
}
