using System.Globalization;
using Attune.Engine.Composition;
using Attune.Engine.Events;
using Attune.Engine.Sensing;

namespace Attune.Engine.Adaptation;

/// <summary>
/// Turns state estimates into musical intent within a session, by the iso principle (Altshuler 1948,
/// THERAPY.md): first meet the person where they are, then lead the music's arousal gradually toward
/// the goal, never more than <see cref="ControllerSettings.MaxLead"/> below the person. It holds when
/// the estimate is uncertain, backs off when the person reacts badly (a rise in arousal, a skip, a
/// dislike), and never moves the music's arousal faster than
/// <see cref="ControllerSettings.MaxArousalRatePerSecond"/>. Condition rules are constraints applied
/// to every intent: the notch for tinnitus, soft attacks and limited dynamics for hyperacusis,
/// excluded sound classes for misophonia. Every decision goes to the event log with its reason.
/// </summary>
/// <remarks>
/// The music's arousal m is on the Sensing scale (0.5 = the person's baseline); the intent is
/// <see cref="MusicalIntent.ForArousal"/>(m), reshaped by the session's preset (if any), then
/// constrained. Goals: settle leads toward 0.2, sleep toward 0.1 and fades the programme level over
/// the last <see cref="ControllerSettings.SleepFadeSeconds"/> of its timer, background holds a steady 0.4.
/// </remarks>
public sealed class TherapyController
{
    public const string Stage = "adaptation";
    public const double SettleGoal = 0.2, SleepGoal = 0.1, BackgroundGoal = 0.4;
    public const double MinMeet = 0.15, MaxMeet = 0.85;
    private const double RiseWindowSeconds = 60;
    private const int RiseWindowCapacity = 256;

    private readonly Func<MusicalIntent, MusicalIntent>? _shape;
    private readonly EventLog _log;
    private readonly double[] _riseTimes = new double[RiseWindowCapacity];
    private readonly double[] _riseValues = new double[RiseWindowCapacity];
    private int _riseStart, _riseCount;
    private double _music = double.NaN;
    private double _lastTime = double.NaN;
    private double _startTime;
    private double _holdUntil = double.NegativeInfinity;
    private int _pendingSkips, _pendingDislikes;
    private SoundClass _sessionExcluded;

