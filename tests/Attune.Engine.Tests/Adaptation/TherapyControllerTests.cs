using Attune.Engine.Adaptation;
using Attune.Engine.Composition;
using Attune.Engine.Events;
using Attune.Engine.Sensing;

namespace Attune.Engine.Tests.Adaptation;

public class TherapyControllerTests
{
    private static readonly TherapyProfile Tinnitus = new(Conditions.Tinnitus, tinnitusHz: 6000);

    private static StateEstimate State(double t, double arousal, double sd = 0.08, double? respiration = null) =>
        new(t, arousal, sd, 0, 0.3, 0.5, 0.2, StateSources.HeartRate, 70, respiration);

    /// <summary>A person whose arousal follows the music with a lag (time constant 60 s), starting at <paramref name="start"/>.</summary>
    private static List<ControllerDecision> RunFollowingPerson(TherapyController c, double start, double seconds, double step = 5)
    {
        var decisions = new List<ControllerDecision>();
        double person = start;
        for (double t = 0; t <= seconds; t += step)
        {
            var d = c.Decide(State(t, person));
            decisions.Add(d);
            person += (d.MusicArousal - person) * (1 - Math.Exp(-step / 60));
        }
        return decisions;
    }

    [Fact]
    public void First_decision_meets_the_person_where_they_are()
    {
        var c = new TherapyController(Tinnitus, SessionGoal.Settle, 1800);
        var d = c.Decide(State(0, 0.72));
        Assert.Equal(ControllerPhase.Meet, d.Phase);
        Assert.Equal(0.72, d.MusicArousal, 9);
        Assert.Equal(MusicalIntent.ForArousal(0.72).TempoBpm, d.Intent.TempoBpm, 9);
        // Extremes are met only up to the meet range.
        Assert.Equal(TherapyController.MaxMeet, new TherapyController(Tinnitus, SessionGoal.Settle, 1800).Decide(State(0, 1)).MusicArousal, 9);
    }

    [Fact]
    public void Settle_leads_a_following_person_down_to_the_goal_without_outrunning_them()
    {
        var c = new TherapyController(Tinnitus, SessionGoal.Settle, 1800);
        var decisions = RunFollowingPerson(c, 0.75, 1800);
        Assert.Contains(decisions, d => d.Phase == ControllerPhase.Lead);
        Assert.Equal(TherapyController.SettleGoal, decisions[^1].MusicArousal, 2);
        foreach (var d in decisions.Where(d => d.TimeSeconds >= c.Settings.MeetSeconds))
            Assert.True(d.MusicArousal >= d.PersonArousal - c.Settings.MaxLead - 1e-9,
                $"at {d.TimeSeconds} s the music ({d.MusicArousal:0.000}) is more than the leash below the person ({d.PersonArousal:0.000})");
        // Monotone descent once leading: a following person never gives a reason to go back up.
        for (int i = 1; i < decisions.Count; i++)
            Assert.True(decisions[i].MusicArousal <= decisions[i - 1].MusicArousal + 1e-9 || decisions[i].TimeSeconds < c.Settings.MeetSeconds);
    }

    [Fact]
    public void Does_not_lead_a_person_who_does_not_follow_beyond_the_leash()
    {
        var c = new TherapyController(Tinnitus, SessionGoal.Settle, 1800);
        ControllerDecision last = c.Decide(State(0, 0.8));
        for (double t = 5; t <= 1200; t += 5) last = c.Decide(State(t, 0.8));
        Assert.Equal(0.8 - c.Settings.MaxLead, last.MusicArousal, 6);
    }

    [Fact]
    public void Holds_while_the_estimate_is_uncertain()
    {
        var c = new TherapyController(Tinnitus, SessionGoal.Settle, 1800);
        for (double t = 0; t <= 90; t += 5) c.Decide(State(t, 0.7));
        double before = c.Last!.MusicArousal;
        for (double t = 95; t <= 300; t += 5)
        {
            var d = c.Decide(State(t, 0.7, sd: 0.35));
            Assert.Equal(ControllerPhase.Hold, d.Phase);
            Assert.Equal(before, d.MusicArousal, 12);
        }
    }

    [Fact]
    public void A_skip_backs_off_toward_the_person_and_pauses_leading()
    {
        var c = new TherapyController(Tinnitus, SessionGoal.Settle, 1800);
        var decisions = RunFollowingPerson(c, 0.7, 400);
        double person = decisions[^1].PersonArousal + 0.1; // the person is a little above the music
        double t = decisions[^1].TimeSeconds;
        double before = decisions[^1].MusicArousal;
        c.NoteSkip();
        var back = c.Decide(State(t + 5, person));
        Assert.Equal(ControllerPhase.BackOff, back.Phase);
        Assert.True(back.MusicArousal > before, "a back-off moves the music toward the person");
        Assert.Contains("skipped", back.Reason, StringComparison.Ordinal);
        var next = c.Decide(State(t + 10, person));
        Assert.Equal(ControllerPhase.Hold, next.Phase);
        // Leading resumes after the pause.
        var later = c.Decide(State(t + 10 + c.Settings.BackOffHoldSeconds, person));
        Assert.NotEqual(ControllerPhase.Hold, later.Phase);
    }

