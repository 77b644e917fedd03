using System.Collections.Concurrent;
using System.Diagnostics;
using EventLog = Attune.Engine.Events.EventLog;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Attune.Engine;
using Attune.Engine.Adaptation;
using Attune.Engine.Composition.Model;
using Attune.Engine.Events;
using Attune.Engine.Safety;
using Attune.Engine.Sensing;
using Attune.Server.Data;

namespace Attune.Server.Features.Live;

/// <summary>
/// One live session's engine, run by the shared <see cref="LiveScheduler"/>: 20 ms frames (pcm16, or Opus when there
/// is no notch) rendered about 200 ms ahead of the wall clock (10 frames at once, then three every 60 ms). Socket
/// inputs are queued and applied between frames. A dropped socket pauses rendering; a
/// reconnect with the resume token continues from the last frame played (a 20 ms fade-in hides the seam).
/// </summary>
internal sealed partial class LiveSession : ILiveWork, IDisposable
{
    public const int LeadFrames = 10, HistoryFrames = 64, MaxQueuedFrames = 32;

    /// <summary>Frames rendered per scheduler turn when on time (60 ms): the lead stays within 140–200 ms.</summary>
    public const int BurstFrames = 3;

    /// <summary>At most this many frames per turn (catching up), so one session cannot hold a worker.</summary>
    public const int MaxFramesPerTurn = 12;

    private static readonly double FrameTicks = FrameSeconds * Stopwatch.Frequency;
    public const int FrameSize = FrameEncoder.FrameSize;
    public const double FrameSeconds = 0.02;
    /// <summary>Safety's long fade-out (its FadeController.LongFadeSeconds, internal to the engine).</summary>
    public const double FadeOutSeconds = 5.0;

    private readonly LiveOptions _options;
    private readonly TimeProvider _clock;
    private readonly EventLog _log = EventLog.InMemory();
    private readonly TherapySession _therapy;
    private readonly ClosedLoopSession _loop;
    private readonly BreathingPacer _pacer;
    private readonly FrameEncoder _encoder;
    private readonly double _durationSeconds;
    private readonly float[] _left = new float[FrameSize], _right = new float[FrameSize];
    private readonly short[][] _pcm = new short[HistoryFrames][];
    private readonly short[] _ramp = new short[FrameSize * 2];
    private readonly byte[][] _wire = new byte[HistoryFrames][];
    private readonly ConcurrentQueue<LiveCommand> _commands = new();
    private readonly ConcurrentQueue<LoggedEvent> _unsaved = new();
    private readonly long[] _pendingArrivals = new long[256];
    private readonly LiveSummary _summary = new();
    private readonly LiveScheduler _scheduler;
    private LiveScheduler.Slot? _slot;
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly byte[] _token;
    private volatile LiveConnection? _connection;
    private ITimer? _abandonTimer;
    private int _pendingCount, _logCursor;
    private long _rendered, _sentUpTo, _ackPlayed = -1, _epochTicks, _epochFrame;
    private bool _userPaused, _pausing, _ending, _fadeInNext, _serverStopping;
    private double _volumeDb;

    public LiveSession(Guid id, string ownerId, TherapyProfile profile, Attune.Engine.Adaptation.SessionGoal goal, int minutes,
        ChoraleNade model, LiveOptions options, TimeProvider clock, LiveScheduler scheduler, LivePersonalizer.Choice? choice = null)
    {
        Choice = choice;
        _scheduler = scheduler;
        Id = id;
        OwnerId = ownerId;
        _options = options;
        _clock = clock;
        _durationSeconds = minutes * 60.0;
        ResumeToken = RandomNumberGenerator.GetHexString(32, lowercase: true);
        _token = Encoding.ASCII.GetBytes(ResumeToken);
        bool opus = UsesOpus(profile);
        Cost = CostOf(profile);
        _encoder = new FrameEncoder(opus);
        var settings = new RenderSettings(TherapyMode.Music, profile, minutes, seed: SeedOf(id));
        _pacer = new BreathingPacer();
        _therapy = SessionFactory.Create(settings, opus ? OutputKind.Lossy : OutputKind.Lossless, _log, model, _pacer, choice?.Preset,
            recordEvents: false);
        _loop = new ClosedLoopSession(profile, goal, _durationSeconds, choice?.Preset, log: _log, player: _therapy.Music,
            decisionIntervalSeconds: options.DecisionIntervalSeconds, audioPacer: _pacer);
        for (int i = 0; i < HistoryFrames; i++)
        {
            _pcm[i] = new short[FrameSize * 2];
            _wire[i] = new byte[4 + _encoder.MaxPayloadBytes];
        }
    }

    public Guid Id { get; }
    public string OwnerId { get; }
    public string ResumeToken { get; }
    public string Codec => _encoder.Codec;
    public LiveStats Stats { get; } = new();

