using System.Diagnostics;

namespace Attune.Server.Features.Live;

/// <summary>
/// Server-side measurements of one live session, kept by the render thread without allocating: heart-rate
/// packet arrival → end of the first rendered frame that used it, and CPU time per stage.
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
