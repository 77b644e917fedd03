using System.Net;
using Attune.Server.Tests.Fixtures;

namespace Attune.Server.Tests.Hosting;

public class SecurityHeadersTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/js/account.js")]
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
    public async Task The_landing_page_says_what_Attune_is_and_offers_sign_in_and_registration()
    {
        using var client = factory.NewClient();
        var response = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("music therapy for tinnitus, hyperacusis and misophonia", html);
        Assert.Contains("<form id=\"login\"", html);
        Assert.Contains("<form id=\"register\"", html);
        Assert.Contains("<script type=\"module\" src=\"/js/account.js\">", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem()
    {
        using var client = factory.NewClient();
        var response = await client.GetAsync("/api/sessions/not-a-guid", TestContext.Current.CancellationToken);
        await Api.ProblemAsync(response, HttpStatusCode.NotFound);
    }
}
