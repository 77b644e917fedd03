using System.Net;
using System.Net.Http.Json;
using Attune.Server.Tests.Fixtures;

namespace Attune.Server.Tests.Features.Account;

/// <summary>Register, sign in, sign out and lockout, run once per database provider.</summary>
public abstract class AccountEndpointsTests(AttuneAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Register_then_me_then_logout_ends_the_session()
    {
        using var client = factory.NewClient();
        string email = await Api.RegisterAsync(client);

        var me = await client.GetAsync("/api/account/me", Ct);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var account = await Api.ReadJsonAsync(me);
        Assert.Equal(email, account.GetProperty("email").GetString());
        Assert.Equal(["Patient"], account.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/account/logout", null, Ct)).StatusCode);
        await Api.ProblemAsync(await client.GetAsync("/api/account/me", Ct), HttpStatusCode.Unauthorized);

        var login = await client.PostAsJsonAsync("/api/account/login", new { email, password = Api.Password }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/account/me", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_auth_cookie_is_HttpOnly_and_SameSite_Strict()
    {
        using var client = factory.NewClient();
        var response = await client.PostAsJsonAsync("/api/account/register",
            new { email = $"c{Guid.NewGuid():N}@example.org", password = Api.Password }, Ct);
        string cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("attune.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        string email;
        using (var owner = factory.NewClient()) email = await Api.RegisterAsync(owner);
        using var attacker = factory.NewClient();
        for (int attempt = 1; attempt <= 4; attempt++)
        {
            var wrong = await attacker.PostAsJsonAsync("/api/account/login", new { email, password = $"wrong-password-{attempt}" }, Ct);
            await Api.ProblemAsync(wrong, HttpStatusCode.Unauthorized);
        }
        var fifth = await attacker.PostAsJsonAsync("/api/account/login", new { email, password = "wrong-password-5" }, Ct);
        await Api.ProblemAsync(fifth, HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromMinutes(15), fifth.Headers.RetryAfter?.Delta);

        var right = await attacker.PostAsJsonAsync("/api/account/login", new { email, password = Api.Password }, Ct);
        await Api.ProblemAsync(right, HttpStatusCode.TooManyRequests);
        await Api.ProblemAsync(await attacker.GetAsync("/api/account/me", Ct), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_email_fails_like_a_wrong_password()
    {
        using var client = factory.NewClient();
        var response = await client.PostAsJsonAsync("/api/account/login", new { email = "nobody@example.org", password = Api.Password }, Ct);
        var problem = await Api.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("The email or password is wrong.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("not-an-email", "long enough password", "email")]
    [InlineData("a@example.org", "short", "password")]
    public async Task Register_rejects_bad_credentials_naming_the_field(string email, string password, string field)
    {
        using var client = factory.NewClient();
        var response = await client.PostAsJsonAsync("/api/account/register", new { email, password }, Ct);
        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.ErrorsFor(problem, field));
    }

    [Fact]
    public async Task The_same_email_cannot_register_twice()
    {
        using var client = factory.NewClient();
        string email = await Api.RegisterAsync(client);
        using var other = factory.NewClient();
        var again = await other.PostAsJsonAsync("/api/account/register", new { email, password = Api.Password }, Ct);
        Assert.NotEmpty(Api.ErrorsFor(await Api.ProblemAsync(again, HttpStatusCode.BadRequest), "email"));
    }
}

public sealed class AccountEndpointsSqliteTests(SqliteAppFactory factory) : AccountEndpointsTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class AccountEndpointsPostgresTests(PostgresAppFactory factory) : AccountEndpointsTests(factory), IClassFixture<PostgresAppFactory>;
