using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Attune.LoadTest;

/// <summary>
/// N receive-only listeners against one server for S seconds: first-frame latency, virtual-player underruns,
/// the server's CPU % (of one core) and RSS from /proc, and the per-stage figures from the sessions' summaries.
/// </summary>
internal static class LoadRun
{
    public sealed record Outcome(JsonObject Report, string Line, bool ZeroUnderruns, bool Saturated);

    /// <param name="startsPerSecond">Session i connects at i ÷ this rate (0: all at once); each then runs until all N have run
    /// together for <paramref name="seconds"/>.</param>
    public static async Task<Outcome> RunAsync(ServerHost server, int sessions, double seconds, bool opus, double startsPerSecond, CancellationToken ct)
    {
        double ramp = startsPerSecond > 0 ? (sessions - 1) / startsPerSecond : 0;
        int minutes = Math.Max(1, (int)Math.Ceiling((ramp + seconds + 60) / 60));
        using var handler = new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 8 };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMinutes(2) };
        var clients = new LiveClient[sessions];
        // Identity's password hashing is the slow part; two at a time suits two cores.
        await Parallel.ForAsync(0, sessions, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct },
            async (i, token) => clients[i] = await LiveClient.CreateAsync(http, server.Url, !opus, minutes, token));

        double rssIdle = server.Pid is int p0 ? ProcessSampler.RssMbOf(p0) : double.NaN;
        double loadAverage = LoadAverage();
        await using var sampler = server.Pid is int p1 ? new ProcessSampler(p1) : null;
        var clientCpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var runs = new Task<SessionResult>[sessions];
        var timeline = new LiveClient.RunTimeline(Stopwatch.GetTimestamp(), new int[(int)Math.Ceiling(ramp + seconds) + 60]);
        foreach (var c in clients) c.Timeline = timeline;
        for (int i = 0; i < sessions; i++)
        {
            double at = startsPerSecond > 0 ? i / startsPerSecond : 0;
            var client = clients[i];
            // The first session's heart-rate packets (2 Hz) start once all N run, so packet → block is timed at N.
            int packets = i == 0 ? (int)Math.Min(60, 2 * (seconds - 1)) : 0;
            runs[i] = Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(at), ct);
                return await client.RunAsync(ramp - at + seconds, packets, ramp - at, ct);
            }, ct);
        }
        await Task.Delay(TimeSpan.FromSeconds(ramp + Math.Max(0.5, seconds - 0.5)), ct);
        var cpu = sampler?.CpuPercent ?? [];
        double rssWithN = server.Pid is int p2 ? ProcessSampler.RssMbOf(p2) : double.NaN;
        double clientCpuPercent = 100 * (Process.GetCurrentProcess().TotalProcessorTime - clientCpu0).TotalSeconds / clock.Elapsed.TotalSeconds;
        var results = await Task.WhenAll(runs);
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        double rssAfter = server.Pid is int p3 ? ProcessSampler.RssMbOf(p3) : double.NaN;
        foreach (var c in clients) c.Dispose();

        // Only the seconds with all N running count; the first of them still holds the last start-up bursts.
        int skip = (int)Math.Ceiling(ramp) + 1;
        var steady = cpu.Count > skip + 1 ? cpu.Skip(skip).ToList() : [.. cpu];
        double cpuMean = steady.Count > 0 ? steady.Average() : double.NaN;
        double cpuMax = steady.Count > 0 ? steady.Max() : double.NaN;
        long totalUnderruns = results.Sum(r => r.Underruns);
        int withUnderruns = results.Count(r => r.Underruns > 0);
        double expectedFrames = seconds * 50;
        int starved = results.Count(r => r.Frames < 0.95 * expectedFrames);
        bool saturated = cpuMean >= 0.9 * 100 * Environment.ProcessorCount || starved > 0;
        var firstFrame = results.Select(r => r.FirstFrameMs).Where(double.IsFinite).Order().ToArray();
        var servers = results.Select(r => r.Server).OfType<JsonObject>().ToList();
        var first = results[0].Server;

        var report = new JsonObject
        {
            ["sessions"] = sessions,
            ["seconds"] = seconds,
            ["starts_per_second"] = startsPerSecond > 0 ? startsPerSecond : null,
            ["codec"] = results[0].Codec,
            ["cores"] = Environment.ProcessorCount,
            ["load_average_1min_at_start"] = loadAverage,
            ["first_frame_ms"] = new JsonObject
            {
                ["median"] = R(Percentile(firstFrame, 0.5)),
                ["p99"] = R(Percentile(firstFrame, 0.99)),
                ["max"] = R(firstFrame.Length > 0 ? firstFrame[^1] : double.NaN),
            },
            ["frames_received_total"] = results.Sum(r => r.Frames),
            ["frames_expected_per_session_min"] = (long)expectedFrames,
            ["sessions_starved"] = starved,
            ["underruns_total"] = totalUnderruns,
            ["sessions_with_underruns"] = withUnderruns,
            ["underruns_per_session"] = new JsonArray([.. results.Select(r => (JsonNode)r.Underruns)]),
            ["worst_lateness_ms"] = R(results.Max(r => r.WorstLateMs)),
            ["underruns_per_second_of_run"] = new JsonArray([.. timeline.Underruns.Take(LastNonZero(timeline.Underruns) + 1).Select(u => (JsonNode)u)]),
            ["server_cpu_percent_per_second"] = new JsonArray([.. cpu.Select(c => (JsonNode)Math.Round(c))]),
            ["last_underrun_s_after_first_frame"] = results.Any(r => r.Underruns > 0)
                ? R(results.Where(r => r.Underruns > 0).Max(r => r.LastUnderrunMs) / 1000) : null,
            ["server_cpu_percent_mean"] = R(cpuMean),
            ["server_cpu_percent_max"] = R(cpuMax),
            ["server_rss_mb_idle"] = R(rssIdle),
            ["server_rss_mb_with_n"] = R(rssWithN),
            ["server_rss_mb_after"] = R(rssAfter),
            ["server_rss_mb_per_session"] = R((rssWithN - rssIdle) / sessions),
            ["client_cpu_percent_mean"] = R(clientCpuPercent),
            ["summaries_received"] = servers.Count,
            ["server_stage_cpu_ms_per_audio_s_mean"] = new JsonObject
            {
                ["render"] = R(MeanOf(servers, "cpu_ms_per_audio_s_render")),
                ["encode"] = R(MeanOf(servers, "cpu_ms_per_audio_s_encode")),
                ["rest"] = R(MeanOf(servers, "cpu_ms_per_audio_s_rest")),
            },
            ["server_render_late_ms_max"] = R(MaxOf(servers, "render_late_ms_max")),
            ["server_send_wait_ms_max"] = R(MaxOf(servers, "send_wait_ms_max")),
            ["server_frame_ms_max"] = R(MaxOf(servers, "frame_ms_max")),
            ["first_session_server"] = first?.DeepClone(),
            ["zero_underruns"] = totalUnderruns == 0,
            ["saturated"] = saturated,
        };
        string line = $"{sessions} × {results[0].Codec} for {seconds:0} s ({(startsPerSecond > 0 ? $"{startsPerSecond:0.#} starts/s" : "all at once")}): first frame median {Percentile(firstFrame, 0.5):0.0} ms (max {(firstFrame.Length > 0 ? firstFrame[^1] : double.NaN):0.0}), "
            + $"underruns {totalUnderruns} in {withUnderruns} sessions, server CPU {cpuMean:0}% of one core (max {cpuMax:0}%), "
            + $"RSS {rssIdle:0} → {rssWithN:0} MB ({(rssWithN - rssIdle) / sessions:0.00} MB/session), "
            + $"render/encode/rest {MeanOf(servers, "cpu_ms_per_audio_s_render"):0.0}/{MeanOf(servers, "cpu_ms_per_audio_s_encode"):0.0}/{MeanOf(servers, "cpu_ms_per_audio_s_rest"):0.0} ms per audio s, "
            + $"packet→block median {Num(first, "packet_to_block_ms_median"):0.00} ms p99 {Num(first, "packet_to_block_ms_p99"):0.00} ms ({Num(first, "hr_packets"):0} packets), "
            + $"worst server render lateness {MaxOf(servers, "render_late_ms_max"):0.0} ms, send wait {MaxOf(servers, "send_wait_ms_max"):0.0} ms, longest frame {MaxOf(servers, "frame_ms_max"):0.0} ms"
            + (saturated ? " [SATURATED]" : "");
        return new Outcome(report, line, totalUnderruns == 0, saturated);
    }

    public static double LoadAverage()
    {
        try { return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture); }
        catch (IOException) { return double.NaN; }
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Floor(p * sorted.Length))];

    private static double MeanOf(List<JsonObject> servers, string key)
    {
        var values = servers.Select(s => Num(s, key)).Where(double.IsFinite).ToList();
        return values.Count > 0 ? values.Average() : double.NaN;
    }

    private static int LastNonZero(int[] values)
    {
        int last = -1;
        for (int i = 0; i < values.Length; i++) if (values[i] != 0) last = i;
        return last;
    }

    private static double MaxOf(List<JsonObject> servers, string key)
    {
        var values = servers.Select(s => Num(s, key)).Where(double.IsFinite).ToList();
        return values.Count > 0 ? values.Max() : double.NaN;
    }

    private static double Num(JsonObject? o, string key) => o?[key] is JsonValue v && v.TryGetValue(out double d) ? d : double.NaN;

    private static double? R(double x) => double.IsFinite(x) ? Math.Round(x, 2) : null;
}