    /// <summary>Lossy coding would refill the notch, so only sessions without one (no tinnitus frequency) go out as Opus.</summary>
    public static bool UsesOpus(TherapyProfile profile) => profile.TinnitusHz is null;

    /// <summary>A session's render load in pcm16 sessions: an Opus session costs <see cref="LiveOptions.OpusSessionCost"/>.</summary>
    public static double CostOf(TherapyProfile profile) => UsesOpus(profile) ? LiveOptions.OpusSessionCost : 1;

    /// <summary>Render load in pcm16 sessions (<see cref="CostOf"/>).</summary>
    public double Cost { get; }

    /// <summary>The personaliser's choice of music for this session (null: the engine's defaults).</summary>
    public LivePersonalizer.Choice? Choice { get; }

    /// <summary>What the personaliser learns from the session, set when it has ended.</summary>
    public SessionOutcome? Outcome { get; private set; }

    /// <summary>When the engine started (stored as the row's started_at by the manager's writer).</summary>
    public DateTime StartedAt { get; init; }

    /// <summary>Whether the writer has stored the row's running status (touched by the writer only).</summary>
    public bool StartStored { get; set; }

    /// <summary>Completes when the session has ended and left the scheduler.</summary>
    public Task Finished => _finished.Task;

    public SessionStatus EndStatus { get; private set; } = SessionStatus.Running;

    /// <summary>The summary, set when the session has ended.</summary>
    public JsonObject? Summary { get; private set; }

    /// <summary>The socket attached when the session ended (it gets the ended message), or null.</summary>
    public LiveConnection? Connection => _connection;

    /// <summary>Event-log lines not stored yet (taken by the flusher).</summary>
    public ConcurrentQueue<LoggedEvent> Unsaved => _unsaved;

    public void Start() => _slot = _scheduler.Add(this);

