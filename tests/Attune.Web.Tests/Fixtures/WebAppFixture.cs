using Attune.Testing;
using System.Diagnostics;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Attune.Web.Tests.Fixtures.WebAppFixture))]

namespace Attune.Web.Tests.Fixtures;

/// <summary>
/// One real server process and one system Chromium (found via ATTUNE_CHROMIUM or `which chromium`) for all web tests.
/// Without Chromium the tests are skipped with the install command — except under CI=true, where they fail.
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    private AttuneServerProcess? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _missing;

    public string Url => _server?.Url ?? throw new InvalidOperationException("The server did not start.");

    public string ServerOutput => _server?.Output ?? "";

    public async ValueTask InitializeAsync()
    {
        string? chromium = FindChromium();
        if (chromium is null)
        {
            _missing = "Chromium is not installed: `apt-get install -y chromium` (or set ATTUNE_CHROMIUM to its path).";
            return;
        }
        _server = await AttuneServerProcess.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Args = ["--autoplay-policy=no-user-gesture-required", "--no-sandbox", "--disable-gpu"],
        });
    }

    /// <summary>A fresh page in its own context (own cookies), so each test signs in as its own person.</summary>
    public async Task<IPage> NewPageAsync()
    {
        if (_missing is not null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                Assert.Fail(_missing + " CI must install it (.ci/run does).");
            Assert.Skip(_missing);
        }
        var context = await _browser!.NewContextAsync(new() { BaseURL = Url });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }

    private static string? FindChromium()
    {
        string? configured = Environment.GetEnvironmentVariable("ATTUNE_CHROMIUM");
        if (!string.IsNullOrEmpty(configured)) return File.Exists(configured) ? configured : null;
        foreach (string name in new[] { "chromium", "chromium-browser" })
        {
            using var which = Process.Start(new ProcessStartInfo("which", name) { RedirectStandardOutput = true, UseShellExecute = false });
            if (which is null) continue;
            string path = which.StandardOutput.ReadToEnd().Trim();
            which.WaitForExit();
            if (which.ExitCode == 0 && File.Exists(path)) return path;
        }
        return null;
    }
}
