using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Attune.LoadTest;

/// <summary>
/// Warm server: the live page's start click → the first audio sample out of the worklet, and Too loud → the worklet silent, in Chromium. Each trial is a
/// fresh browser context (a new person registered through the page); one warm-up trial, then the median of the rest.
/// </summary>
internal static class BrowserFirstSample
{
    // In the page: performance.now() at the start button's click, then a 1 ms poll until the worklet reports played frames.
    private const string Probe = """
        () => {
          window.__t = { click: null, first: null, played: 0 };
          document.addEventListener('click', (e) => {
            if (e.target.closest('#live-start button[type=submit]') && window.__t.click === null) window.__t.click = performance.now();
          }, true);
          const poll = setInterval(() => {
            const played = window.attuneLive.playedFrames;
            if (played > 0) { window.__t.first = performance.now(); window.__t.played = played; clearInterval(poll); }
          }, 1);
        }
        """;

    public static async Task<JsonObject> RunAsync(ServerHost server, string chromium, int trials, bool opus)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright, chromium);
        var polled = new List<double>();
        var corrected = new List<double>();
        var outside = new List<double>();
        var tooLoud = new List<double>();
        var outputLatency = new List<double>();
        for (int trial = 0; trial <= trials; trial++)
        {
            await using var context = await browser.NewContextAsync(new() { BaseURL = server.Url.ToString().TrimEnd('/') });
            context.SetDefaultTimeout(30_000);
            var page = await context.NewPageAsync();
            await Browser.RegisterAsync(page, "browser");
            if (!opus) await Browser.UseNotchedProfileAsync(page);
            await page.ClickAsync("[data-view=live]");
            await page.SelectOptionAsync("#live-goal", "settle");
            await page.FillAsync("#live-minutes", "5");
            await page.EvaluateAsync(Probe);
            long t0 = Stopwatch.GetTimestamp();
            await page.ClickAsync("#live-start button[type=submit]");
            await page.WaitForFunctionAsync("() => window.__t.first !== null", null, new() { Timeout = 30_000, PollingInterval = 1 });
            double outsideMs = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
            var t = await page.EvaluateAsync<double[]>("() => [window.__t.click, window.__t.first, window.__t.played]");
            double raw = t[1] - t[0];
            // The worklet reports every 500 ms, so back-date the first report by the samples it had already played.
            double back = raw - t[2] / 48.0;
            Console.Error.WriteLine($"trial {trial}{(trial == 0 ? " (warm-up)" : "")}: click → first poll with played frames {raw:0.0} ms "
                + $"(played {t[2]:0} samples → first sample ≈ {back:0.0} ms), outside {outsideMs:0.0} ms");
            if (trial > 0)
            {
                polled.Add(raw);
                corrected.Add(back);
                outside.Add(outsideMs);
            }
            // Too loud while it plays: the press (in the button's own click handler) → the worklet's "cleared" (faded to
            // silence, ring emptied); what is already past the worklet still plays for the context's output latency.
            await page.WaitForTimeoutAsync(1000);
            await page.ClickAsync("#live-too-loud");
            await page.WaitForFunctionAsync("() => window.attuneLive.tooLoud?.clearedAt != null", null, new() { Timeout = 10_000, PollingInterval = 5 });
            var loud = await page.EvaluateAsync<double[]>(
                "() => [window.attuneLive.tooLoud.clearedAt - window.attuneLive.tooLoud.pressedAt, window.attuneLive.outputLatencyMs]");
            Console.Error.WriteLine($"  too loud: press → worklet silent {loud[0]:0.0} ms; output latency {loud[1]:0.0} ms");
            if (trial > 0)
            {
                tooLoud.Add(loud[0]);
                outputLatency.Add(loud[1]);
            }
            await page.WaitForSelectorAsync("#live-pause:text('Resume')"); // the server paused once silent
            await page.ClickAsync("#live-pause"); // Resume, then stop as usual
            await page.ClickAsync("#live-stop");
            await page.WaitForSelectorAsync("#live-summary:not([hidden])", new() { Timeout = 20_000 });
        }
        // The wizard's Too loud on one more person: the clip stops inside the click (source.stop(), no fade and no server
        // round trip), so what still sounds is the wizard's audio context's output latency (its default latencyHint).
        double wizardLatency;
        await using (var context = await browser.NewContextAsync(new() { BaseURL = server.Url.ToString().TrimEnd('/') }))
        {
            var page = await context.NewPageAsync();
            await Browser.RegisterAsync(page, "wizard");
            await page.ClickAsync("[data-step=comfortable]");
            await page.ClickAsync("#comfortable-play");
            await page.WaitForFunctionAsync("() => window.attuneWizard.playing", null, new() { Timeout = 10_000 });
            bool stillPlaying = await page.EvaluateAsync<bool>(
                "() => { document.getElementById('too-loud-wizard').click(); return window.attuneWizard.playing; }");
            if (stillPlaying) throw new InvalidOperationException("the wizard's clip was still playing after Too loud's click");
            wizardLatency = await page.EvaluateAsync<double>("() => window.attuneWizard.outputLatencyMs");
            Console.Error.WriteLine($"wizard too loud: stopped in the click; output latency {wizardLatency:0.0} ms");
        }
        return new JsonObject
        {
            ["trials"] = trials,
            ["codec"] = opus ? "opus" : "pcm16",
            ["click_to_first_poll_played_ms_median"] = Math.Round(Median(polled), 1),
            ["click_to_first_sample_ms_median"] = Math.Round(Median(corrected), 1),
            ["outside_stopwatch_ms_median"] = Math.Round(Median(outside), 1),
            ["click_to_first_poll_played_ms"] = new JsonArray([.. polled.Select(x => (JsonNode)Math.Round(x, 1))]),
            ["click_to_first_sample_ms"] = new JsonArray([.. corrected.Select(x => (JsonNode)Math.Round(x, 1))]),
            ["too_loud_press_to_worklet_silent_ms_median"] = Math.Round(Median(tooLoud), 2),
            ["too_loud_press_to_worklet_silent_ms_max"] = Math.Round(tooLoud.Max(), 2),
            ["output_latency_ms_median"] = Math.Round(Median(outputLatency), 1),
            ["wizard_too_loud_output_latency_ms"] = Math.Round(wizardLatency, 1),
            ["load_average_1min"] = LoadRun.LoadAverage(),
        };
    }

    private static double Median(List<double> xs) => LoadRun.Percentile([.. xs.Order()], 0.5);
}
