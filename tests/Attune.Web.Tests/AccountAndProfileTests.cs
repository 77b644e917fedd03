using Attune.Web.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attune.Web.Tests;

/// <summary>The landing page and the profile form (index.html, js/account.js, js/profile.js).</summary>
public sealed class AccountAndProfileTests(WebAppFixture app)
{
    [Fact]
    public async Task Register_sign_in_and_save_the_profile_showing_the_servers_field_message()
    {
        var page = await app.NewPageAsync();
        string email = await Person.RegisterAsync(page);
        await Expect(page.Locator("#who")).ToHaveTextAsync(email);

        // Sign out, then back in with the same account.
        await page.ClickAsync("#logout");
        await page.WaitForURLAsync(url => !url.Contains("app.html", StringComparison.Ordinal));
        await page.FillAsync("#login-email", email);
        await page.FillAsync("#login-password", Person.Password);
        await page.ClickAsync("#login button[type=submit]");
        await page.WaitForURLAsync("**/app.html");
        await page.WaitForSelectorAsync("body[data-ready=true]");

        // A pitch below the engine's range: the problem response's message appears next to the field.
        await page.FillAsync("#tinnitusHz", "20");
        await page.ClickAsync("#profile button[type=submit]");
        await Expect(page.Locator("#tinnitusHz-error")).ToContainTextAsync("250–16000 Hz");
        await Expect(page.Locator("#tinnitusHz")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#profile-status")).ToHaveClassAsync("error");

        await page.FillAsync("#tinnitusHz", "4000");
        await page.CheckAsync("input[name=conditions][value=tinnitus]");
        await page.CheckAsync("input[name=triggerCategories][value=eating]");
        await page.ClickAsync("#profile button[type=submit]");
        await Expect(page.Locator("#profile-status")).ToHaveTextAsync("Profile saved.");
        await Expect(page.Locator("#tinnitusHz-error")).ToBeEmptyAsync();

        // Saved on the server: a reload shows the values, and the eating trigger excluded its sound classes.
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("body[data-ready=true]");
        await Expect(page.Locator("#tinnitusHz")).ToHaveValueAsync("4000");
        await Expect(page.Locator("input[name=excludedSoundClasses][value=PercussiveClicky]")).ToBeCheckedAsync();
        await Expect(page.Locator("input[name=excludedSoundClasses][value=WaterLike]")).ToBeCheckedAsync();
        await Expect(page.Locator("input[name=excludedSoundClasses][value=Metallic]")).Not.ToBeCheckedAsync();
    }
}
