using Attune.Engine.Sensing;

namespace Attune.Engine.Tests.Sensing;

public class PhysiologyTrackerTests
{
    /// <summary>Feeds beats as a strap would: one packet per second carrying the beats that ended in it.</summary>
    private static void Feed(PhysiologyTracker tracker, IReadOnlyList<double> rr, SensorContact contact = SensorContact.Detected,
        double startSeconds = 0, uint firstSequence = 0)
    {
        double t = startSeconds, nextPacket = startSeconds + 1;
        uint seq = firstSequence;
        var pending = new List<double>();
        foreach (double beat in rr)
        {
            t += beat / 1000;
            while (t >= nextPacket)
            {
                tracker.Push(seq++, nextPacket, HeartRatePacketEncoder.Encode(70, contact, null, pending.ToArray()));
                pending.Clear();
                nextPacket += 1;
            }
            pending.Add(beat);
        }
    }

    [Fact]
    public void Steady_beats_give_their_heart_rate_and_rmssd()
    {
        var tracker = new PhysiologyTracker();
        var rr = SyntheticRr.Generate(120, 800, 0, 0.1, 0, 0.25, noiseSdMs: 10, seed: 3);
        Feed(tracker, rr);
        var sample = tracker.Sample(119.5);
        Assert.NotNull(sample);
        Assert.Equal(75, sample.HeartRateBpm, 1.5);
        // White noise of SD 10 ms: successive differences have SD 10·√2 ≈ 14.1 ms.
        Assert.Equal(14.1, sample.RmssdMs!.Value, 2.5);
        Assert.Equal(SensorContact.Detected, sample.Contact);
        Assert.Equal(0, tracker.SplitBeats + tracker.MergedBeats + tracker.DroppedBeats);
    }

    [Fact]
    public void No_sample_before_packets_or_once_they_stop()
    {
        var tracker = new PhysiologyTracker();
        Assert.Null(tracker.Sample(3));
        Feed(tracker, SyntheticRr.Generate(30, 800, 0, 0.1, 0, 0.25));
        Assert.NotNull(tracker.Sample(30));
        Assert.Null(tracker.Sample(30 + PhysiologyTracker.StaleSeconds + 1.5));
    }

    [Fact]
    public void Missed_and_extra_beats_are_repaired_and_counted()
    {
        var rr = SyntheticRr.Generate(90, 800, 0, 0.1, 0, 0.25, noiseSdMs: 5, seed: 4);
        rr[40] += rr[41]; // a missed beat: two intervals read as one
        rr.RemoveAt(41);
        double whole = rr[70];
        rr[70] = 0.4 * whole; // an extra beat splits one interval
        rr.Insert(71, 0.6 * whole);
        var clean = new PhysiologyTracker();
        Feed(clean, SyntheticRr.Generate(90, 800, 0, 0.1, 0, 0.25, noiseSdMs: 5, seed: 4));
        var tracker = new PhysiologyTracker();
        Feed(tracker, rr);
        Assert.Equal(1, tracker.SplitBeats);
        Assert.Equal(1, tracker.MergedBeats);
        Assert.Equal(clean.Sample(89)!.RmssdMs!.Value, tracker.Sample(89)!.RmssdMs!.Value, 1.5);
    }

    [Fact]
    public void Beats_without_skin_contact_are_not_used()
    {
        var tracker = new PhysiologyTracker();
        Feed(tracker, SyntheticRr.Generate(60, 800, 0, 0.1, 0, 0.25), SensorContact.NotDetected);
        Assert.Equal(0, tracker.AcceptedBeats);
        var sample = tracker.Sample(59.5);
        Assert.NotNull(sample);
        Assert.Equal(SensorContact.NotDetected, sample.Contact);
        Assert.Equal(70, sample.HeartRateBpm); // the packet's own heart-rate field
    }

    [Fact]
    public void Respiration_rate_comes_from_the_rsa_rhythm()
    {
        var tracker = new PhysiologyTracker();
        Feed(tracker, SyntheticRr.Generate(150, 900, 0, 0.1, 40, 0.25, noiseSdMs: 3, seed: 5));
        PhysiologySample? last = null;
        for (double t = 1; t < 149; t += 1) last = tracker.Sample(t) ?? last;
        Assert.NotNull(tracker.RespirationRateBpm);
        Assert.Equal(15, tracker.RespirationRateBpm.Value, 1.0);
        Assert.Equal(tracker.RespirationRateBpm, last!.RespirationRateBpm);
    }

    [Fact]
    public void Gaps_and_duplicates_are_counted_by_the_packet_stream()
    {
        var tracker = new PhysiologyTracker();
        byte[] p = HeartRatePacketEncoder.Encode(70, SensorContact.Detected, null, [850.0]);
        tracker.Push(1, 1, p);
        tracker.Push(1, 1.1, p);
        tracker.Push(5, 2, p);
        Assert.Equal(1, tracker.Packets.DuplicateCount);
        Assert.Equal(3, tracker.Packets.TotalGaps);
        Assert.Equal(HeartRatePacketStatus.Malformed, tracker.Push(6, 3, [0x10, 70, 1]).Status);
    }
}
