using Microsoft.Playwright;

namespace Attune.Web.Tests.Fixtures;

/// <summary>Signs a new person up through the landing page, as a patient would, and waits for the app to be ready.</summary>
internal static class Person
{
    public const string Password = "a-long-enough-password";

    public static string NewEmail() => $"p{Guid.NewGuid():N}@example.org";

    public static async Task<string> RegisterAsync(IPage page)
    {
        string email = NewEmail();
        await page.GotoAsync("/");
        await page.FillAsync("#register-email", email);
        await page.FillAsync("#register-password", Password);
        await page.ClickAsync("#register button[type=submit]");
        await page.WaitForURLAsync("**/app");
        await WaitUntilReadyAsync(page);
        return email;
    }

    /// <summary>The app's workspace is interactive (its server connection is up and the audio modules are bound).</summary>
    public static Task WaitUntilReadyAsync(IPage page) => page.WaitForSelectorAsync("#app[data-ready=true]");
}
