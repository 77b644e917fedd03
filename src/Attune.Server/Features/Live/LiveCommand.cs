using Attune.Engine;
using Attune.Engine.Sensing;

namespace Attune.Server.Features.Live;

/// <summary>
/// One checked input, queued by the socket's receive loop and applied by the session between frames.
/// Fields not used by a kind keep their defaults.
/// </summary>
internal sealed record LiveCommand(LiveCommandKind Kind)
{
    /// <summary>Stopwatch ticks when the message arrived (for the packet → block latency).</summary>
    public long ArrivalTicks { get; init; }

    public uint Sequence { get; init; }
    public byte[]? Packet { get; init; }
    public SelfReportScale Scale { get; init; }
    public double Value { get; init; }
    public SoundClass Classes { get; init; }

    /// <summary>Ack: played 20 ms frames, buffered ms, underruns, level (dBFS or NaN).</summary>
    public long PlayedFrames { get; init; }
    public double BufferedMs { get; init; }
    public long Underruns { get; init; }
    public double LevelDbfs { get; init; } = double.NaN;

    /// <summary>Attach: the connection taking over, and whether it resumes.</summary>
    public LiveConnection? Connection { get; init; }
    public bool Resumed { get; init; }
}
