using Microsoft.Playwright;

namespace Attune.LoadTest;

/// <summary>What every browser measurement does the same way: Chromium as the web tests launch it, and a new person signed up through the page.</summary>
internal static class Browser
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright, string chromium) =>
        playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Args = ["--autoplay-policy=no-user-gesture-required", "--no-sandbox", "--disable-gpu"],
        });

    /// <summary>Registers a new person on the landing page and waits until the app's workspace answers clicks.</summary>
    public static async Task RegisterAsync(IPage page, string prefix)
    {
        await page.GotoAsync("/");
        await page.FillAsync("#register-email", $"{prefix}{Guid.NewGuid():N}@example.org");
        await page.FillAsync("#register-password", LiveClient.Password);
        await page.ClickAsync("#register button[type=submit]");
        await page.WaitForURLAsync("**/app");
        await page.WaitForSelectorAsync("#app[data-ready=true]");
    }

    /// <summary>A tinnitus pitch in the profile (through the page's own sign-in), so the person's sessions are notched and sent as pcm16.</summary>
    public static async Task UseNotchedProfileAsync(IPage page)
    {
        int status = await page.EvaluateAsync<int>("""
            async () => (await fetch('/api/profile', { method: 'PUT', headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ conditions: ['tinnitus'], tinnitusHz: 4000 }) })).status
            """);
        if (status != 200) throw new InvalidOperationException($"PUT /api/profile from the page: HTTP {status}");
    }
}
