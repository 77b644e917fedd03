using System.Diagnostics;
using Attune.Engine.Sensing;
using Attune.Server.Data;

namespace Attune.Server.Features.Live;

/// <summary>The session's side of the browser's messages: each applied between frames, at the next frame's session time.</summary>
internal sealed partial class LiveSession
{
    private void Drain()
    {
        while (_commands.TryDequeue(out var c)) Apply(c);
    }

    private void Apply(LiveCommand c)
    {
        double t = _rendered * FrameSeconds;
        var safety = _therapy.Pipeline.Safety;
        switch (c.Kind)
        {
            case LiveCommandKind.HeartRate:
                _loop.OnHeartRatePacket(t, c.Sequence, c.Packet);
                if (_pendingCount < _pendingArrivals.Length) _pendingArrivals[_pendingCount++] = c.ArrivalTicks;
                break;
            case LiveCommandKind.Report:
                _loop.OnSelfReport(new SelfReport(t, c.Scale, c.Value));
                _summary.AddReport(c.Scale, c.Value);
                break;
            case LiveCommandKind.Skip:
                _loop.OnBehaviour(BehaviourEvent.Skip(t));
                break;
            case LiveCommandKind.Dislike:
                _loop.OnBehaviour(BehaviourEvent.Dislike(t, c.Classes));
                break;
            case LiveCommandKind.Volume:
                if (c.Value != _volumeDb) _loop.OnBehaviour(BehaviourEvent.VolumeChange(t, c.Value - _volumeDb));
                _volumeDb = c.Value;
                _therapy.Pipeline.SetListenerVolumeDb(c.Value);
                break;
            case LiveCommandKind.TooLoud:
                safety.TooLoud();
                if (!_userPaused) _pausing = true;
                break;
            case LiveCommandKind.Pause:
                if (_userPaused || _pausing || _ending) break;
                _loop.OnBehaviour(BehaviourEvent.Pause(t));
                safety.Stop();
                _pausing = true;
                break;
            case LiveCommandKind.Resume:
                if (!(_userPaused || _pausing) || _ending) break;
                _loop.OnBehaviour(BehaviourEvent.Resume(t));
                safety.Resume();
                if (_userPaused) Restart(_rendered);
                _userPaused = _pausing = false;
                _connection?.SendText(LiveJson.Simple("resumed"));
                break;
            case LiveCommandKind.Stop:
                if (_ending) break;
                if (t < _durationSeconds - FadeOutSeconds) _loop.OnBehaviour(BehaviourEvent.EarlyStop(t));
                // Silent already (paused, or nobody listening): nothing to fade.
                if (_userPaused || _connection is null) EndStatus = SessionStatus.Ended;
                else BeginEnding();
                break;
            case LiveCommandKind.Ack:
                Stats.PlayedFrames = c.PlayedFrames;
                Stats.BufferedMs = c.BufferedMs;
                Stats.Underruns = c.Underruns;
                Stats.LevelDbfs = c.LevelDbfs;
                _ackPlayed = c.PlayedFrames;
                break;
            case LiveCommandKind.Attach:
                Attach(c.Connection!, c.Resumed);
                break;
            case LiveCommandKind.Detach:
                Detach(c.Connection!);
                break;
            case LiveCommandKind.ServerStop:
                _serverStopping = true;
                EndStatus = SessionStatus.Abandoned;
                break;
            case LiveCommandKind.Abandon:
                if (_connection is null) EndStatus = SessionStatus.Abandoned;
                break;
        }
    }

    private void Attach(LiveConnection connection, bool resumed)
    {
        _abandonTimer?.Dispose();
        _abandonTimer = null;
        if (_connection is { } old)
        {
            _sentUpTo = Math.Max(_sentUpTo, old.NextUnsent);
            old.Complete();
        }
        long start = _rendered;
        if (resumed)
        {
            // Resume where playback stopped (the last ack), else after the last frame sent; the ring holds the rest.
            long sent = Math.Min(_sentUpTo, _rendered);
            start = _ackPlayed >= 0 ? Math.Min(_ackPlayed, sent) : sent;
            start = Math.Max(start, Math.Max(0, _rendered - HistoryFrames + 1));
        }
        _ackPlayed = -1;
        connection.Stats = Stats;
        _connection = connection;
        connection.SendText(LiveJson.Ready(Id, Codec, ResumeToken, resumed, start * FrameSeconds, Choice));
        if (EndStatus != SessionStatus.Running) return;
        if (resumed)
        {
            _encoder.Reset();
            for (long s = start; s < _rendered; s++)
                connection.SendFrame(_wire[s % HistoryFrames], EncodeSlot(s, fadeIn: s == start), s);
            _fadeInNext = start == _rendered;
        }
        if (_userPaused) connection.SendText(LiveJson.Simple("paused"));
        Restart(start);
    }

    private void Detach(LiveConnection connection)
    {
        if (!ReferenceEquals(_connection, connection)) return;
        _sentUpTo = Math.Max(_sentUpTo, connection.NextUnsent);
        _connection = null;
        if (EndStatus != SessionStatus.Running) return;
        if (_ending)
        {
            // Stopping and nobody listening: the fade has nothing left to protect.
            EndStatus = SessionStatus.Ended;
            return;
        }
        _abandonTimer = _clock.CreateTimer(_ => Enqueue(new LiveCommand(LiveCommandKind.Abandon)), null,
            TimeSpan.FromSeconds(_options.ResumeWindowSeconds), Timeout.InfiniteTimeSpan);
    }

    /// <summary>Pacing starts again: <paramref name="fromFrame"/> is due now, then 10 frames of lead, then one per 20 ms.</summary>
    private void Restart(long fromFrame)
    {
        _epochTicks = Stopwatch.GetTimestamp();
        _epochFrame = fromFrame;
    }
}
