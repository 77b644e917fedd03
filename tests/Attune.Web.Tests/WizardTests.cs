using Attune.Web.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attune.Web.Tests;

/// <summary>The set-up wizard against the server's /api/wizard endpoints (js/wizard/*).</summary>
public sealed class WizardTests(WebAppFixture app)
{
    private const double TinnitusHz = 6000;

    [Fact]
    public async Task Pitch_match_with_scripted_answers_finds_the_pitch_and_lists_it_with_its_date()
    {
        var page = await app.NewPageAsync();
        await Person.RegisterAsync(page);
        await page.ClickAsync("[data-step=pitch]");
        await page.ClickAsync("#pitch-start");

        // A consistent listener: always the tone nearer the tinnitus on a log-frequency scale.
        int trials = 0;
        while (true)
        {
            await page.WaitForFunctionAsync(
                "() => window.attuneWizard.trial || window.attuneWizard.result || document.querySelector('#pitch-result.error')");
            string? error = await page.EvaluateAsync<string?>("() => document.querySelector('#pitch-result.error')?.textContent ?? null");
            if (error is not null) Assert.Fail($"The pitch match failed in the page: {error}");
            if (await page.EvaluateAsync<bool>("() => window.attuneWizard.result !== null")) break;
            string choice = await page.EvaluateAsync<string>(
                "hz => { const t = window.attuneWizard.trial; const d = f => Math.abs(Math.log2(f / hz));"
                + " return d(t.a_hz ?? t.aHz) <= d(t.b_hz ?? t.bHz) ? 'a' : 'b'; }", TinnitusHz);
            await page.ClickAsync($"#pitch-choose-{choice}");
            Assert.True(++trials < 100, "The pitch match did not finish within 100 trials.");
        }

        Assert.True(trials >= 6, $"Expected at least 6 trials (6 octaves halved), got {trials}.");
        double best = await page.EvaluateAsync<double>("() => { const r = window.attuneWizard.result; return r.best_hz ?? r.bestHz; }");
        Assert.InRange(Math.Abs(Math.Log2(best / TinnitusHz)), 0, 1.0 / 3);
        string today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Expect(page.Locator("#pitch-result")).ToContainTextAsync($"measured {today}");
        await Expect(page.Locator("#pitch-result")).ToContainTextAsync("range");
        await Expect(page.Locator("#pitch-history li").First).ToContainTextAsync(today);
        await Expect(page.Locator("#tinnitusHz")).ToHaveValueAsync(Math.Round(best).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Comfortable_level_plays_the_servers_noise_and_too_loud_stops_it_at_once()
    {
        var page = await app.NewPageAsync();
        await Person.RegisterAsync(page);
        await page.ClickAsync("[data-step=comfortable]");
        await page.ClickAsync("#comfortable-louder");
        await WaitForClipAsync(page, 1);
        await Expect(page.Locator("#comfortable-level")).ToHaveTextAsync("-27");
        Assert.Contains("/api/wizard/noise?level_db=-27", await page.EvaluateAsync<string>("() => window.attuneWizard.played.at(-1)"), StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("() => window.attuneWizard.playing"), "The clip should still be playing.");

        // Too loud: silent in the same task, and the level steps 10 dB down.
        Assert.False(await page.EvaluateAsync<bool>(
            "() => { document.getElementById('too-loud-wizard').click(); return window.attuneWizard.playing; }"));
        await Expect(page.Locator("#comfortable-level")).ToHaveTextAsync("-37");

        await page.ClickAsync("#comfortable-louder");
        await WaitForClipAsync(page, 2);
        await page.ClickAsync("#comfortable-done");
        await Expect(page.Locator("#step-threshold")).ToBeVisibleAsync();
        Assert.Equal(-34, await page.EvaluateAsync<int>("() => window.attuneWizard.measured.comfortable"));
    }

    // Waits until n clips were fetched and decoded, or fails with the page's message (e.g. the endpoint is missing).
    private static async Task WaitForClipAsync(IPage page, int n)
    {
        await page.WaitForFunctionAsync(
            "n => window.attuneWizard.played.length >= n || document.querySelector('#wizard-status.error')", n);
        string? error = await page.EvaluateAsync<string?>("() => document.querySelector('#wizard-status.error')?.textContent ?? null");
        if (error is not null) Assert.Fail($"The clip did not play: {error}");
    }
}
