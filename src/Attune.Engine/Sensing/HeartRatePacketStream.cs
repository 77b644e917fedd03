namespace Attune.Engine.Sensing;

/// <summary>
/// Orders a stream of heart-rate packets by the client's sequence numbers: counts missing numbers (gaps),
/// and reports packets at or before the last seen number (duplicates, reordering) without applying them twice.
/// </summary>
public sealed class HeartRatePacketStream
{
    private uint _lastSequence;
    private bool _any;

    /// <summary>Sequence numbers never received so far (sum of all gaps).</summary>
    public long TotalGaps { get; private set; }

    public long AcceptedCount { get; private set; }

    public long DuplicateCount { get; private set; }

    public long OutOfOrderCount { get; private set; }

    public long MalformedCount { get; private set; }

    /// <summary>Client timestamp (ms) of the last packet taken in order, or null before the first.</summary>
    public double? LastTimestampMs { get; private set; }

    /// <summary>Takes one packet. A malformed packet still uses up its sequence number (it arrived; it is not a gap).</summary>
    public HeartRatePacketResult Push(uint sequence, double timestampMs, ReadOnlySpan<byte> packet)
    {
        if (_any && sequence == _lastSequence)
        {
            DuplicateCount++;
            return new HeartRatePacketResult(HeartRatePacketStatus.Duplicate, 0, null, null, timestampMs);
        }
        if (_any && sequence < _lastSequence)
        {
            OutOfOrderCount++;
            return new HeartRatePacketResult(HeartRatePacketStatus.OutOfOrder, 0, null, null, timestampMs);
        }
        // Widened so a skip of up to uint.MaxValue numbers cannot overflow.
        long gap = _any ? (long)sequence - _lastSequence - 1 : 0;
        int gapCount = gap > int.MaxValue ? int.MaxValue : (int)gap;
        TotalGaps += gap;
        _lastSequence = sequence;
        _any = true;
        LastTimestampMs = timestampMs;
        if (!HeartRatePacketDecoder.TryDecode(packet, out var measurement, out string? error))
        {
            MalformedCount++;
            return new HeartRatePacketResult(HeartRatePacketStatus.Malformed, gapCount, null, error, timestampMs);
        }
        AcceptedCount++;
        return new HeartRatePacketResult(HeartRatePacketStatus.Accepted, gapCount, measurement, null, timestampMs);
    }
}
