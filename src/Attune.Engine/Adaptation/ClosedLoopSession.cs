using Attune.Engine.Composition;
using Attune.Engine.Events;
using Attune.Engine.Sensing;

namespace Attune.Engine.Adaptation;

/// <summary>
/// One adaptive session's loop, shared by live sessions, offline renders from recorded inputs and the
/// simulator: inputs (strap packets, self-reports, behaviour) → Sensing (<see cref="PhysiologyTracker"/>,
/// <see cref="StateEstimator"/>) → <see cref="TherapyController"/> → the music player's intent. Inputs are
/// logged (stage <c>input</c>), the state estimate once per second (stage <c>sensing</c>) and every
/// decision with its reason (stage <c>adaptation</c>), so a session can be replayed and explained.
/// Not thread-safe: one control thread calls it; the player takes intents across threads by itself.
/// </summary>
public sealed class ClosedLoopSession
{
    public const string SensingStage = "sensing";
    public const double DefaultDecisionIntervalSeconds = 5;
    private const double OutcomeWindowSeconds = 60;
    // The start is judged once the estimator has had beats to work with (the first seconds are the prior).
    private const double StartWindowBegin = 15;

    private readonly EventLog _log;
    private readonly MusicPlayer? _player;
    private readonly BreathingPacer? _audioPacer;
    private double _nextSecond, _nextDecision;
    private SoundClass _appliedExclusions;
    private double _startArousalSum, _endArousalSum;
    private int _startArousalCount;
    private readonly Queue<(double Time, double Arousal)> _recent = new();
    private double? _firstDistress, _lastDistress;
    private double? _rating;

