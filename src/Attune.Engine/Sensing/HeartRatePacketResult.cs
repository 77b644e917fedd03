namespace Attune.Engine.Sensing;

/// <summary>
/// Outcome of one packet: its status, the number of sequence numbers skipped just before it (gaps),
/// the measurement when accepted, and the reason when malformed.
/// </summary>
public readonly record struct HeartRatePacketResult(
    HeartRatePacketStatus Status, int GapCount, HeartRateMeasurement? Measurement, string? Error, double TimestampMs);
