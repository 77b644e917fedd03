using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.LoadTest;

// dotnet run -c Release --project bench/Attune.LoadTest -- --sessions N --seconds S [--url http://127.0.0.1:PORT [--pid P]]
//   [--codec pcm|opus] [--starts-per-second R (default 20; 0 = all at once)] [--warm-up] [--find-max] [--browser-first-sample [--trials 5] [--chromium /usr/bin/chromium]]
//   [--browser-pages N [--chromium /usr/bin/chromium]] [--browser-sessions N [--chromium /usr/bin/chromium]]
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (int i = 0; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal)) return Fail($"unexpected argument '{args[i]}'");
    string key = args[i][2..];
    bool flag = key is "find-max" or "browser-first-sample" or "warm-up";
    if (flag) options[key] = "true";
    else if (i + 1 < args.Length) options[key] = args[++i];
    else return Fail($"--{key} needs a value");
}
int sessions = Int("sessions", 1, 1, 1000);
double seconds = Dbl("seconds", 30, 5, 3600);
string codec = options.GetValueOrDefault("codec", "pcm");
if (codec is not ("pcm" or "opus")) return Fail("--codec must be pcm or opus");
bool opus = codec == "opus";
// Sessions connect at this rate (0 = all in the same instant); --find-max uses it too.
double startRate = Dbl("starts-per-second", 20, 0, 1000);

ServerHost server;
try
{
    server = options.TryGetValue("url", out string? url)
        ? ServerHost.Attach(url, options.TryGetValue("pid", out string? pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null)
        : await ServerHost.StartAsync(maxSessions: 400);
}
catch (ArgumentException e)
{
    return Fail(e.Message);
}
await using (server)
{
    Console.Error.WriteLine($"server {server.Url} (pid {server.Pid?.ToString(CultureInfo.InvariantCulture) ?? "unknown: no CPU/RSS sampling"})");
    var json = new JsonSerializerOptions { WriteIndented = true };
    if (options.ContainsKey("browser-first-sample"))
    {
        var report = await BrowserFirstSample.RunAsync(server, options.GetValueOrDefault("chromium", "/usr/bin/chromium"), Int("trials", 5, 1, 50), opus);
        Console.WriteLine(report.ToJsonString(json));
        Console.WriteLine($"warm server, start click → first audio sample: median {report["click_to_first_sample_ms_median"]} ms "
            + $"(first poll with played frames {report["click_to_first_poll_played_ms_median"]} ms), {report["trials"]} trials after a warm-up");
        return 0;
    }
    if (options.ContainsKey("browser-sessions"))
    {
        var report = await BrowserPages.RunSessionsAsync(server, options.GetValueOrDefault("chromium", "/usr/bin/chromium"), Int("browser-sessions", 10, 1, 100));
        Console.WriteLine(report.ToJsonString(json));
        return 0;
    }
    if (options.ContainsKey("browser-pages"))
    {
        var report = await BrowserPages.RunAsync(server, options.GetValueOrDefault("chromium", "/usr/bin/chromium"), Int("browser-pages", 20, 1, 200));
        Console.WriteLine(report.ToJsonString(json));
        return 0;
    }
    if (options.ContainsKey("find-max"))
    {
        var steps = new JsonArray();
        int good = 0, bad = 0;
        async Task<bool> Step(int n)
        {
            var outcome = await LoadRun.RunAsync(server, n, 30, opus, startRate, CancellationToken.None);
            Console.Error.WriteLine(outcome.Line);
            steps.Add(outcome.Report);
            return outcome.ZeroUnderruns && !outcome.Saturated;
        }
        // A cold server's first sessions run tier-0 JIT code; warm it first so the steps measure steady state.
        Console.Error.WriteLine("warm-up: " + (await LoadRun.RunAsync(server, 2, 15, opus, 0, CancellationToken.None)).Line);
        foreach (int n in new[] { 25, 50, 100, 150, 200, 250, 300, 350, 400 })
        {
            if (await Step(n)) good = n;
            else { bad = n; break; }
        }
        // Then at most four halvings between the largest good and the smallest failing step.
        for (int k = 0; k < 4 && bad - good > Math.Max(1, good / 8); k++)
        {
            int n = (good + bad) / 2;
            if (await Step(n)) good = n;
            else bad = n;
        }
        var result = new JsonObject { ["largest_n_zero_underruns_unsaturated"] = good, ["smallest_failing_n"] = bad == 0 ? null : bad, ["steps"] = steps };
        Console.WriteLine(result.ToJsonString(json));
        Console.WriteLine($"find-max ({codec}, 30 s steps): largest N with zero underruns and unsaturated CPU = {good}" + (bad > 0 ? $", failed at {bad}" : ""));
        return 0;
    }
    // --warm-up: one 5 s session first, so the measured run sees a loaded model and JIT-compiled code.
    if (options.ContainsKey("warm-up")) Console.Error.WriteLine("warm-up: " + (await LoadRun.RunAsync(server, 1, 5, opus, 0, CancellationToken.None)).Line);
    var run = await LoadRun.RunAsync(server, sessions, seconds, opus, startRate, CancellationToken.None);
    Console.WriteLine(run.Report.ToJsonString(json));
    Console.WriteLine(run.Line);
    return 0;
}

int Int(string key, int fallback, int min, int max)
{
    int v = options.TryGetValue(key, out string? s) ? int.Parse(s, CultureInfo.InvariantCulture) : fallback;
    if (v < min || v > max) throw new ArgumentOutOfRangeException(key, v, $"--{key} must be within {min}–{max}");
    return v;
}

double Dbl(string key, double fallback, double min, double max)
{
    double v = options.TryGetValue(key, out string? s) ? double.Parse(s, CultureInfo.InvariantCulture) : fallback;
    if (v < min || v > max) throw new ArgumentOutOfRangeException(key, v, $"--{key} must be within {min}–{max}");
    return v;
}

static int Fail(string message)
{
    Console.Error.WriteLine(message);
    return 2;
}
