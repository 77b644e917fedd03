using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attune.Engine;
using Attune.Engine.Adaptation;
using Attune.Server.Data;
using Attune.Server.Features.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Server.Tests.Features.Live;

/// <summary>Paces audio twenty times faster than real time, so a session of more than a minute takes a few seconds.</summary>
public sealed class VeryFastLiveAppFactory : LiveAppFactory
{
    protected override double Speed => 20;
}

/// <summary>The personaliser in live sessions: a preset chosen and explained at the start, learned from at a completed end.</summary>
public sealed class LivePersonalizerTests(VeryFastLiveAppFactory factory) : IClassFixture<VeryFastLiveAppFactory>
{
    private static async Task<JsonElement> RunAsync(LiveAppFactory factory, HttpClient client, string cookie, double sessionSeconds)
    {
        Guid id = await LiveAppFactory.NewSessionAsync(client, minutes: 5);
        using var live = await factory.ConnectAsync(cookie, id);
        var ready = await live.WaitForAsync("ready");
        await live.SendAsync(new { type = "report", scale = "distress", value = 6 });
        // At 20× real time, session seconds pass twenty times faster: wait for the state messages to reach the time.
        while (true)
        {
            var state = await live.WaitForAsync("state");
            if (state.GetProperty("t").GetDouble() >= sessionSeconds) break;
        }
        await live.SendAsync(new { type = "report", scale = "distress", value = 3 });
        await live.SendAsync(new { type = "stop" });
        var ended = await live.WaitForAsync("ended", timeout: TimeSpan.FromSeconds(30));
        Assert.Equal(id.ToString(), ready.GetProperty("session_id").GetString());
        return ready;
    }

    [Fact]
    public async Task The_first_session_says_it_is_still_learning_and_a_completed_session_is_learned_from_and_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        var (client, cookie) = await factory.PatientAsync(tinnitusHz: 4000);
        using var _ = client;

        var first = await RunAsync(factory, client, cookie, 70);
        var music = first.GetProperty("music");
        string preset = music.GetProperty("preset").GetString()!;
        var profile = new TherapyProfile(Conditions.Tinnitus, tinnitusHz: 4000);
        Assert.Contains(preset, PresetCatalog.For(profile).Select(p => p.Name));
        Assert.Contains("no sessions recorded yet", music.GetProperty("why").GetString(), StringComparison.Ordinal);

        // The end is stored with what was learned; the person's personaliser now holds one session.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AttuneDbContext>();
            TherapySessionRecord? row = null;
            for (int i = 0; i < 50 && row?.Reward is null; i++)
            {
                await Task.Delay(100, ct);
                row = await db.TherapySessions.AsNoTracking().OrderByDescending(s => s.CreatedAt).FirstAsync(ct);
            }
            Assert.Equal(SessionStatus.Ended, row!.Status);
            Assert.Equal(preset, row.Preset);
            Assert.NotNull(row.Reward);
            Assert.True(double.IsFinite(row.Reward!.Value));
            var pooled = LivePersonalizer.Pooled(row.OutcomeJson!);
            Assert.NotNull(pooled);
            Assert.Equal(preset, pooled!.Value.Item2);
            var record = await db.Personalizers.AsNoTracking().SingleAsync(ct);
            Assert.Equal(1, record.Sessions);
            Assert.Equal(1, PersonalizerState.FromJson(record.StateJson).Summary(preset).Sessions);
        }

        // The next session's explanation draws on it.
        var second = await RunAsync(factory, client, cookie, 5);
        Assert.DoesNotContain("no sessions recorded yet", second.GetProperty("music").GetProperty("why").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_stopped_within_its_first_minute_teaches_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var (client, cookie) = await factory.PatientAsync(tinnitusHz: null);
        using var _ = client;
        await RunAsync(factory, client, cookie, 10);
        await Task.Delay(1000, ct);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttuneDbContext>();
        string userId = (await client.GetFromJsonAsync<JsonElement>("/api/account/me", ct)).GetProperty("id").GetString()!;
        Assert.False(await db.Personalizers.AnyAsync(p => p.UserId == userId, ct));
        var row = await db.TherapySessions.AsNoTracking().Where(s => s.OwnerId == userId).SingleAsync(ct);
        Assert.Equal(SessionStatus.Ended, row.Status);
        Assert.NotNull(row.Preset);
        Assert.Null(row.Reward);
    }

    [Fact]
    public async Task A_local_hour_outside_the_day_is_a_problem_naming_it()
    {
        var (client, _) = await factory.PatientAsync(tinnitusHz: null);
        using var __ = client;
        Guid id = await LiveAppFactory.NewSessionAsync(client);
        var response = await client.GetAsync($"/api/sessions/{id}/live?local_hour=24", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Contains("0–24", problem.GetProperty("errors").GetProperty("local_hour")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("""{"preset":"p","reward":0.1,"context":{"conditions":"Nonsense","goal":"Settle","hour":3,"baseline_arousal":0.5}}""")]
    [InlineData("""{"preset":"p","reward":0.1,"context":{"conditions":"Tinnitus","goal":"Settle","hour":30,"baseline_arousal":0.5}}""")]
    public void Unreadable_stored_outcomes_are_skipped_when_pooling(string json) => Assert.Null(LivePersonalizer.Pooled(json));

    [Fact]
    public void A_stored_outcome_reads_back_as_the_pooled_context_preset_and_reward()
    {
        var context = new PersonalizerContext(Conditions.Tinnitus | Conditions.Misophonia, Engine.Adaptation.SessionGoal.Sleep, 22.5, 0.7);
        var choice = new LivePersonalizer.Choice(context, PresetCatalog.Default[1], "why", PersonalizerState.Flat().ToJson());
        var outcome = new SessionOutcome(-0.12, -0.2, skips: 1, minutesListened: 20);
        var pooled = LivePersonalizer.Pooled(LivePersonalizer.OutcomeJson(choice, outcome).ToJsonString());
        Assert.NotNull(pooled);
        var (c, p, r) = pooled!.Value;
        Assert.Equal(context, c);
        Assert.Equal(PresetCatalog.Default[1].Name, p);
        Assert.Equal(outcome.Reward, r, 5);
    }
}
