using System.Net;
using Attune.Server.Tests.Fixtures;

namespace Attune.Server.Tests.Components;

/// <summary>The signed-in app's page (Components/Pages/AppPage.razor) as the server renders it.</summary>
public class AppPageTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Signed_out_the_app_sends_the_person_to_the_landing_page()
    {
        using var client = factory.NewClient();
        var response = await client.GetAsync("/app", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Signed_in_the_app_names_the_person_offers_a_protected_sign_out_and_mounts_the_interactive_workspace()
    {
        using var client = factory.NewClient();
        string email = await Api.RegisterAsync(client);
        var response = await client.GetAsync("/app", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains($"<strong id=\"who\">{email}</strong>", html);
        Assert.Contains("id=\"logout\"", html);
        Assert.Equal(1, html.Split("name=\"__RequestVerificationToken\"").Length - 1);
        // The workspace is not prerendered: only its marker for blazor.web.js is in the page, so nothing can be
        // clicked before the connection is up.
        Assert.Contains("<!--Blazor:{", html);
        Assert.DoesNotContain("id=\"profile\"", html);
        Assert.Contains("<script src=\"_framework/blazor.web.js\"></script>", html);

        var script = await client.GetAsync("/_framework/blazor.web.js", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length > 10_000,
            "blazor.web.js is served empty or truncated");
    }

    [Fact]
    public async Task A_sign_out_post_without_the_pages_token_is_refused_and_the_person_stays_signed_in()
    {
        using var client = factory.NewClient();
        await Api.RegisterAsync(client);
        var response = await client.PostAsync("/app", new FormUrlEncodedContent([new("_handler", "logout")]),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var me = await client.GetAsync("/api/account/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }
}