    public bool TokenMatches(string token) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(token), _token);

    public void Enqueue(LiveCommand command)
    {
        _commands.Enqueue(command);
        if (_slot is { } slot) _scheduler.Wake(slot);
    }

    public static ulong SeedOf(Guid id)
    {
        Span<byte> b = stackalloc byte[16];
        id.TryWriteBytes(b);
        return BitConverter.ToUInt64(b) ^ BitConverter.ToUInt64(b[8..]);
    }

    /// <summary>
    /// One scheduler turn: applies the queued messages, renders every frame now due (up to the 200 ms lead), and says
    /// when the next <see cref="BurstFrames"/> frames will be due. A message wakes the session early, so a heart-rate
    /// packet is used by the next frame that falls due rather than the next burst.
    /// </summary>
    long ILiveWork.Service(long now)
    {
        try
        {
            Drain();
            // Messages applied between frames may pause, end or detach the session: each frame checks again.
            for (int n = 0; n < MaxFramesPerTurn && CanRender(out var connection) && _rendered < DueFrame(now); n++)
            {
                if (connection.QueuedFrames >= MaxQueuedFrames) return now + (long)FrameTicks;
                Stats.AddRenderLateness(now - DueAt(_rendered), _rendered * FrameSeconds);
                RenderFrame(connection);
                Drain();
                now = Stopwatch.GetTimestamp();
            }
            if (EndStatus == SessionStatus.Running)
            {
                if (_connection is null || _userPaused) return LiveScheduler.UntilWoken;
                // Behind (more than a turn's worth due): straight back into the queue, earliest deadline first. A heart-rate
                // packet not yet heard waits only for the next single frame, not the next burst.
                if (_rendered < DueFrame(now)) return now;
                return _pendingCount > 0 ? DueAt(_rendered) : NextBurstAt();
            }
            Drain();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _log.Write(_rendered * FrameSeconds, "session", "error", EventField.Of("message", e.Message));
            EndStatus = SessionStatus.Abandoned;
        }
        Finish();
        return LiveScheduler.Done;
    }

    private bool CanRender([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LiveConnection? connection)
    {
        connection = _connection;
        return EndStatus == SessionStatus.Running && connection is not null && !_userPaused;
    }

    /// <summary>Frames that should have been rendered by <paramref name="now"/>: the lead plus one per 20 ms since the epoch.</summary>
    private long DueFrame(long now) => _epochFrame + LeadFrames + (long)((now - _epochTicks) * _options.Speed / FrameTicks);

    /// <summary>When frame <paramref name="frame"/> falls due: <see cref="DueFrame"/> passes it (the frames of the first lead at the epoch).</summary>
    private long DueAt(long frame) =>
        _epochTicks + (long)(Math.Max(0, frame + 1 - _epochFrame - LeadFrames) * FrameTicks / _options.Speed);

    /// <summary>When <see cref="BurstFrames"/> frames will be due, so each turn renders a few frames at once.</summary>
    private long NextBurstAt() => DueAt(_rendered + BurstFrames - 1);

    private void RenderFrame(LiveConnection connection)
    {
        long t0 = Stopwatch.GetTimestamp();
        double t = _rendered * FrameSeconds;
        _loop.Advance(t);
        if (!_ending && t >= _durationSeconds - FadeOutSeconds) BeginEnding();
        long t1 = Stopwatch.GetTimestamp();
        for (int start = 0; start < FrameSize; start += AudioFormat.BlockSize)
        {
            int n = Math.Min(AudioFormat.BlockSize, FrameSize - start);
            _therapy.Pipeline.RenderBlock(_left.AsSpan(start, n), _right.AsSpan(start, n));
        }
        long t2 = Stopwatch.GetTimestamp();
        int slot = (int)(_rendered % HistoryFrames);
        Pcm16.Interleave(_left, _right, _pcm[slot]);
        int length = EncodeSlot(_rendered, _fadeInNext);
        _fadeInNext = false;
        long t3 = Stopwatch.GetTimestamp();
        connection.SendFrame(_wire[slot], length, _rendered);
        _rendered++;
        for (int i = 0; i < _pendingCount; i++) Stats.AddLatency(_pendingArrivals[i], t3);
        _pendingCount = 0;
        AfterFrame(connection);
        Stats.Frames++;
        Stats.RestTicks += t1 - t0 + Stopwatch.GetTimestamp() - t3;
        Stats.RenderTicks += t2 - t1;
        Stats.EncodeTicks += t3 - t2;
        Stats.AddFrameTime(t3 - t0);
    }

    /// <summary>Encodes history frame <paramref name="sequence"/> into its wire slot, optionally with a 20 ms fade-in.</summary>
    private int EncodeSlot(long sequence, bool fadeIn)
    {
        int slot = (int)(sequence % HistoryFrames);
        ReadOnlySpan<short> pcm = _pcm[slot];
        if (fadeIn)
        {
            // A linear ramp over the frame: the resumed stream starts from silence, so the seam cannot click.
            for (int i = 0; i < FrameSize; i++)
            {
                float g = (i + 1) / (float)FrameSize;
                _ramp[2 * i] = (short)(pcm[2 * i] * g);
                _ramp[2 * i + 1] = (short)(pcm[2 * i + 1] * g);
            }
            pcm = _ramp;
        }
        var wire = _wire[slot];
        LiveConnection.WriteHeader(wire, sequence);
        return 4 + _encoder.Encode(pcm, wire.AsSpan(4));
    }

    /// <summary>Per frame after sending: new log lines (stored, and Safety's actions told), state once a second, pausing and ending.</summary>
    private void AfterFrame(LiveConnection connection)
    {
        var events = _log.Events;
        for (; _logCursor < events.Count; _logCursor++)
        {
            var e = events[_logCursor];
            _unsaved.Enqueue(e);
            if (e.Stage != "safety") continue;
            string? kind = e.Kind switch
            {
                "too_loud" => "too_loud",
                "fade_out_start" => "fade_out",
                "limiter_engaged" or "loudness_reduced" or "slew_limited" or "momentary_limited" => "limit",
                _ => null,
            };
            if (kind is not null) connection.SendText(LiveJson.Safety(kind, e.Kind));
        }
        var safety = _therapy.Pipeline.Safety;
        if (_pausing && safety.IsSilent)
        {
            _pausing = false;
            _userPaused = true;
            connection.SendText(LiveJson.Simple("paused"));
        }
        if (_ending && safety.IsFinished) EndStatus = SessionStatus.Ended;
        if (_rendered % 50 != 0) return;
        double second = _rendered * FrameSeconds - 1;
        if (_loop.Tracker.Sample(Math.Round(second)) is { } sample) _summary.AddPhysiology(sample);
        connection.SendText(LiveJson.State(_loop.Time, _loop.LastEstimate, _loop.Controller.Last, _therapy.Music?.CurrentIntent,
            _pacer.RateBpm, _volumeDb));
    }

    private void BeginEnding()
    {
        if (_ending) return;
        _ending = true;
        _therapy.Pipeline.Safety.BeginFadeOut();
    }

    private void Finish()
    {
        _abandonTimer?.Dispose();
        double seconds = _rendered * FrameSeconds;
        string reason = _serverStopping ? "server_stopped"
            : EndStatus == SessionStatus.Abandoned ? "abandoned" : seconds >= _durationSeconds - 0.5 ? "completed" : "stopped";
        _log.Write(seconds, "session", "end", EventField.Of("reason", reason), EventField.Of("frames", _rendered));
        var events = _log.Events;
        for (; _logCursor < events.Count; _logCursor++) _unsaved.Enqueue(events[_logCursor]);
        try
        {
            Outcome = _loop.Outcome();
            Summary = _summary.ToJson(reason, seconds, _loop, _therapy.Pipeline.Safety, Stats);
            if (Choice is { } choice) Summary["music"] = LiveJson.Music(choice);
        }
        finally
        {
            _finished.TrySetResult();
        }
    }

    public void Dispose()
    {
        _abandonTimer?.Dispose();
        _log.Dispose();
    }
}
