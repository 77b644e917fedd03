using System.Text.Json.Nodes;
using Attune.Engine.Adaptation;
using Attune.Engine.Safety;
using Attune.Engine.Sensing;

namespace Attune.Server.Features.Live;

/// <summary>
/// What a live session reports at its end: minutes listened, heart rate and RMSSD per minute (means of the
/// per-second physiology), the first and last rating on each scale, sound dose, skips, dislikes, decisions,
/// and the server's own measurements.
/// </summary>
internal sealed class LiveSummary
{
    private readonly List<double> _hrSum = [], _rmssdSum = [];
    private readonly List<int> _hrCount = [], _rmssdCount = [];
    private readonly Dictionary<SelfReportScale, (double First, double Last)> _ratings = [];

    public void AddPhysiology(PhysiologySample sample)
    {
        int minute = (int)(sample.TimeSeconds / 60);
        while (_hrSum.Count <= minute)
        {
            _hrSum.Add(0);
            _hrCount.Add(0);
            _rmssdSum.Add(0);
            _rmssdCount.Add(0);
        }
        _hrSum[minute] += sample.HeartRateBpm;
        _hrCount[minute]++;
        if (sample.RmssdMs is double r)
        {
            _rmssdSum[minute] += r;
            _rmssdCount[minute]++;
        }
    }

    public void AddReport(SelfReportScale scale, double value) =>
        _ratings[scale] = _ratings.TryGetValue(scale, out var r) ? (r.First, value) : (value, value);

    public double? FirstDistress => _ratings.TryGetValue(SelfReportScale.Distress, out var r) ? r.First : null;

    public JsonObject ToJson(string endReason, double secondsListened, ClosedLoopSession loop, SafetyGovernor safety, LiveStats stats)
    {
        var before = new JsonObject();
        var after = new JsonObject();
        foreach (var (scale, r) in _ratings.OrderBy(p => p.Key))
        {
            before[LiveJson.SnakeCase(scale.ToString())] = r.First;
            after[LiveJson.SnakeCase(scale.ToString())] = r.Last;
        }
        return new JsonObject
        {
            ["end_reason"] = endReason,
            ["minutes_listened"] = Math.Round(secondsListened / 60, 3),
            ["heart_rate_bpm_per_minute"] = Means(_hrSum, _hrCount, 1),
            ["rmssd_ms_per_minute"] = Means(_rmssdSum, _rmssdCount, 1),
            ["ratings_before"] = before,
            ["ratings_after"] = after,
            ["sound_dose_percent"] = Math.Round(safety.Dose.FractionOfWeeklyAllowance * 100, 4),
            ["sound_dose_calibrated"] = safety.Dose.IsCalibrated,
            ["skips"] = loop.Skips,
            ["dislikes"] = loop.Dislikes,
            ["decisions"] = loop.Decisions,
            ["last_phase"] = loop.Controller.Last is { } d ? LiveJson.SnakeCase(d.Phase.ToString()) : null,
            ["underruns"] = stats.Underruns,
            ["server"] = new JsonObject
            {
                ["frames"] = stats.Frames,
                ["hr_packets"] = stats.Packets,
                ["packet_to_block_ms_median"] = Round(stats.LatencyPercentileMs(0.5)),
                ["packet_to_block_ms_p99"] = Round(stats.LatencyPercentileMs(0.99)),
                ["cpu_ms_per_audio_s_render"] = Round(stats.MsPerAudioSecond(stats.RenderTicks)),
                ["cpu_ms_per_audio_s_encode"] = Round(stats.MsPerAudioSecond(stats.EncodeTicks)),
                ["cpu_ms_per_audio_s_rest"] = Round(stats.MsPerAudioSecond(stats.RestTicks)),
                ["render_late_ms_max"] = Round(stats.RenderLateMaxMs),
                ["render_late_max_at_s"] = Round(stats.RenderLateMaxAtSeconds),
                ["frame_ms_max"] = Round(stats.FrameMaxMs),
                ["send_wait_ms_max"] = Round(stats.SendWaitMaxMs),
            },
        };
    }

    private static JsonArray Means(List<double> sums, List<int> counts, int digits)
    {
        var a = new JsonArray();
        for (int i = 0; i < sums.Count; i++) a.Add(counts[i] > 0 ? (JsonNode?)Math.Round(sums[i] / counts[i], digits) : null);
        return a;
    }

    private static double? Round(double x) => double.IsFinite(x) ? Math.Round(x, 3) : null;
}
