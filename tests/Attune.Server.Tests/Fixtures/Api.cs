using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Attune.Server.Tests.Fixtures;

/// <summary>Small helpers for calling the JSON API and reading problems back.</summary>
internal static class Api
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public const string Password = "correct horse battery";

    /// <summary>Registers a new patient with a unique email; the client is signed in afterwards.</summary>
    public static async Task<string> RegisterAsync(HttpClient client)
    {
        string email = $"p{Guid.NewGuid():N}@example.org";
        var response = await client.PostAsJsonAsync("/api/account/register", new { email, password = Password }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return email;
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Json, TestContext.Current.CancellationToken);

    /// <summary>Asserts an RFC 7807 response with the status and returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(body, Json);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>The messages a validation problem gives for one field (fails when the field is not named).</summary>
    public static string[] ErrorsFor(JsonElement problem, string field)
    {
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error for '{field}' in {errors}");
        return [.. messages.EnumerateArray().Select(m => m.GetString()!)];
    }
}
