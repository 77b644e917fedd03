using Attune.Engine.Sensing;

namespace Attune.Engine.Tests.Sensing;

public class HeartRatePacketStreamTests
{
    private static readonly byte[] Good = [0x10, 72, 0x00, 0x04];

    [Fact]
    public void In_order_packets_are_accepted_without_gaps()
    {
        var s = new HeartRatePacketStream();
        for (uint q = 10; q < 20; q++)
        {
            var r = s.Push(q, q * 1000.0, Good);
            Assert.Equal(HeartRatePacketStatus.Accepted, r.Status);
            Assert.Equal(0, r.GapCount);
            Assert.Equal(72, r.Measurement!.HeartRateBpm);
        }
        Assert.Equal(10, s.AcceptedCount);
        Assert.Equal(0, s.TotalGaps);
        Assert.Equal(19000.0, s.LastTimestampMs);
    }

    [Fact]
    public void Missing_sequence_numbers_are_counted_as_gaps()
    {
        var s = new HeartRatePacketStream();
        s.Push(1, 0, Good);
        Assert.Equal(2, s.Push(4, 3000, Good).GapCount);
        Assert.Equal(0, s.Push(5, 4000, Good).GapCount);
        Assert.Equal(10, s.Push(16, 15000, Good).GapCount);
        Assert.Equal(12, s.TotalGaps);
        Assert.Equal(4, s.AcceptedCount);
    }

    [Fact]
    public void Duplicates_and_late_packets_are_reported_and_not_applied()
    {
        var s = new HeartRatePacketStream();
        s.Push(5, 0, Good);
        s.Push(7, 2000, Good);
        var dup = s.Push(7, 2001, Good);
        Assert.Equal(HeartRatePacketStatus.Duplicate, dup.Status);
        Assert.Null(dup.Measurement);
        var late = s.Push(6, 2002, Good);
        Assert.Equal(HeartRatePacketStatus.OutOfOrder, late.Status);
        Assert.Null(late.Measurement);
        Assert.Equal(2, s.AcceptedCount);
        Assert.Equal(1, s.DuplicateCount);
        Assert.Equal(1, s.OutOfOrderCount);
        Assert.Equal(1, s.TotalGaps); // 6 was counted missing; its late arrival is not applied
        Assert.Equal(2000.0, s.LastTimestampMs);
        Assert.Equal(HeartRatePacketStatus.Accepted, s.Push(8, 3000, Good).Status);
    }

    [Fact]
    public void Malformed_packets_are_reported_with_the_reason_and_use_up_their_number()
    {
        var s = new HeartRatePacketStream();
        s.Push(1, 0, Good);
        var bad = s.Push(3, 2000, [0x01, 0x4B]);
        Assert.Equal(HeartRatePacketStatus.Malformed, bad.Status);
        Assert.Equal(1, bad.GapCount);
        Assert.Equal("heart rate: flags announce uint16 but only 1 byte follows", bad.Error);
        Assert.Equal(HeartRatePacketStatus.Duplicate, s.Push(3, 2001, Good).Status);
        Assert.Equal(0, s.Push(4, 3000, Good).GapCount);
        Assert.Equal(1, s.MalformedCount);
        Assert.Equal(HeartRatePacketStatus.Malformed, s.Push(5, 4000, []).Status);
    }

    [Fact]
    public void Gap_across_the_whole_uint_range_does_not_overflow()
    {
        var s = new HeartRatePacketStream();
        s.Push(0, 0, Good);
        var r = s.Push(uint.MaxValue, 1, Good);
        Assert.Equal(int.MaxValue, r.GapCount);
        Assert.Equal((long)uint.MaxValue - 1, s.TotalGaps);
    }
}
