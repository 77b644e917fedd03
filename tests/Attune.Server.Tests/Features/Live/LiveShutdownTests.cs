using System.Net.Http.Json;
using System.Text.Json;
using Attune.Server.Data;
using Attune.Server.Features.Live;
using Attune.Server.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Server.Tests.Features.Live;

/// <summary>What happens to live sessions when the server stops, gracefully or not.</summary>
public sealed class LiveShutdownTests(LiveAppFactory factory) : IClassFixture<LiveAppFactory>
{
    [Fact]
    public async Task Stopping_the_host_ends_running_sessions_sends_their_summary_and_stores_them_as_abandoned()
    {
        var ct = TestContext.Current.CancellationToken;
        var (client, cookie) = await factory.PatientAsync(tinnitusHz: null);
        using var _ = client;
        Guid id = await LiveAppFactory.NewSessionAsync(client);
        using var live = await factory.ConnectAsync(cookie, id);
        await live.WaitForAsync("state");

        await factory.Services.GetRequiredService<LiveSessionManager>().StopAsync(ct);

        var ended = await live.WaitForAsync("ended");
        Assert.Equal("server_stopped", ended.GetProperty("summary").GetProperty("end_reason").GetString());
        var row = await client.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}", ct);
        Assert.Equal("abandoned", row.GetProperty("status").GetString());
        Assert.Equal("server_stopped", row.GetProperty("summary").GetProperty("end_reason").GetString());
        var events = await client.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}/events", ct);
        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("stage").GetString() == "session" && e.GetProperty("kind").GetString() == "end");
    }

    [Fact]
    public async Task A_session_left_running_by_a_crash_is_marked_abandoned_at_the_next_start()
    {
        var ct = TestContext.Current.CancellationToken;
        var (client, _) = await factory.PatientAsync(tinnitusHz: null);
        using var __ = client;
        Guid id = await LiveAppFactory.NewSessionAsync(client);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AttuneDbContext>();
            var row = await db.TherapySessions.SingleAsync(s => s.Id == id, ct);
            row.Status = SessionStatus.Running;
            await db.SaveChangesAsync(ct);
        }
        await DatabaseSetup.MigrateAndSeedAsync(factory.Services);
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}", ct);
        Assert.Equal("abandoned", after.GetProperty("status").GetString());
    }
}
