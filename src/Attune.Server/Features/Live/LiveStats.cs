using System.Diagnostics;

namespace Attune.Server.Features.Live;

/// <summary>
/// Server-side measurements of one live session, kept by the session while it renders without allocating: heart-rate
/// packet arrival → end of the first rendered frame that used it, CPU time per stage, and how late frames were rendered
/// and sent.
/// </summary>
internal sealed class LiveStats
{
    private const int MaxLatencies = 8192;
    private readonly double[] _latencyMs = new double[MaxLatencies];
    private int _latencyCount;

    public long RenderTicks { get; set; }
    public long EncodeTicks { get; set; }
    public long RestTicks { get; set; }
    public long Frames { get; set; }

    /// <summary>Browser playback reports (ack).</summary>
    public long PlayedFrames { get; set; }
    public double BufferedMs { get; set; }
    public long Underruns { get; set; }
    public double LevelDbfs { get; set; } = double.NaN;

    public int Packets => _latencyCount;

    /// <summary>Worst time from a frame falling due (its 200 ms lead used up by 20 ms) to its render starting.</summary>
    public double RenderLateMaxMs { get; private set; }

    /// <summary>Worst time from a frame being queued for the socket to its send completing (the send loop's thread).</summary>
    public double SendWaitMaxMs => Volatile.Read(ref _sendWaitMaxTicks) * 1000.0 / Stopwatch.Frequency;
    private long _sendWaitMaxTicks;

    /// <summary>Longest single frame (closed-loop step, render and encode), wall time on the worker.</summary>
    public double FrameMaxMs { get; private set; }

    public void AddFrameTime(long ticks)
    {
        double ms = ticks * 1000.0 / Stopwatch.Frequency;
        if (ms > FrameMaxMs) FrameMaxMs = ms;
    }

    /// <summary>Session time (s) of the frame behind <see cref="RenderLateMaxMs"/>.</summary>
    public double RenderLateMaxAtSeconds { get; private set; }

    public void AddRenderLateness(long ticks, double sessionSeconds)
    {
        double ms = ticks * 1000.0 / Stopwatch.Frequency;
        if (ms <= RenderLateMaxMs) return;
        RenderLateMaxMs = ms;
        RenderLateMaxAtSeconds = sessionSeconds;
    }

    /// <summary>From the send loop (another thread than the renderer; a resumed socket's loop may briefly overlap the old one).</summary>
    public void AddSendWait(long ticks)
    {
        long seen = Volatile.Read(ref _sendWaitMaxTicks);
        while (ticks > seen)
        {
            long was = Interlocked.CompareExchange(ref _sendWaitMaxTicks, ticks, seen);
            if (was == seen) return;
            seen = was;
        }
    }

    public void AddLatency(long arrivalTicks, long renderedTicks)
    {
        if (_latencyCount < MaxLatencies) _latencyMs[_latencyCount++] = (renderedTicks - arrivalTicks) * 1000.0 / Stopwatch.Frequency;
    }

    public double LatencyPercentileMs(double p)
    {
        if (_latencyCount == 0) return double.NaN;
        var sorted = _latencyMs.AsSpan(0, _latencyCount).ToArray();
        Array.Sort(sorted);
        return sorted[Math.Min(_latencyCount - 1, (int)Math.Floor(p * _latencyCount))];
    }

    /// <summary>CPU milliseconds spent per second of audio by a stage.</summary>
    public double MsPerAudioSecond(long ticks) =>
        Frames == 0 ? 0 : ticks * 1000.0 / Stopwatch.Frequency / (Frames * 0.02);
}
