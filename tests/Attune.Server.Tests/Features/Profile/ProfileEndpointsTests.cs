using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Attune.Server.Tests.Fixtures;

namespace Attune.Server.Tests.Features.Profile;

/// <summary>The hearing profile and tinnitus matches, run once per database provider.</summary>
public abstract class ProfileEndpointsTests(AttuneAppFactory factory)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Each value lies just outside its field's range; the message must name the range and unit.
    public static TheoryData<string, string, string> OutOfRange => new()
    {
        { "tinnitusHz", "249", "must be within 250–16000 Hz" },
        { "tinnitusHz", "16001", "must be within 250–16000 Hz" },
        { "notchOctaves", "0.2", "must be within 0.25–1 octaves" },
        { "notchOctaves", "1.01", "must be within 0.25–1 octaves" },
        { "justAudibleDbfs", "-121", "must be within -120–-20 dBFS" },
        { "justAudibleDbfs", "-19", "must be within -120–-20 dBFS" },
        { "comfortableLevelDbSl", "-0.5", "must be within 0–30 dB SL" },
        { "comfortableLevelDbSl", "31", "must be within 0–30 dB SL" },
        { "maxLufs", "-71", "must be within -70–-20 LUFS" },
        { "maxLufs", "-19.9", "must be within -70–-20 LUFS" },
        { "ceilingDbtp", "-31", "must be within -30–-1 dBTP" },
        { "ceilingDbtp", "0", "must be within -30–-1 dBTP" },
        { "conditions", "[\"deafness\"]", "'deafness' is not one of: tinnitus, hyperacusis, misophonia" },
        { "excludedSoundClasses", "[\"thunder\"]", "'thunder' is not one of:" },
        { "triggerCategories[0]", "[\"\"]", "must be 1–40 characters" },
        { "preferences", "[1,2]", "must be a JSON object" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public async Task Put_rejects_each_field_out_of_range_naming_field_and_range(string field, string json, string message)
    {
        using var client = factory.NewClient();
        await Api.RegisterAsync(client);
        string property = field.Split('[')[0];
        var response = await client.PutAsync("/api/profile", Body($"{{\"{property}\":{json}}}"), Ct);
        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(Api.ErrorsFor(problem, field), m => m.StartsWith(message, StringComparison.Ordinal));

        // Nothing was saved: the profile still has no save time.
        var stored = await Api.ReadJsonAsync(await client.GetAsync("/api/profile", Ct));
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("updatedAt").ValueKind);
    }

    [Fact]
    public async Task Put_reports_every_bad_field_at_once()
    {
        using var client = factory.NewClient();
        await Api.RegisterAsync(client);
        var response = await client.PutAsync("/api/profile", Body("{\"tinnitusHz\":10,\"maxLufs\":0,\"notchOctaves\":3}"), Ct);
        var errors = (await Api.ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["maxLufs", "notchOctaves", "tinnitusHz"], errors.EnumerateObject().Select(p => p.Name).Order().ToArray());
    }

    [Fact]
    public async Task Put_then_get_round_trips_every_field()
    {
        using var client = factory.NewClient();
        await Api.RegisterAsync(client);
        var sent = new JsonObject
        {
            ["conditions"] = new JsonArray("tinnitus", "misophonia"),
            ["tinnitusHz"] = 6125.5,
            ["notchOctaves"] = 0.5,
            ["justAudibleDbfs"] = -64.25,
            ["comfortableLevelDbSl"] = 7,
            ["maxLufs"] = -33,
            ["ceilingDbtp"] = -3,
            ["excludedSoundClasses"] = new JsonArray("percussiveClicky", "breathy"), // the API lists flags in the engine's order
            ["triggerCategories"] = new JsonArray("chewing", "keyboard typing"),
            ["preferences"] = new JsonObject { ["texture"] = "rain", ["volume"] = 0.4 },
        };
        var put = await client.PutAsync("/api/profile", Body(sent.ToJsonString()), Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var got = JsonNode.Parse(await (await client.GetAsync("/api/profile", Ct)).Content.ReadAsStringAsync(Ct))!.AsObject();
        foreach (var (name, value) in sent)
            Assert.True(JsonNode.DeepEquals(value, got[name]), $"{name}: sent {value?.ToJsonString()}, got {got[name]?.ToJsonString()}");
        Assert.NotNull(got["updatedAt"]?.GetValue<DateTime>());
    }

    [Fact]
    public async Task Malformed_json_is_a_problem_naming_the_body()
    {
        using var client = factory.NewClient();
        await Api.RegisterAsync(client);
        var problem = await Api.ProblemAsync(await client.PutAsync("/api/profile", Body("{\"tinnitusHz\": 4000,"), Ct), HttpStatusCode.BadRequest);
        Assert.Contains(Api.ErrorsFor(problem, "body"), m => m.StartsWith("is not valid JSON", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_json_type_is_a_problem_naming_the_field()
    {
        using var client = factory.NewClient();
        await Api.RegisterAsync(client);
        var problem = await Api.ProblemAsync(await client.PutAsync("/api/profile", Body("{\"tinnitusHz\":\"high\"}"), Ct), HttpStatusCode.BadRequest);
        Assert.NotEmpty(Api.ErrorsFor(problem, "tinnitusHz"));
    }

    [Fact]
    public async Task Tinnitus_matches_are_stored_newest_first_and_validated()
    {
        using var client = factory.NewClient();
        await Api.RegisterAsync(client);
        var older = new { measuredAt = DateTime.UtcNow.AddDays(-7), bestEstimateHz = 5800, rangeLowHz = 5000, rangeHighHz = 6500, loudnessDbSl = 6, minimumMaskingLevelDbSl = 12, octaveConfusionChecked = true };
        // A pitch-only match (the wizard's pitch match) has no loudness: it is stored as unknown, not as 0 dB SL.
        var newer = new { measuredAt = DateTime.UtcNow.AddMinutes(-1), bestEstimateHz = 6000, rangeLowHz = 5500, rangeHighHz = 6400, octaveConfusionChecked = false };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/profile/tinnitus-matches", older, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/profile/tinnitus-matches", newer, Ct)).StatusCode);

        var list = await Api.ReadJsonAsync(await client.GetAsync("/api/profile/tinnitus-matches", Ct));
        Assert.Equal([6000.0, 5800.0], list.EnumerateArray().Select(m => m.GetProperty("bestEstimateHz").GetDouble()).ToArray());
        Assert.Equal(12, list[1].GetProperty("minimumMaskingLevelDbSl").GetDouble());
        Assert.True(list[1].GetProperty("octaveConfusionChecked").GetBoolean());
        Assert.Equal(JsonValueKind.Null, list[0].GetProperty("minimumMaskingLevelDbSl").ValueKind);
        Assert.Equal(JsonValueKind.Null, list[0].GetProperty("loudnessDbSl").ValueKind);
        Assert.Equal(6, list[1].GetProperty("loudnessDbSl").GetDouble());

        var bad = new { bestEstimateHz = 20000, rangeLowHz = 100, rangeHighHz = 6000, loudnessDbSl = 101 };
        var problem = await Api.ProblemAsync(await client.PostAsJsonAsync("/api/profile/tinnitus-matches", bad, Ct), HttpStatusCode.BadRequest);
        Assert.Contains("must be within 250–16000 Hz", Api.ErrorsFor(problem, "bestEstimateHz"));
        Assert.Contains("must be within 250–16000 Hz", Api.ErrorsFor(problem, "rangeLowHz"));
        Assert.Contains("must be at least bestEstimateHz", Api.ErrorsFor(problem, "rangeHighHz"));
        Assert.Contains("must be within 0–100 dB SL", Api.ErrorsFor(problem, "loudnessDbSl"));
        Assert.Equal(2, (await Api.ReadJsonAsync(await client.GetAsync("/api/profile/tinnitus-matches", Ct))).GetArrayLength());
    }

    [Fact]
    public async Task Another_user_sees_neither_the_profile_nor_the_matches()
    {
        using var a = factory.NewClient();
        await Api.RegisterAsync(a);
        Assert.Equal(HttpStatusCode.OK, (await a.PutAsync("/api/profile", Body("{\"tinnitusHz\":4321}"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await a.PostAsJsonAsync("/api/profile/tinnitus-matches",
            new { bestEstimateHz = 4321, rangeLowHz = 4000, rangeHighHz = 4500, loudnessDbSl = 4 }, Ct)).StatusCode);

        using var b = factory.NewClient();
        await Api.RegisterAsync(b);
        var profile = await Api.ReadJsonAsync(await b.GetAsync("/api/profile", Ct));
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("tinnitusHz").ValueKind);
        Assert.Equal(0, (await Api.ReadJsonAsync(await b.GetAsync("/api/profile/tinnitus-matches", Ct))).GetArrayLength());
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");
}

public sealed class ProfileEndpointsSqliteTests(SqliteAppFactory factory) : ProfileEndpointsTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class ProfileEndpointsPostgresTests(PostgresAppFactory factory) : ProfileEndpointsTests(factory), IClassFixture<PostgresAppFactory>;
