namespace Attune.Server.Data;

/// <summary>One tinnitus pitch/loudness match (THERAPY.md: Henry's method with an octave-confusion check).</summary>
public sealed class TinnitusMatch
{
    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public DateTime MeasuredAt { get; set; }
    public double BestEstimateHz { get; set; }
    public double RangeLowHz { get; set; }
    public double RangeHighHz { get; set; }
    /// <summary>Tinnitus loudness match, dB SL; null when only the pitch was matched.</summary>
    public double? LoudnessDbSl { get; set; }

    /// <summary>Minimum masking level, dB SL; null when not measured.</summary>
    public double? MinimumMaskingLevelDbSl { get; set; }

    public bool OctaveConfusionChecked { get; set; }
}
