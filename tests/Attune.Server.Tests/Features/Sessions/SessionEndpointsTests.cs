using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Attune.Engine.Events;
using Attune.Server.Tests.Fixtures;

namespace Attune.Server.Tests.Features.Sessions;

/// <summary>Sessions and their event logs, run once per database provider.</summary>
public abstract class SessionEndpointsTests(AttuneAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("{\"goal\":\"nap\",\"plannedMinutes\":30}", "goal", "must be one of: settle, sleep, background")]
    [InlineData("{\"plannedMinutes\":30}", "goal", "must be one of: settle, sleep, background")]
    [InlineData("{\"goal\":\"sleep\",\"plannedMinutes\":0}", "plannedMinutes", "must be within 1–600 minutes")]
    [InlineData("{\"goal\":\"sleep\",\"plannedMinutes\":601}", "plannedMinutes", "must be within 1–600 minutes")]
    [InlineData("{\"goal\":\"sleep\"}", "plannedMinutes", "must be within 1–600 minutes")]
    public async Task Create_rejects_a_bad_goal_or_length(string json, string field, string message)
    {
        using var client = factory.NewClient();
        await Api.RegisterAsync(client);
        var problem = await Api.ProblemAsync(await client.PostAsync("/api/sessions", Json(json), Ct), HttpStatusCode.BadRequest);
        Assert.Contains(message, Api.ErrorsFor(problem, field));
        Assert.Equal(0, (await Api.ReadJsonAsync(await client.GetAsync("/api/sessions", Ct))).GetArrayLength());
    }

    [Fact]
    public async Task Create_plans_a_session_that_get_and_list_return()
    {
        using var client = factory.NewClient();
        await Api.RegisterAsync(client);
        var created = await client.PostAsJsonAsync("/api/sessions", new { goal = "Sleep", plannedMinutes = 45 }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var session = await Api.ReadJsonAsync(created);
        Guid id = session.GetProperty("id").GetGuid();
        Assert.Equal($"/api/sessions/{id}", created.Headers.Location?.OriginalString);

        var got = await Api.ReadJsonAsync(await client.GetAsync($"/api/sessions/{id}", Ct));
        Assert.Equal("sleep", got.GetProperty("goal").GetString());
        Assert.Equal(45, got.GetProperty("plannedMinutes").GetInt32());
        Assert.Equal("planned", got.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, got.GetProperty("startedAt").ValueKind);
        var list = await Api.ReadJsonAsync(await client.GetAsync("/api/sessions", Ct));
        Assert.Equal(id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Events_are_appended_in_batches_and_read_back_in_time_order()
    {
        using var client = factory.NewClient();
        Guid id = await NewSessionAsync(client);
        var first = new { events = new object[] { new { t = 2.0, stage = "safety", kind = "limit", data = new { gainDb = -1.5 } }, new { t = 0.5, stage = "sensing", kind = "hr", data = new { bpm = 71 } } } };
        var second = new { events = new object[] { new { t = 1.0, stage = "adaptation", kind = "intent" } } };
        Assert.Equal(2, (await Api.ReadJsonAsync(await client.PostAsJsonAsync($"/api/sessions/{id}/events", first, Ct))).GetProperty("stored").GetInt32());
        Assert.Equal(1, (await Api.ReadJsonAsync(await client.PostAsJsonAsync($"/api/sessions/{id}/events", second, Ct))).GetProperty("stored").GetInt32());

        var events = await Api.ReadJsonAsync(await client.GetAsync($"/api/sessions/{id}/events", Ct));
        Assert.Equal([0.5, 1.0, 2.0], events.EnumerateArray().Select(e => e.GetProperty("t").GetDouble()).ToArray());
        Assert.Equal(-1.5, events[2].GetProperty("data").GetProperty("gainDb").GetDouble());
        Assert.Equal(JsonValueKind.Object, events[1].GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task Events_come_a_page_at_a_time_with_the_total_in_a_header()
    {
        using var client = factory.NewClient();
        Guid id = await NewSessionAsync(client);
        var batch = new { events = Enumerable.Range(0, 7).Select(i => new { t = 6.0 - i, stage = "sensing", kind = "estimate" }).ToArray() };
        Assert.Equal(7, (await Api.ReadJsonAsync(await client.PostAsJsonAsync($"/api/sessions/{id}/events", batch, Ct))).GetProperty("stored").GetInt32());

        var page = await client.GetAsync($"/api/sessions/{id}/events?offset=2&limit=3", Ct);
        Assert.Equal("7", Assert.Single(page.Headers.GetValues("X-Total-Count")));
        var times = (await Api.ReadJsonAsync(page)).EnumerateArray().Select(e => e.GetProperty("t").GetDouble()).ToArray();
        Assert.Equal([2.0, 3.0, 4.0], times);
        var last = await Api.ReadJsonAsync(await client.GetAsync($"/api/sessions/{id}/events?offset=6&limit=3", Ct));
        Assert.Equal(6.0, Assert.Single(last.EnumerateArray()).GetProperty("t").GetDouble());
    }

    [Theory]
    [InlineData("limit=0", "limit", "must be a whole number within 1–10000")]
    [InlineData("limit=10001", "limit", "must be a whole number within 1–10000")]
    [InlineData("limit=abc", "limit", "must be a whole number within 1–10000")]
    [InlineData("offset=-1", "offset", "must be a whole number ≥ 0")]
    public async Task A_bad_page_is_a_problem_naming_the_field(string query, string field, string message)
    {
        using var client = factory.NewClient();
        Guid id = await NewSessionAsync(client);
        var problem = await Api.ProblemAsync(await client.GetAsync($"/api/sessions/{id}/events?{query}", Ct), HttpStatusCode.BadRequest);
        Assert.Contains(message, Api.ErrorsFor(problem, field));
    }

    [Fact]
    public async Task The_engines_event_log_can_be_posted_as_it_is_written()
    {
        using var client = factory.NewClient();
        Guid id = await NewSessionAsync(client);
        using var buffer = new MemoryStream();
        using (var log = EventLog.ToStream(buffer))
        {
            log.Write(0.25, "therapy", "notch", EventField.Of("hz", 6000.0), EventField.Of("on", true));
            log.Write(1.5, "safety", "ceiling", EventField.Of("reason", "true-peak"));
        }
        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new("application/x-ndjson");
        var posted = await client.PostAsync($"/api/sessions/{id}/events", content, Ct);
        Assert.Equal(2, (await Api.ReadJsonAsync(posted)).GetProperty("stored").GetInt32());

        var events = await Api.ReadJsonAsync(await client.GetAsync($"/api/sessions/{id}/events", Ct));
        Assert.Equal("notch", events[0].GetProperty("kind").GetString());
        Assert.True(events[0].GetProperty("data").GetProperty("on").GetBoolean());
        Assert.Equal("true-peak", events[1].GetProperty("data").GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("{\"t\":1,\"stage\":\"safety\",\"kind\":\"limit\",\"data\":{}}\n", "line 1")]
    [InlineData("{\"format\":\"attune-events\",\"version\":9}\n", "version 9 is not supported")]
    [InlineData("{\"format\":\"attune-events\",\"version\":1}\n{\"t\":1,\"stage\":\"safety\"}\n", "line 2: missing \"kind\"")]
    [InlineData("{\"format\":\"attune-events\",\"version\":1}\n{\"t\":\"soon\",\"stage\":\"safety\",\"kind\":\"limit\"}\n", "t must be a number")]
    public async Task A_broken_event_log_is_a_problem_naming_the_line_and_stores_nothing(string jsonl, string message)
    {
        using var client = factory.NewClient();
        Guid id = await NewSessionAsync(client);
        var content = new StringContent(jsonl, Encoding.UTF8, "application/x-ndjson");
        var problem = await Api.ProblemAsync(await client.PostAsync($"/api/sessions/{id}/events", content, Ct), HttpStatusCode.BadRequest);
        Assert.Contains(Api.ErrorsFor(problem, "body"), m => m.Contains(message, StringComparison.Ordinal));
        Assert.Equal(0, (await Api.ReadJsonAsync(await client.GetAsync($"/api/sessions/{id}/events", Ct))).GetArrayLength());
    }

    [Fact]
    public async Task A_batch_with_one_invalid_event_stores_nothing()
    {
        using var client = factory.NewClient();
        Guid id = await NewSessionAsync(client);
        var batch = new
        {
            events = new object[]
            {
                new { t = 0.0, stage = "sensing", kind = "hr", data = new { bpm = 70 } },
                new { t = 1.0, stage = "sensing", kind = "hr", data = new { bpm = 71 } },
                new { t = -3.0, stage = "sensing", kind = "hr", data = new { bpm = 72 } },
                new { t = 3.0, stage = "sensing", kind = "hr", data = new { bpm = 73 } },
            },
        };
        var problem = await Api.ProblemAsync(await client.PostAsJsonAsync($"/api/sessions/{id}/events", batch, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("must be within 0–86400 seconds", Api.ErrorsFor(problem, "events[2].t"));
        Assert.Equal(0, (await Api.ReadJsonAsync(await client.GetAsync($"/api/sessions/{id}/events", Ct))).GetArrayLength());
    }

    [Theory]
    [InlineData("{\"events\":[]}", "events")]
    [InlineData("{\"events\":[{\"t\":1,\"stage\":\"\",\"kind\":\"hr\"}]}", "events[0].stage")]
    [InlineData("{\"events\":[{\"t\":1,\"stage\":\"sensing\",\"kind\":\"bad kind!\"}]}", "events[0].kind")]
    [InlineData("{\"events\":[{\"t\":1,\"stage\":\"sensing\",\"kind\":\"hr\",\"data\":[1]}]}", "events[0].data")]
    [InlineData("{\"events\":[{\"stage\":\"sensing\",\"kind\":\"hr\"}]}", "events[0].t")]
    [InlineData("{\"events\":", "body")]
    public async Task Bad_event_batches_are_problems_naming_the_row_and_field(string json, string field)
    {
        using var client = factory.NewClient();
        Guid id = await NewSessionAsync(client);
        var problem = await Api.ProblemAsync(await client.PostAsync($"/api/sessions/{id}/events", Json(json), Ct), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.ErrorsFor(problem, field));
    }

    [Fact]
    public async Task Another_user_gets_404_for_every_endpoint_taking_a_session_id_and_never_sees_it_listed()
    {
        using var a = factory.NewClient();
        Guid id = await NewSessionAsync(a);
        var one = new { events = new object[] { new { t = 1.0, stage = "sensing", kind = "hr" } } };
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsJsonAsync($"/api/sessions/{id}/events", one, Ct)).StatusCode);

        using var b = factory.NewClient();
        await Api.RegisterAsync(b);
        Assert.Equal(HttpStatusCode.Created, (await b.PostAsJsonAsync("/api/sessions", new { goal = "settle", plannedMinutes = 5 }, Ct)).StatusCode);
        foreach (var target in new[] { id, Guid.NewGuid() })
        {
            var notFound = new[]
            {
                await b.GetAsync($"/api/sessions/{target}", Ct),
                await b.GetAsync($"/api/sessions/{target}/events", Ct),
                await b.PostAsJsonAsync($"/api/sessions/{target}/events", one, Ct),
                await b.PostAsync($"/api/sessions/{target}/events", Json("{not json"), Ct),
            };
            foreach (var response in notFound)
            {
                var problem = await Api.ProblemAsync(response, HttpStatusCode.NotFound);
                Assert.Equal("No session with that id.", problem.GetProperty("detail").GetString());
            }
        }
        var bList = await Api.ReadJsonAsync(await b.GetAsync("/api/sessions", Ct));
        Assert.DoesNotContain(id, bList.EnumerateArray().Select(s => s.GetProperty("id").GetGuid()));
        Assert.Equal(1, bList.GetArrayLength());
        // A's log is untouched by B's attempts.
        Assert.Equal(1, (await Api.ReadJsonAsync(await a.GetAsync($"/api/sessions/{id}/events", Ct))).GetArrayLength());
    }

    [Theory]
    [InlineData("GET", "/api/account/me")]
    [InlineData("GET", "/api/profile")]
    [InlineData("PUT", "/api/profile")]
    [InlineData("GET", "/api/profile/tinnitus-matches")]
    [InlineData("POST", "/api/profile/tinnitus-matches")]
    [InlineData("GET", "/api/sessions")]
    [InlineData("POST", "/api/sessions")]
    [InlineData("GET", "/api/sessions/5b0f3c3e-3c1c-4a8e-9d55-0f5c1d8c2a11")]
    [InlineData("GET", "/api/sessions/5b0f3c3e-3c1c-4a8e-9d55-0f5c1d8c2a11/events")]
    [InlineData("POST", "/api/sessions/5b0f3c3e-3c1c-4a8e-9d55-0f5c1d8c2a11/events")]
    public async Task Signed_out_requests_get_a_401_problem_not_a_redirect(string method, string path)
    {
        using var client = factory.NewClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : Json("{}") };
        await Api.ProblemAsync(await client.SendAsync(request, Ct), HttpStatusCode.Unauthorized);
    }

    private static async Task<Guid> NewSessionAsync(HttpClient client)
    {
        await Api.RegisterAsync(client);
        var created = await client.PostAsJsonAsync("/api/sessions", new { goal = "settle", plannedMinutes = 20 }, Ct);
        return (await Api.ReadJsonAsync(created)).GetProperty("id").GetGuid();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}

public sealed class SessionEndpointsSqliteTests(SqliteAppFactory factory) : SessionEndpointsTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class SessionEndpointsPostgresTests(PostgresAppFactory factory) : SessionEndpointsTests(factory), IClassFixture<PostgresAppFactory>;
