using System.Net;
using Attune.Server.Tests.Fixtures;

namespace Attune.Server.Tests.Hosting;

public class SecurityHeadersTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/js/live/live.js")]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/api/account/me")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = factory.NewClient();
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.StartsWith("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Over_https_the_server_sends_hsts_and_a_secure_cookie()
    {
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://attune.example.org"), HandleCookies = true });
        var response = await client.PostAsync("/api/account/register", new StringContent(
            $"{{\"email\":\"h{Guid.NewGuid():N}@example.org\",\"password\":\"correct horse battery\"}}", System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("attune.auth=", StringComparison.Ordinal)
            && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_landing_page_says_what_Attune_is_and_offers_sign_in_and_registration()
    {
        using var client = factory.NewClient();
        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("music therapy for tinnitus, hyperacusis and misophonia", html);
        Assert.Contains("<form id=\"login\"", html);
        Assert.Contains("<form id=\"register\"", html);
        // Server-rendered forms with an antiforgery token each; the page needs no script at all.
        Assert.Equal(2, html.Split("name=\"__RequestVerificationToken\"").Length - 1);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem()
    {
        using var client = factory.NewClient();
        var response = await client.GetAsync("/api/sessions/not-a-guid", TestContext.Current.CancellationToken);
        await Api.ProblemAsync(response, HttpStatusCode.NotFound);
    }
}
