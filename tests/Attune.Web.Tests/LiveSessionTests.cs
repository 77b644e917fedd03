using Attune.Web.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attune.Web.Tests;

/// <summary>A live session end to end: the WebSocket, the worklet's playback, heart rate, a dropped connection, the summary (Components/Patient/LivePanel.razor, js/live/*).</summary>
public sealed class LiveSessionTests(WebAppFixture app)
{
    private static readonly string[] TinnitusOnly = ["tinnitus"];

    [Fact]
    public async Task Live_session_plays_adapts_to_heart_rate_resumes_after_a_drop_and_ends_with_a_summary()
    {
        var page = await app.NewPageAsync();
        await Person.RegisterAsync(page);
        await page.ClickAsync("[data-view=live]");
        await page.SelectOptionAsync("#live-goal", "settle");
        await page.FillAsync("#live-minutes", "5");
        await page.ClickAsync("#live-start button[type=submit]");

        // Audio arrives, is decoded and leaves the worklet at a real level.
        await WaitAsync(page, "() => window.attuneLive.readies.length >= 1", "no 'ready' message");
        await WaitAsync(page, "() => window.attuneLive.playedFrames > 0 && window.attuneLive.levelDbfs > -90",
            "no audible playback (played_frames > 0, level_dbfs > -90)");
        Assert.False(await page.EvaluateAsync<bool>("() => window.attuneLive.readies[0].resumed"));
        // No tinnitus frequency in this profile, so the frames came as Opus and WebCodecs decoded them.
        Assert.Equal("opus", await page.EvaluateAsync<string>("() => window.attuneLive.readies[0].codec"));
        // Chromium offered permessage-deflate; the server declined it (it cost more CPU than the audio's render, and
        // once the page's Blazor circuit had connected, ASP.NET Core accepted it on this socket too unless told not to).
        Assert.Equal("", await page.EvaluateAsync<string>("() => window.attuneLive.extensions"));
        // The personaliser's choice is shown in plain words; the page sent its local hour to make it.
        await Expect(page.Locator("#live-music")).ToContainTextAsync("Today’s music:");
        await Expect(page.Locator("#live-music")).ToContainTextAsync("no sessions recorded yet");
        await WaitAsync(page, "() => window.attuneLive.states.length >= 1", "no 'state' message");

        // A racing heart through the same path a Bluetooth strap uses: 110 bpm, one RR interval a beat (flags 0x16: contact, RR present).
        await page.EvaluateAsync(@"() => {
            const rr = Math.round(60 / 110 * 1024);
            window.attuneLiveTestTimer = setInterval(() => window.attuneHeartRate.inject([0x16, 110, rr & 0xff, rr >> 8]), 545);
        }");
        await WaitAsync(page, "() => window.attuneLive.states.some(s => s.heart_rate_bpm !== null && s.heart_rate_bpm !== undefined)",
            "the state never showed the injected heart rate");
        Assert.True(await page.EvaluateAsync<bool>("() => window.attuneLive.sent.some(m => m.type === 'hr' && m.hex.startsWith('16 6E'))"));
        await WaitAsync(page, @"() => { const s = window.attuneLive.states, a = s[0], b = s.at(-1);
            return a.arousal !== b.arousal || JSON.stringify(a.music) !== JSON.stringify(b.music); }",
            "neither the arousal estimate nor the music changed after the heart-rate packets");
        await Expect(page.Locator("#live-state")).Not.ToBeEmptyAsync();

        // A dropped connection resumes with the token, and playback carries on.
        await page.EvaluateAsync("() => window.attuneLive.dropConnection()");
        await WaitAsync(page, "() => window.attuneLive.readies.length >= 2", "no second 'ready' after the drop");
        Assert.True(await page.EvaluateAsync<bool>("() => window.attuneLive.readies[1].resumed === true"), "the second 'ready' was not resumed:true");
        long before = await page.EvaluateAsync<long>("() => window.attuneLive.playedFrames");
        await WaitAsync(page, $"() => window.attuneLive.playedFrames > {before + 48000}", "playback did not carry on after resuming");

        await page.EvaluateAsync("() => clearInterval(window.attuneLiveTestTimer)");
        await page.ClickAsync("#live-stop");
        await Expect(page.Locator("#live-summary")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.True(await page.Locator("#summary-facts dt").CountAsync() > 0, "the summary lists nothing");
        await Expect(page.Locator("#summary-facts")).ToContainTextAsync("Minutes listened");
        await Expect(page.Locator("#summary-title")).ToBeFocusedAsync();

        // The history view lists the session as ended, with the minutes listened from its summary.
        await page.ClickAsync("[data-view=history]");
        await Expect(page.Locator("#history-sessions li").First).ToContainTextAsync("settle, 5 min planned, ended");
        await Expect(page.Locator("#history-sessions li").First).ToContainTextAsync("min listened");
    }