    [Fact]
    public void A_rise_in_arousal_triggers_a_back_off()
    {
        var c = new TherapyController(Tinnitus, SessionGoal.Settle, 1800);
        for (double t = 0; t <= 300; t += 5) c.Decide(State(t, 0.5));
        var d = c.Decide(State(305, 0.5 + c.Settings.BackOffRise + 0.01));
        Assert.Equal(ControllerPhase.BackOff, d.Phase);
        Assert.Contains("arousal rose", d.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trigger_tagged_dislike_excludes_that_sound_class_from_the_next_decision()
    {
        var profile = new TherapyProfile(Conditions.Misophonia, excludedClasses: SoundClass.PercussiveClicky);
        var c = new TherapyController(profile, SessionGoal.Background, 1800);
        var first = c.Decide(State(0, 0.5));
        Assert.Equal(SoundClass.PercussiveClicky, first.ExcludedClasses);
        c.NoteDislike(SoundClass.WaterLike);
        var next = c.Decide(State(5, 0.5));
        Assert.Equal(SoundClass.PercussiveClicky | SoundClass.WaterLike, next.ExcludedClasses);
        Assert.Equal(ControllerPhase.BackOff, next.Phase);
    }

    [Fact]
    public void Background_holds_a_steady_level()
    {
        var c = new TherapyController(Tinnitus, SessionGoal.Background, 3600);
        var decisions = RunFollowingPerson(c, 0.6, 3600);
        Assert.All(decisions.Where(d => d.TimeSeconds > 900), d => Assert.Equal(TherapyController.BackgroundGoal, d.MusicArousal, 3));
    }

    [Fact]
    public void Sleep_fades_to_the_quietest_level_and_finishes_at_the_timer()
    {
        var c = new TherapyController(Tinnitus, SessionGoal.Sleep, 1200);
        var decisions = RunFollowingPerson(c, 0.6, 1200);
        var end = decisions[^1];
        Assert.True(end.Finished);
        Assert.Equal(MusicalIntent.MinLoudnessDb, end.Intent.LoudnessDb, 6);
        Assert.False(decisions.First(d => d.TimeSeconds < 1200 - c.Settings.SleepFadeSeconds - 10).Finished);
        Assert.Contains(decisions, d => d.Phase == ControllerPhase.FadeOut);
    }

    [Fact]
    public void Hyperacusis_gets_soft_attacks_and_limited_dynamics()
    {
        var profile = new TherapyProfile(Conditions.Hyperacusis);
        var c = new TherapyController(profile, SessionGoal.Settle, 1800);
        var decisions = RunFollowingPerson(c, 0.85, 1800);
        double ceiling = MusicalIntent.ForArousal(0.5).LoudnessDb;
        Assert.All(decisions, d =>
        {
            Assert.True(d.Intent.AttackSeconds >= c.Settings.HyperacusisMinAttackSeconds);
            Assert.InRange(d.Intent.LoudnessDb, ceiling - c.Settings.HyperacusisLoudnessRangeDb, ceiling);
        });
    }

    [Fact]
    public void Every_decision_is_logged_with_its_reason_state_and_intents()
    {
        var log = EventLog.InMemory();
        var c = new TherapyController(Tinnitus, SessionGoal.Settle, 1800, log: log);
        RunFollowingPerson(c, 0.7, 120);
        var events = log.Events.Where(e => e.Stage == TherapyController.Stage).ToList();
        Assert.Equal(25, events.Count);
        var last = events[^1];
        Assert.Equal("decision", last.Kind);
        foreach (string key in new[] { "state_arousal", "music_arousal_prev", "music_arousal", "tempo_bpm", "loudness_db", "reason", "goal", "phase" })
            Assert.True(last.Data.ContainsKey(key), $"decision event lacks {key}");
    }

    [Fact]
    public void Time_going_backward_and_bad_settings_are_rejected_by_name()
    {
        var c = new TherapyController(Tinnitus, SessionGoal.Settle, 1800);
        c.Decide(State(10, 0.5));
        var e = Assert.Throws<ArgumentException>(() => c.Decide(State(5, 0.5)));
        Assert.Contains("TimeSeconds", e.Message, StringComparison.Ordinal);
        var s = Assert.Throws<ArgumentOutOfRangeException>(() => new ControllerSettings(maxLead: 0.9));
        Assert.Equal("maxLead", s.ParamName);
        var g = Assert.Throws<ArgumentOutOfRangeException>(() => new TherapyController(Tinnitus, SessionGoal.Settle, 10));
        Assert.Equal("durationSeconds", g.ParamName);
    }

    [Fact]
    public void Breathing_rate_from_sensing_sets_the_pacing_rate()
    {
        var c = new TherapyController(Tinnitus, SessionGoal.Settle, 1800);
        var d = c.Decide(State(0, 0.6, respiration: 16));
        Assert.Equal(BreathingPacer.LeadFraction * 16, d.BreathingRateBpm, 9);
    }
}
