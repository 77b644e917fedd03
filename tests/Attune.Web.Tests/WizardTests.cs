using System.Globalization;
using Attune.Web.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attune.Web.Tests;

/// <summary>The set-up wizard against the server's /api/wizard endpoints (Components/Patient/SetupWizard.razor, js/wizard/clip-player.js).</summary>
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

        // A consistent listener: always the tone nearer the tinnitus on a log-frequency scale. Each trial is read from
        // the page (its id and both frequencies are on #pitch-trial); the next one is awaited by a new id.
        int trials = 0;
        string lastTrial = "";
        while (true)
        {
            await page.WaitForFunctionAsync(
                "last => document.querySelector('#pitch-result[data-best-hz]') || document.querySelector('#pitch-result.error')"
                + " || (document.querySelector('#pitch-trial')?.dataset.trial ?? last) !== last", lastTrial);
            string? error = await page.EvaluateAsync<string?>("() => document.querySelector('#pitch-result.error')?.textContent ?? null");
            if (error is not null) Assert.Fail($"The pitch match failed in the page: {error}");
            if (await page.Locator("#pitch-result[data-best-hz]").CountAsync() > 0) break;
            var trial = page.Locator("#pitch-trial");
            lastTrial = await trial.GetAttributeAsync("data-trial") ?? "";
            double aHz = double.Parse(await trial.GetAttributeAsync("data-a-hz") ?? "", CultureInfo.InvariantCulture);
            double bHz = double.Parse(await trial.GetAttributeAsync("data-b-hz") ?? "", CultureInfo.InvariantCulture);
            string choice = Math.Abs(Math.Log2(aHz / TinnitusHz)) <= Math.Abs(Math.Log2(bHz / TinnitusHz)) ? "a" : "b";
            await page.ClickAsync($"#pitch-choose-{choice}");
            Assert.True(++trials < 100, "The pitch match did not finish within 100 trials.");
        }

        Assert.True(trials >= 6, $"Expected at least 6 trials (6 octaves halved), got {trials}.");
        double best = double.Parse(await page.Locator("#pitch-result").GetAttributeAsync("data-best-hz") ?? "", CultureInfo.InvariantCulture);
        Assert.InRange(Math.Abs(Math.Log2(best / TinnitusHz)), 0, 1.0 / 3);
        string today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Expect(page.Locator("#pitch-result")).ToContainTextAsync($"measured {today}");
        await Expect(page.Locator("#pitch-result")).ToContainTextAsync("range");
        await Expect(page.Locator("#pitch-history li").First).ToContainTextAsync(today);
        await Expect(page.Locator("#tinnitusHz")).ToHaveValueAsync(Math.Round(best).ToString(CultureInfo.InvariantCulture));
        await Expect(page.Locator("input[name=conditions][value=tinnitus]")).ToBeCheckedAsync();

        // The history view lists the same match.
        await page.ClickAsync("[data-view=history]");
        await Expect(page.Locator("#history-matches li").First).ToContainTextAsync($"{Math.Round(best)} Hz");
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
        await Expect(page.Locator("#step-threshold h3")).ToBeFocusedAsync(); // where a screen reader starts reading
        await Expect(page.Locator("#wizard")).ToHaveAttributeAsync("data-measured-comfortable", "-34");
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