    /// <param name="profile">The person's profile; its condition rules constrain every intent.</param>
    /// <param name="goal">What the session is for.</param>
    /// <param name="durationSeconds">The session's planned length (the sleep timer for <see cref="SessionGoal.Sleep"/>).</param>
    /// <param name="settings">Limits and thresholds; <see cref="ControllerSettings.Default"/> when null.</param>
    /// <param name="log">Where decisions are written; nothing is written when null.</param>
    /// <param name="shape">The session preset's reshaping of the arousal-derived intent, or null.</param>
    /// <param name="pacer">The breathing pacer whose rate the decisions report and feed, or null for a default one.</param>
    public TherapyController(TherapyProfile profile, SessionGoal goal, double durationSeconds,
        ControllerSettings? settings = null, EventLog? log = null, Func<MusicalIntent, MusicalIntent>? shape = null,
        BreathingPacer? pacer = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!Enum.IsDefined(goal))
            throw new ArgumentOutOfRangeException(nameof(goal), goal, "goal must be Settle, Sleep or Background");
        if (!(durationSeconds >= 60 && durationSeconds <= RenderSettings.MaxMinutes * 60))
            throw new ArgumentOutOfRangeException(nameof(durationSeconds), durationSeconds,
                $"durationSeconds must be in 60–{RenderSettings.MaxMinutes * 60}");
        Profile = profile;
        Goal = goal;
        DurationSeconds = durationSeconds;
        Settings = settings ?? ControllerSettings.Default;
        _log = log ?? EventLog.Null;
        _shape = shape;
        Pacer = pacer ?? new BreathingPacer();
    }

    public TherapyProfile Profile { get; }
    public SessionGoal Goal { get; }
    public double DurationSeconds { get; }
    public ControllerSettings Settings { get; }
    public BreathingPacer Pacer { get; }

    /// <summary>The goal's arousal on the Sensing scale.</summary>
    public double GoalArousal => Goal switch
    {
        SessionGoal.Settle => SettleGoal,
        SessionGoal.Sleep => SleepGoal,
        _ => BackgroundGoal,
    };

    /// <summary>The last decision, or null before the first.</summary>
    public ControllerDecision? Last { get; private set; }

    /// <summary>Sound classes excluded in this session by trigger-tagged dislikes (on top of the profile's).</summary>
    public SoundClass SessionExcludedClasses => _sessionExcluded;

    /// <summary>The person skipped the current music: counts as a bad reaction at the next decision.</summary>
    public void NoteSkip() => _pendingSkips++;

    /// <summary>
    /// The person disliked the current music: a bad reaction at the next decision; a trigger category
    /// removes that sound class from the music from the next decision on.
    /// </summary>
    public void NoteDislike(SoundClass trigger = SoundClass.None)
    {
        _pendingDislikes++;
        _sessionExcluded |= trigger;
    }

    /// <summary>Decides the music for the state at <see cref="StateEstimate.TimeSeconds"/> (times must not go backward).</summary>
    public ControllerDecision Decide(StateEstimate state)
    {
        ArgumentNullException.ThrowIfNull(state);
        double t = state.TimeSeconds;
        if (!double.IsFinite(t))
            throw new ArgumentOutOfRangeException(nameof(state), t, "state.TimeSeconds must be finite");
        if (t < _lastTime)
            throw new ArgumentException($"state.TimeSeconds {t} is before the previous decision at {_lastTime}", nameof(state));
        if (state.RespirationRateBpm is double r && r >= BreathingPacer.MinBpm && r <= BreathingPacer.MaxBpm)
            Pacer.SetMeasuredRate(r);

        double person = Math.Clamp(state.Arousal, 0, 1);
        bool first = double.IsNaN(_music);
        if (first)
        {
            _startTime = t;
            _lastTime = t;
            _music = Math.Clamp(person, MinMeet, MaxMeet);
        }
        double dt = t - _lastTime;
        double previous = _music;
        RememberArousal(t, person);

        var (phase, desired, why) = Choose(t, state, person);
        double maxStep = Settings.MaxArousalRatePerSecond * dt;
        _music = first ? _music : previous + Math.Clamp(desired - previous, -maxStep, maxStep);
        _lastTime = t;
        Pacer.Advance(dt);

        bool finished = Goal == SessionGoal.Sleep && t - _startTime >= DurationSeconds;
        var intent = Constrain(BaseIntent(_music), t);
        SoundClass excluded = Profile.ExcludedClasses | _sessionExcluded;
        string reason = string.Create(CultureInfo.InvariantCulture,
            $"{Describe(phase)}: {why}; person {person:0.00}±{state.ArousalSd:0.00}, goal {GoalArousal:0.00}, music {previous:0.000}→{_music:0.000}");
        var decision = new ControllerDecision(t, phase, person, previous, _music, intent, Pacer.RateBpm, excluded,
            Profile.TinnitusHz, finished, reason);
        Log(decision, state);
        Last = decision;
        return decision;
    }

    private (ControllerPhase Phase, double Desired, string Why) Choose(double t, StateEstimate state, double person)
    {
        double elapsed = t - _startTime;
        if (Goal == SessionGoal.Sleep && elapsed >= DurationSeconds - Settings.SleepFadeSeconds)
            return (ControllerPhase.FadeOut, Math.Max(SleepGoal, Math.Min(_music, person)), "sleep timer ending, fading out");

        int skips = _pendingSkips, dislikes = _pendingDislikes;
        _pendingSkips = _pendingDislikes = 0;
        double rise = person - LowestRecentArousal(t);
        if (skips > 0 || dislikes > 0 || rise >= Settings.BackOffRise)
        {
            _holdUntil = t + Settings.BackOffHoldSeconds;
            ResetRiseWindow(t, person);
            string cause = skips > 0 ? "the person skipped" : dislikes > 0 ? "the person disliked the music"
                : string.Create(CultureInfo.InvariantCulture, $"arousal rose by {rise:0.00} within a minute");
            double back = Math.Min(Math.Max(_music, person), _music + Settings.BackOffStep);
            return (ControllerPhase.BackOff, back, cause + ", moving back toward the person");
        }
        if (elapsed < Settings.MeetSeconds)
            return (ControllerPhase.Meet, Math.Clamp(person, MinMeet, MaxMeet), "matching the music to the person's state");
        if (state.ArousalSd > Settings.HoldSd)
            return (ControllerPhase.Hold, _music, "the state estimate is uncertain");
        if (t < _holdUntil)
            return (ControllerPhase.Hold, _music, "pausing after a bad reaction");

        // Lead toward the goal, but stay within MaxLead of the person (the iso principle's leash).
        double floor = Math.Max(GoalArousal, person - Settings.MaxLead);
        if (Goal == SessionGoal.Background)
            floor = GoalArousal;
        if (_music > floor + 1e-9)
            return (ControllerPhase.Lead, Math.Max(floor, _music - Settings.LeadRatePerSecond * Math.Max(t - _lastTime, 0)), "leading toward the goal");
        if (_music < floor - 1e-9)
            return (ControllerPhase.Steady, floor, Goal == SessionGoal.Background ? "keeping a steady background" : "following the person up to the leash");
        return (ControllerPhase.Steady, floor, "at the goal");
    }

    private MusicalIntent BaseIntent(double arousal)
    {
        var intent = MusicalIntent.ForArousal(arousal);
        return _shape is null ? intent : _shape(intent);
    }

    /// <summary>Applies the condition rules, then the sleep fade, to an intent.</summary>
    private MusicalIntent Constrain(MusicalIntent intent, double t)
    {
        intent = ConditionRules.Apply(Profile, intent, Settings);
        if (Goal != SessionGoal.Sleep) return intent;
        double fadeStart = _startTime + DurationSeconds - Settings.SleepFadeSeconds;
        double progress = Math.Clamp((t - fadeStart) / Settings.SleepFadeSeconds, 0, 1);
        double loudness = intent.LoudnessDb + (MusicalIntent.MinLoudnessDb - intent.LoudnessDb) * progress;
        return new MusicalIntent(intent.TempoBpm, intent.Register, intent.Density, intent.Brightness, loudness,
            intent.Predictability, intent.Mode, intent.AttackSeconds);
    }

    private void RememberArousal(double t, double value)
    {
        while (_riseCount > 0 && (_riseTimes[_riseStart] < t - RiseWindowSeconds || _riseCount == RiseWindowCapacity))
        {
            _riseStart = (_riseStart + 1) % RiseWindowCapacity;
            _riseCount--;
        }
        int at = (_riseStart + _riseCount) % RiseWindowCapacity;
        _riseTimes[at] = t;
        _riseValues[at] = value;
        _riseCount++;
    }

    private double LowestRecentArousal(double t)
    {
        double lowest = double.PositiveInfinity;
        for (int i = 0; i < _riseCount; i++)
        {
            int at = (_riseStart + i) % RiseWindowCapacity;
            if (_riseTimes[at] >= t - RiseWindowSeconds) lowest = Math.Min(lowest, _riseValues[at]);
        }
        return lowest;
    }

    private void ResetRiseWindow(double t, double value)
    {
        _riseStart = 0;
        _riseCount = 0;
        RememberArousal(t, value);
    }

    private static string Describe(ControllerPhase phase) => phase switch
    {
        ControllerPhase.Meet => "meet",
        ControllerPhase.Lead => "lead",
        ControllerPhase.Hold => "hold",
        ControllerPhase.BackOff => "back off",
        ControllerPhase.FadeOut => "fade out",
        _ => "steady",
    };

    private void Log(ControllerDecision d, StateEstimate state)
    {
        var i = d.Intent;
        _log.Write(d.TimeSeconds, Stage, "decision",
            EventField.Of("goal", Goal.ToString().ToLowerInvariant()),
            EventField.Of("phase", Describe(d.Phase)),
            EventField.Of("state_arousal", state.Arousal),
            EventField.Of("state_arousal_sd", state.ArousalSd),
            EventField.Of("state_distress", state.Distress),
            EventField.Of("state_valence", state.Valence),
            EventField.Of("music_arousal_prev", d.PreviousMusicArousal),
            EventField.Of("music_arousal", d.MusicArousal),
            EventField.Of("tempo_bpm", i.TempoBpm),
            EventField.Of("register", i.Register),
            EventField.Of("density", i.Density),
            EventField.Of("brightness", i.Brightness),
            EventField.Of("loudness_db", i.LoudnessDb),
            EventField.Of("attack_s", i.AttackSeconds),
            EventField.Of("mode", i.Mode.ToString().ToLowerInvariant()),
            EventField.Of("breathing_bpm", d.BreathingRateBpm),
            EventField.Of("excluded_classes", (double)(int)d.ExcludedClasses),
            EventField.Of("finished", d.Finished),
            EventField.Of("reason", d.Reason));
    }
}