    /// <param name="player">The music player the decisions steer, or null (simulation without audio).</param>
    /// <param name="audioPacer">The breathing pacer in the audio path, kept on the measured breathing rate (it keeps its own time), or null.</param>
    public ClosedLoopSession(TherapyProfile profile, SessionGoal goal, double durationSeconds, MusicPreset? preset = null,
        PersonalBaseline? baseline = null, EventLog? log = null, MusicPlayer? player = null,
        ControllerSettings? controllerSettings = null, StateEstimatorSettings? estimatorSettings = null,
        double decisionIntervalSeconds = DefaultDecisionIntervalSeconds, BreathingPacer? audioPacer = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!(decisionIntervalSeconds >= 1 && decisionIntervalSeconds <= 60))
            throw new ArgumentOutOfRangeException(nameof(decisionIntervalSeconds), decisionIntervalSeconds, "decisionIntervalSeconds must be in 1–60 s");
        _log = log ?? EventLog.Null;
        _player = player;
        _audioPacer = audioPacer;
        Preset = preset;
        DecisionIntervalSeconds = decisionIntervalSeconds;
        Tracker = new PhysiologyTracker();
        Estimator = new StateEstimator(estimatorSettings, baseline);
        Controller = new TherapyController(profile, goal, durationSeconds, controllerSettings, _log,
            preset is null ? null : preset.Apply);
    }

    public MusicPreset? Preset { get; }
    public double DecisionIntervalSeconds { get; }
    public PhysiologyTracker Tracker { get; }
    public StateEstimator Estimator { get; }
    public TherapyController Controller { get; }

    /// <summary>The latest state estimate (logged once per second), or null before the first second.</summary>
    public StateEstimate? LastEstimate { get; private set; }

    /// <summary>Decisions made so far.</summary>
    public int Decisions { get; private set; }

    public int Skips { get; private set; }
    public int Dislikes { get; private set; }
    public SoundClass DislikedClasses { get; private set; }

    /// <summary>Session time of the last <see cref="Advance"/>.</summary>
    public double Time { get; private set; }

    /// <summary>A strap packet arrived (session time, client sequence number, raw characteristic bytes).</summary>
    public HeartRatePacketResult OnHeartRatePacket(double timeSeconds, uint sequence, ReadOnlySpan<byte> packet)
    {
        SessionInputLog.WritePacket(_log, timeSeconds, sequence, packet);
        var result = Tracker.Push(sequence, timeSeconds, packet);
        if (result.Status != HeartRatePacketStatus.Accepted)
            _log.Write(timeSeconds, SensingStage, "packet_rejected",
                EventField.Of("status", result.Status.ToString().ToLowerInvariant()), EventField.Of("reason", result.Error ?? ""));
        return result;
    }

    public void OnSelfReport(SelfReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        SessionInputLog.Write(_log, report);
        Estimator.Add(report);
        if (report.Scale == SelfReportScale.Distress)
        {
            _firstDistress ??= report.Fraction;
            _lastDistress = report.Fraction;
        }
    }

    public void OnBehaviour(BehaviourEvent behaviour)
    {
        ArgumentNullException.ThrowIfNull(behaviour);
        SessionInputLog.Write(_log, behaviour);
        Estimator.Add(behaviour);
        if (behaviour.Kind == BehaviourKind.Skip)
        {
            Skips++;
            Controller.NoteSkip();
        }
        else if (behaviour.Kind == BehaviourKind.Dislike)
        {
            Dislikes++;
            DislikedClasses |= behaviour.DislikedClasses;
            Controller.NoteDislike(behaviour.DislikedClasses);
        }
    }

    /// <summary>The person's rating of the session's music (0–10), given at the end.</summary>
    public void RateMusic(double rating)
    {
        if (!(rating >= 0 && rating <= 10))
            throw new ArgumentOutOfRangeException(nameof(rating), rating, "rating must be in 0–10");
        _rating = rating;
    }

    /// <summary>
    /// Moves the loop to session time <paramref name="timeSeconds"/>: one physiology sample and estimate per
    /// whole second passed, and a decision when one is due (returned; null otherwise), which steers the player.
    /// </summary>
    public ControllerDecision? Advance(double timeSeconds)
    {
        if (!(timeSeconds >= Time))
            throw new ArgumentOutOfRangeException(nameof(timeSeconds), timeSeconds, $"timeSeconds must be ≥ the last time {Time}");
        Time = timeSeconds;
        while (_nextSecond <= timeSeconds)
        {
            double t = _nextSecond;
            if (Tracker.Sample(t) is { } sample) Estimator.Add(sample);
            var estimate = Estimator.Estimate(t);
            LastEstimate = estimate;
            Remember(estimate);
            _log.Write(t, SensingStage, "estimate",
                EventField.Of("arousal", estimate.Arousal), EventField.Of("arousal_sd", estimate.ArousalSd),
                EventField.Of("valence", estimate.Valence), EventField.Of("valence_sd", estimate.ValenceSd),
                EventField.Of("distress", estimate.Distress), EventField.Of("distress_sd", estimate.DistressSd),
                EventField.Of("heart_rate_bpm", estimate.HeartRateBpm ?? double.NaN),
                EventField.Of("respiration_bpm", estimate.RespirationRateBpm ?? double.NaN),
                EventField.Of("sources", estimate.Sources.ToString()));
            _nextSecond += 1;
        }
        if (timeSeconds < _nextDecision || LastEstimate is null) return null;
        _nextDecision = timeSeconds + DecisionIntervalSeconds;
        var decision = Controller.Decide(LastEstimate with { TimeSeconds = timeSeconds });
        Decisions++;
        if (_player is not null)
        {
            _player.SetIntent(decision.Intent);
            SoundClass added = decision.ExcludedClasses & ~_appliedExclusions;
            if (added != SoundClass.None) _player.Exclude(added);
        }
        _appliedExclusions = decision.ExcludedClasses;
        if (LastEstimate.RespirationRateBpm is double r && r >= BreathingPacer.MinBpm && r <= BreathingPacer.MaxBpm)
            _audioPacer?.SetMeasuredRate(r);
        return decision;
    }

    /// <summary>
    /// The session's outcome for the personaliser: the change in estimated arousal from the first minute (from 15 s on) to the
    /// last minute, the change in reported distress (first to last report, as a 0–1 fraction), rating, skips, dislikes.
    /// </summary>
    public SessionOutcome Outcome()
    {
        double start = _startArousalCount > 0 ? _startArousalSum / _startArousalCount : 0.5;
        double end = _recent.Count > 0 ? _endArousalSum / _recent.Count : start;
        double distress = _firstDistress is double a && _lastDistress is double b ? b - a : 0;
        return new SessionOutcome(end - start, distress, _rating, Skips, Dislikes, Time / 60, DislikedClasses);
    }

    private void Remember(StateEstimate e)
    {
        if (e.TimeSeconds >= StartWindowBegin && e.TimeSeconds < StartWindowBegin + OutcomeWindowSeconds)
        {
            _startArousalSum += e.Arousal;
            _startArousalCount++;
        }
        _recent.Enqueue((e.TimeSeconds, e.Arousal));
        _endArousalSum += e.Arousal;
        while (_recent.Peek().Time <= e.TimeSeconds - OutcomeWindowSeconds) _endArousalSum -= _recent.Dequeue().Arousal;
    }
}
