using Attune.Web.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Attune.Web.Tests;

/// <summary>The landing page (Components/Pages/Home.razor) and the profile form (Components/Patient/ProfileForm.razor).</summary>
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
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/\\?signed_out=true$"));
        await Expect(page.Locator("#status")).ToHaveTextAsync("Signed out.");
        await page.FillAsync("#login-email", email);
        await page.FillAsync("#login-password", Person.Password);
        await page.ClickAsync("#login button[type=submit]");
        await page.WaitForURLAsync("**/app");
        await Person.WaitUntilReadyAsync(page);

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
        await Person.WaitUntilReadyAsync(page);
        await Expect(page.Locator("#tinnitusHz")).ToHaveValueAsync("4000");
        await Expect(page.Locator("input[name=excludedSoundClasses][value=PercussiveClicky]")).ToBeCheckedAsync();
        await Expect(page.Locator("input[name=excludedSoundClasses][value=WaterLike]")).ToBeCheckedAsync();
        await Expect(page.Locator("input[name=excludedSoundClasses][value=Metallic]")).Not.ToBeCheckedAsync();
    }

    [Fact]
    public async Task The_landing_page_shows_each_bad_field_beside_it_and_a_wrong_password_in_words_then_knows_who_is_signed_in()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        string email = Person.NewEmail();
        await page.FillAsync("#register-email", "not-an-email");
        await page.FillAsync("#register-password", "short");
        await page.ClickAsync("#register button[type=submit]");
        await Expect(page.Locator("#register-email-error")).ToContainTextAsync("must be an email address");
        await Expect(page.Locator("#register-password-error")).ToContainTextAsync("10–256 characters");
        await Expect(page.Locator("#register-password")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#status")).ToHaveClassAsync("error");
        // The typed email stays; the password does not.
        await Expect(page.Locator("#register-email")).ToHaveValueAsync("not-an-email");
        await Expect(page.Locator("#register-password")).ToHaveValueAsync("");

        await page.FillAsync("#register-email", email);
        await page.FillAsync("#register-password", Person.Password);
        await page.ClickAsync("#register button[type=submit]");
        await page.WaitForURLAsync("**/app");

        // Back on the landing page while signed in: it says who, and signs out with its own button.
        await page.GotoAsync("/");
        await Expect(page.Locator("#who")).ToHaveTextAsync(email);
        await page.ClickAsync("#logout");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Signed out.");
        await page.FillAsync("#login-email", email);
        await page.FillAsync("#login-password", "a-wrong-but-long-password");
        await page.ClickAsync("#login button[type=submit]");
        await Expect(page.Locator("#status")).ToHaveTextAsync("The email or password is wrong.");
        await Expect(page.Locator("#signed-out")).ToBeVisibleAsync();
    }
}
