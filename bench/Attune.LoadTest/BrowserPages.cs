using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Attune.LoadTest;

/// <summary>
/// What an open app page costs the server: the signed-in app is an interactive Blazor server component, so each open
/// page holds a circuit (its component tree and a SignalR connection) for as long as it is open. Opens N pages of N
/// people in one Chromium, each signed in and left open, and reads the server's RSS before and with all N open; also
/// times opening the app for a signed-in person (navigation → the workspace's #app[data-ready=true]).
/// </summary>
internal static class BrowserPages
{
    public static async Task<JsonObject> RunAsync(ServerHost server, string chromium, int pages)
    {
        int pid = server.Pid ?? throw new InvalidOperationException("--browser-pages needs the server's pid (start it here, or pass --pid)");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright, chromium);
        string baseUrl = server.Url.ToString().TrimEnd('/');

        // Warm-up: one person through every step, then closed (its circuit is released when the page goes).
        await using (var warm = await browser.NewContextAsync(new() { BaseURL = baseUrl }))
        {
            var page = await warm.NewPageAsync();
            await Browser.RegisterAsync(page, "pages");
            await OpenAppAsync(page);
        }
        await Task.Delay(TimeSpan.FromSeconds(2));
        double rssBefore = ProcessSampler.RssMbOf(pid);

        var open = new List<IBrowserContext>();
        var openMs = new List<double>();
        try
        {
            for (int i = 0; i < pages; i++)
            {
                var context = await browser.NewContextAsync(new() { BaseURL = baseUrl });
                context.SetDefaultTimeout(30_000);
                open.Add(context);
                var page = await context.NewPageAsync();
                await Browser.RegisterAsync(page, "pages");
                openMs.Add(await OpenAppAsync(page));
            }
            await Task.Delay(TimeSpan.FromSeconds(2));
            double rssOpen = ProcessSampler.RssMbOf(pid);
            var sorted = openMs.Order().ToArray();
            Console.Error.WriteLine($"{pages} app pages open: server RSS {rssBefore:0.0} → {rssOpen:0.0} MB; "
                + $"open → ready median {LoadRun.Percentile(sorted, 0.5):0.0} ms, max {sorted[^1]:0.0} ms");
            return new JsonObject
            {
                ["pages"] = pages,
                ["server_rss_mb_before"] = Math.Round(rssBefore, 1),
                ["server_rss_mb_with_pages_open"] = Math.Round(rssOpen, 1),
                ["server_rss_mb_per_open_page"] = Math.Round((rssOpen - rssBefore) / pages, 2),
                ["open_app_to_ready_ms_median"] = Math.Round(LoadRun.Percentile(sorted, 0.5), 1),
                ["open_app_to_ready_ms_max"] = Math.Round(sorted[^1], 1),
                ["load_average_1min"] = LoadRun.LoadAverage(),
            };
        }
        finally
        {
            foreach (var context in open) await context.DisposeAsync();
        }
    }

    /// <summary>
    /// What the app page adds to a live session's server cost: N people in one Chromium each run a notched (pcm16)
    /// live session from the page, so besides the audio socket every session's page gets its state once a second
    /// through the component (status text, SVG plot), as a person's would. Server CPU (utime + stime) is read over
    /// 20 s once all N play; compare with the load client's figure for N sessions, which has no page.
    /// </summary>
    public static async Task<JsonObject> RunSessionsAsync(ServerHost server, string chromium, int sessions)
    {
        int pid = server.Pid ?? throw new InvalidOperationException("--browser-sessions needs the server's pid (start it here, or pass --pid)");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright, chromium);
        string baseUrl = server.Url.ToString().TrimEnd('/');
        var open = new List<IBrowserContext>();
        try
        {
            for (int i = 0; i <= sessions; i++) // the first is a warm-up, closed again
            {
                var context = await browser.NewContextAsync(new() { BaseURL = baseUrl });
                context.SetDefaultTimeout(30_000);
                var page = await context.NewPageAsync();
                await Browser.RegisterAsync(page, "pages");
                await Browser.UseNotchedProfileAsync(page);
                await page.ClickAsync("[data-view=live]");
                await page.FillAsync("#live-minutes", "10");
                await page.ClickAsync("#live-start button[type=submit]");
                await page.WaitForFunctionAsync("() => window.attuneLive.playedFrames > 0", null, new() { Timeout = 30_000 });
                if (i == 0) await context.DisposeAsync();
                else open.Add(context);
            }
            await Task.Delay(TimeSpan.FromSeconds(5));
            double cpu0 = ProcessSampler.CpuSecondsOf(pid);
            long t0 = Stopwatch.GetTimestamp();
            await Task.Delay(TimeSpan.FromSeconds(20));
            double percent = 100 * (ProcessSampler.CpuSecondsOf(pid) - cpu0) / Stopwatch.GetElapsedTime(t0).TotalSeconds;
            Console.Error.WriteLine($"{sessions} live sessions played from app pages: server CPU {percent:0.0} % of one core");
            return new JsonObject
            {
                ["sessions_from_app_pages"] = sessions,
                ["codec"] = "pcm16",
                ["server_cpu_percent"] = Math.Round(percent, 1),
                ["server_rss_mb"] = Math.Round(ProcessSampler.RssMbOf(pid), 1),
                ["load_average_1min"] = LoadRun.LoadAverage(),
            };
        }
        finally
        {
            foreach (var context in open) await context.DisposeAsync();
        }
    }

    // A signed-in person opens the app afresh: the page, blazor.web.js, the circuit, the profile read, the modules bound.
    private static async Task<double> OpenAppAsync(IPage page)
    {
        long t0 = Stopwatch.GetTimestamp();
        await page.GotoAsync("/app");
        await page.WaitForSelectorAsync("#app[data-ready=true]");
        return Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
    }
}
