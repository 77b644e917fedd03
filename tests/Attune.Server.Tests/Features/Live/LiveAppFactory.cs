using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Attune.Server.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace Attune.Server.Tests.Features.Live;

/// <summary>The app on a temp SQLite file for live-session tests; <see cref="Speed"/> > 1 paces audio faster (test only).</summary>
public class LiveAppFactory : AttuneAppFactory
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "attune-live-tests", Guid.NewGuid().ToString("N"));

    public LiveAppFactory() => Directory.CreateDirectory(_folder);

    private static readonly string[] TinnitusOnly = ["tinnitus"];

    protected virtual double Speed => 1;

    protected virtual double ResumeWindowSeconds => 60;

    /// <summary>Live:MaxLoad, or null for the default (55 pcm16 sessions per core).</summary>
    protected virtual double? MaxLoad => null;

    public override string Provider => "sqlite";
    public override string? UnavailableReason => null;
    protected override string ConnectionString => $"Data Source={Path.Combine(_folder, "attune.db")}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Live:Speed", Speed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Live:DecisionIntervalSeconds", "1");
        builder.UseSetting("Live:FlushSeconds", "0.5");
        builder.UseSetting("Live:ResumeWindowSeconds", ResumeWindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (MaxLoad is double load) builder.UseSetting("Live:MaxLoad", load.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A registered patient's client (cookie sent by hand, so the WebSocket client can send it too).</summary>
    public async Task<(HttpClient Client, string Cookie)> PatientAsync(double? tinnitusHz)
    {
        var client = CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var ct = TestContext.Current.CancellationToken;
        var registered = await client.PostAsJsonAsync("/api/account/register",
            new { email = $"p{Guid.NewGuid():N}@example.org", password = Api.Password }, ct);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        string cookie = registered.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("attune.auth=", StringComparison.Ordinal));
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        var profile = await client.PutAsJsonAsync("/api/profile", new { conditions = TinnitusOnly, tinnitusHz }, ct);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        return (client, cookie);
    }

    public static async Task<Guid> NewSessionAsync(HttpClient client, int minutes = 30)
    {
        var created = await client.PostAsJsonAsync("/api/sessions", new { goal = "settle", plannedMinutes = minutes }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetGuid();
    }

    public async Task<LiveSocket> ConnectAsync(string cookie, Guid id, string? resume = null)
    {
        var ws = Server.CreateWebSocketClient();
        ws.ConfigureRequest = r => r.Headers.Cookie = cookie;
        string query = resume is null ? "" : $"?resume={resume}";
        var socket = await ws.ConnectAsync(new Uri($"ws://localhost/api/sessions/{id}/live{query}"), TestContext.Current.CancellationToken);
        return new LiveSocket(socket);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a leftover temp file is harmless */ }
        GC.SuppressFinalize(this);
    }
}

/// <summary>Paces audio five times faster than real time and waits 1 s for a resume, so minute-scale behaviour fits a short test.</summary>
public sealed class FastLiveAppFactory : LiveAppFactory
{
    protected override double Speed => 5;

    protected override double ResumeWindowSeconds => 1;
}