    [Fact]
    public async Task A_notched_session_streams_lossless_pcm16_that_the_worklet_plays()
    {
        var page = await app.NewPageAsync();
        await Person.RegisterAsync(page);
        // The profile through the page's own session: a matched tinnitus pitch turns the notch on.
        var saved = await page.Context.APIRequest.PutAsync("/api/profile",
            new() { DataObject = new { conditions = TinnitusOnly, tinnitusHz = 4000 } });
        Assert.Equal(200, saved.Status);
        await page.ClickAsync("[data-view=live]");
        // A length out of range: the field says so, and nothing starts.
        await page.FillAsync("#live-minutes", "0");
        await page.ClickAsync("#live-start button[type=submit]");
        await Expect(page.Locator("#live-minutes-error")).ToContainTextAsync("1–600 minutes");
        await Expect(page.Locator("#live-minutes")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.attuneLive.readies.length"));
        await page.FillAsync("#live-minutes", "5");
        await page.ClickAsync("#live-start button[type=submit]");
        await WaitAsync(page, "() => window.attuneLive.readies.length >= 1", "no 'ready' message");
        Assert.Equal("pcm16", await page.EvaluateAsync<string>("() => window.attuneLive.readies[0].codec"));
        await WaitAsync(page, "() => window.attuneLive.playedFrames > 0 && window.attuneLive.levelDbfs > -90",
            "no audible playback (played_frames > 0, level_dbfs > -90)");

        // Too loud: the worklet is silent within its 2 ms fade of the press, frames still arriving from before the
        // server heard are dropped, the server confirms by pausing, and Resume brings the music back.
        await page.ClickAsync("#live-too-loud");
        await WaitAsync(page, "() => window.attuneLive.tooLoud?.clearedAt != null", "the worklet never reported the Too loud clear");
        double pressToSilentMs = await page.EvaluateAsync<double>("() => window.attuneLive.tooLoud.clearedAt - window.attuneLive.tooLoud.pressedAt");
        Assert.InRange(pressToSilentMs, 0, 50);
        await Expect(page.Locator("#live-pause")).ToHaveTextAsync("Resume");
        await WaitAsync(page, "() => window.attuneLive.messages.some(m => m.type === 'paused')", "the server did not pause after Too loud");
        await WaitAsync(page, "() => window.attuneLive.report.buffered_ms === 0 && window.attuneLive.levelDbfs <= -90",
            "the worklet was not silent and empty after Too loud");
        long silentAt = await page.EvaluateAsync<long>("() => window.attuneLive.playedFrames");
        await page.ClickAsync("#live-pause");
        await WaitAsync(page, $"() => window.attuneLive.playedFrames > {silentAt + 48000} && window.attuneLive.levelDbfs > -90",
            "the music did not come back after Resume");
        await page.ClickAsync("#live-stop");
        await Expect(page.Locator("#live-summary")).ToBeVisibleAsync(new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task Without_Web_Bluetooth_strap_pairing_is_hidden_and_the_page_names_the_browsers_that_have_it()
    {
        var page = await app.NewPageAsync();
        await page.AddInitScriptAsync("delete Navigator.prototype.bluetooth"); // as in Firefox and Safari
        await Person.RegisterAsync(page);
        await page.ClickAsync("[data-view=live]");
        Assert.Equal(0, await page.Locator("#hr-pair").CountAsync());
        await Expect(page.Locator("#hr-status")).ToContainTextAsync("Chrome, Edge and Opera");

        // With Web Bluetooth (Debian's Chromium keeps it behind a flag on Linux, so a stand-in whose chooser is
        // cancelled), the button is offered and a failed pairing is said in words.
        var withBluetooth = await app.NewPageAsync();
        await withBluetooth.AddInitScriptAsync("""
            Object.defineProperty(Navigator.prototype, 'bluetooth', { configurable: true, get: () => ({
              requestDevice: () => Promise.reject(new Error('User cancelled the requestDevice() chooser.')) }) });
            """);
        await Person.RegisterAsync(withBluetooth);
        await withBluetooth.ClickAsync("[data-view=live]");
        await Expect(withBluetooth.Locator("#hr-pair")).ToHaveCountAsync(1);
        await withBluetooth.ClickAsync("#hr-pair");
        await Expect(withBluetooth.Locator("#hr-status")).ToContainTextAsync("Pairing did not work: User cancelled");
        await Expect(withBluetooth.Locator("#hr-status")).ToHaveClassAsync("error");
    }

    private static async Task WaitAsync(IPage page, string condition, string what)
    {
        try
        {
            // Stops waiting at once when the page reports a lost connection.
            await page.WaitForFunctionAsync($"() => ({condition})() || window.attuneLive.messages.some(m => m.type === 'lost')",
                null, new() { Timeout = 15_000 });
            if (!await page.EvaluateAsync<bool>(condition)) throw new TimeoutException("the connection was lost");
        }
        catch (TimeoutException)
        {
            string state = await page.EvaluateAsync<string>(
                "() => `state text: ${document.getElementById('live-state').textContent}; report: ${JSON.stringify(window.attuneLive.report)}; messages: ${window.attuneLive.messages.length}`");
            Assert.Fail($"Timed out: {what}. {state}");
        }
    }
}
