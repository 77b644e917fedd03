using System.Text.Json.Nodes;
using Attune.Engine;
using Attune.Engine.Adaptation;
using Attune.Engine.Events;
using Attune.Engine.Sensing;

namespace Attune.Cli;

/// <summary>
/// `render --inputs FILE`: a recorded or simulated input stream (event-log format) replayed through the
/// closed loop while the music renders, so the file holds the adapted audio and the log every decision.
/// </summary>
internal sealed class AdaptiveInputs
{
    private readonly IReadOnlyList<SessionInput> _inputs;
    private int _next;
    private ClosedLoopSession? _loop;

    private AdaptiveInputs(IReadOnlyList<SessionInput> inputs, SessionGoal goal)
    {
        _inputs = inputs;
        Goal = goal;
    }

    public SessionGoal Goal { get; }

    /// <summary>Reads the inputs; any problem is a UsageException naming --inputs and the event.</summary>
    public static AdaptiveInputs Load(string path, SessionGoal goal)
    {
        if (!File.Exists(path)) throw new UsageException($"--inputs: file '{path}' does not exist");
        try
        {
            using var reader = new StreamReader(path);
            var inputs = SessionInputLog.Read(EventLog.Read(reader)).ToList();
            if (inputs.Count == 0) throw new UsageException($"--inputs: '{path}' holds no input events (stage \"input\")");
            return new AdaptiveInputs(inputs, goal);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--inputs: {e.Message}");
        }
    }

    /// <summary>The render's length when --minutes is not given: up to the last input, at least a minute.</summary>
    public double DefaultMinutes => Math.Max(1, Math.Ceiling(_inputs[^1].TimeSeconds / 60 * 10) / 10);

    public void Start(RenderSettings settings, TherapySession session, EventLog log, BreathingPacer pacer)
    {
        _loop = new ClosedLoopSession(settings.Profile, Goal, settings.Minutes * 60, log: log, player: session.Music, audioPacer: pacer);
    }

    /// <summary>Hands every input up to <paramref name="timeSeconds"/> to the loop, then advances it.</summary>
    public void AdvanceTo(double timeSeconds)
    {
        var loop = _loop ?? throw new InvalidOperationException("Start first");
        while (_next < _inputs.Count && _inputs[_next].TimeSeconds <= timeSeconds)
        {
            var input = _inputs[_next++];
            if (input.TimeSeconds < loop.Time) continue; // an input older than the loop's clock cannot change the past
            loop.Advance(input.TimeSeconds);
            switch (input.Kind)
            {
                case SessionInputKind.HeartRatePacket: loop.OnHeartRatePacket(input.TimeSeconds, input.Sequence, input.Packet); break;
                case SessionInputKind.SelfReport: loop.OnSelfReport(input.Report!); break;
                default: loop.OnBehaviour(input.Behaviour!); break;
            }
        }
        loop.Advance(timeSeconds);
    }

    public JsonObject Summary() => new()
    {
        ["goal"] = Goal.ToString().ToLowerInvariant(),
        ["inputs"] = _inputs.Count,
        ["inputs_used"] = _next,
        ["decisions"] = _loop?.Decisions ?? 0,
        ["skips"] = _loop?.Skips ?? 0,
        ["dislikes"] = _loop?.Dislikes ?? 0,
        ["last_phase"] = _loop?.Controller.Last?.Phase.ToString().ToLowerInvariant(),
        ["last_reason"] = _loop?.Controller.Last?.Reason,
    };
}
