using Attune.Engine.Adaptation;
using Attune.Engine.Composition;
using Attune.Engine.Events;
using Attune.Engine.Sensing;
using static Attune.Engine.Tests.Composition.MusicTestAudio;

namespace Attune.Engine.Tests.Adaptation;

public class ClosedLoopSessionTests
{
    private static readonly TherapyProfile Profile = new(Conditions.Tinnitus, tinnitusHz: 5000);
    // Beats below vary by 15 ms (RMSSD ≈ 15·√2 ≈ 21 ms), so the baseline RMSSD is 21 ms.
    private static readonly PersonalBaseline Baseline = new(65, 4, 21, 5);

    /// <summary>One packet per second carrying the beats of a heart at <paramref name="bpm"/>(t), with a little variability.</summary>
    private static List<ControllerDecision> Heart(ClosedLoopSession loop, double from, double to, Func<double, double> bpm, SeededRandom random, ref uint seq)
    {
        var decisions = new List<ControllerDecision>();
        for (double t = from; t < to; t += 1)
        {
            double rate = bpm(t);
            double rr = 60000 / rate;
            double[] beats = rate > 60 ? [rr + 15 * random.NextGaussian(), rr + 15 * random.NextGaussian()] : [rr + 15 * random.NextGaussian()];
            loop.OnHeartRatePacket(t + 1, seq++, HeartRatePacketEncoder.Encode((int)Math.Round(rate), SensorContact.Detected, null, beats));
            if (loop.Advance(t + 1) is { } d) decisions.Add(d);
        }
        return decisions;
    }

    [Fact]
    public void A_calming_heart_lowers_the_estimate_and_the_music_follows_down()
    {
        var log = EventLog.InMemory();
        var loop = new ClosedLoopSession(Profile, SessionGoal.Settle, 900, baseline: Baseline, log: log);
        uint seq = 0;
        Heart(loop, 0, 600, t => 80 - 20 * t / 600, new SeededRandom(1), ref seq);
        Assert.True(loop.LastEstimate!.Arousal < 0.5, $"arousal {loop.LastEstimate.Arousal:0.000} at a resting heart rate");
        var outcome = loop.Outcome();
        Assert.True(outcome.ArousalChange < -0.15, $"arousal change {outcome.ArousalChange:0.000}");
        var decisions = log.Events.Where(e => e.Stage == TherapyController.Stage).ToList();
        Assert.Equal(loop.Decisions, decisions.Count);
        Assert.True((double)decisions[^1].Data["music_arousal"]! < (double)decisions[15].Data["music_arousal"]!);
        Assert.Equal(601, log.Events.Count(e => e.Stage == ClosedLoopSession.SensingStage && e.Kind == "estimate")); // seconds 0…600
        Assert.Equal(600, SessionInputLog.Read(log.Events).Count());
    }

    [Fact]
    public void A_rising_heart_makes_the_controller_back_off()
    {
        var loop = new ClosedLoopSession(Profile, SessionGoal.Settle, 900, baseline: Baseline);
        uint seq = 0;
        var random = new SeededRandom(2);
        Heart(loop, 0, 300, _ => 66, random, ref seq);
        var rising = Heart(loop, 300, 400, t => 66 + 25 * Math.Min(1, (t - 300) / 30), random, ref seq);
        Assert.True(loop.LastEstimate!.Arousal > 0.6, $"arousal {loop.LastEstimate.Arousal:0.000} after the rise");
        var backOff = Assert.Single(rising.Where(d => d.Phase == ControllerPhase.BackOff).Take(1));
        Assert.Contains("arousal rose", backOff.Reason, StringComparison.Ordinal);
        Assert.True(backOff.MusicArousal >= backOff.PreviousMusicArousal);
    }

    [Fact]
    public void A_trigger_tagged_dislike_reaches_the_player_at_the_next_decision()
    {
        var player = new MusicPlayer(Model, Profile, MusicalIntent.ForArousal(0.5), new SeededRandom(3));
        var loop = new ClosedLoopSession(Profile, SessionGoal.Background, 600, baseline: Baseline, player: player);
        var left = new float[AudioFormat.BlockSize];
        var right = new float[AudioFormat.BlockSize];
        loop.Advance(0);
        loop.OnBehaviour(BehaviourEvent.Dislike(2, SoundClass.WaterLike));
        loop.Advance(2);
        Assert.Equal(SoundClass.None, player.SessionExcludedClasses); // no decision yet: the next one is at 5 s
        var d = loop.Advance(5);
        Assert.NotNull(d);
        Assert.True((d.ExcludedClasses & SoundClass.WaterLike) != 0);
        player.Render(left, right);
        Assert.Equal(SoundClass.WaterLike, player.SessionExcludedClasses);
        Assert.Equal(d.Intent, player.TargetIntent);
        Assert.Equal(1, loop.Outcome().Dislikes);
    }

    [Fact]
    public void Self_report_alone_drives_the_estimate_when_there_is_no_strap()
    {
        var loop = new ClosedLoopSession(Profile, SessionGoal.Settle, 600);
        loop.OnSelfReport(new SelfReport(0, SelfReportScale.SamArousal, 8));
        loop.OnSelfReport(new SelfReport(0, SelfReportScale.Distress, 8));
        loop.Advance(10);
        Assert.True(loop.LastEstimate!.Arousal > 0.7);
        Assert.Equal(StateSources.SelfReport, loop.LastEstimate.Sources & StateSources.SelfReport);
        Assert.Null(loop.LastEstimate.HeartRateBpm);
        Assert.Throws<ArgumentOutOfRangeException>(() => loop.Advance(5));
    }
}
