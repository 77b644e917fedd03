using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;

namespace Attune.Server.Tests.Features.Live;

/// <summary>A whole live session paced 5× faster than real time: the loop follows a rising heart rate, then stop ends and stores it.</summary>
public sealed class LiveSessionFlowTests(FastLiveAppFactory factory) : IClassFixture<FastLiveAppFactory>
{
    [Fact]
    public async Task A_rising_heart_rate_raises_arousal_and_moves_the_music_then_stop_ends_and_stores_the_session()
    {
        var ct = TestContext.Current.CancellationToken;
        var (client, cookie) = await factory.PatientAsync(tinnitusHz: 6000);
        using var _ = client;
        Guid id = await LiveAppFactory.NewSessionAsync(client, minutes: 10);
        using var live = await factory.ConnectAsync(cookie, id);
        await live.WaitForAsync("ready");
        var messages = new List<LiveMessage>();
        var reading = Task.Run(async () =>
        {
            while (true)
            {
                var m = await live.ReceiveAsync();
                lock (messages) messages.Add(m);
                if (m.Closed || m.Type == "ended") return;
            }
        }, ct);

        await live.SendAsync(new { type = "report", scale = "distress", value = 7 });
        for (int i = 0; i < 80; i++)
        {
            int bpm = 65 + i;
            await live.SendAsync(new { type = "hr", seq = i, t_ms = i * 200, hex = LiveSessionTests.Hex(bpm, 60_000.0 / bpm) });
            await Task.Delay(40, ct);
        }
        await live.SendAsync(new { type = "report", scale = "distress", value = 4 });
        await live.SendAsync(new { type = "skip" });
        await Task.Delay(300, ct);
        await live.SendAsync(new { type = "stop" });
        await reading.WaitAsync(TimeSpan.FromSeconds(20), ct);

        List<JsonElement> states;
        lock (messages) states = [.. messages.Where(m => m.Type == "state").Select(m => m.Json!.Value)];
        Assert.True(states.Count >= 10, $"{states.Count} state messages");
        double firstArousal = states[0].GetProperty("arousal").GetDouble();
        double peakArousal = states.Max(s => s.GetProperty("arousal").GetDouble());
        Assert.True(peakArousal > firstArousal + 0.1, $"arousal {firstArousal:0.00} → peak {peakArousal:0.00}");
        Assert.Contains(states, s => s.GetProperty("heart_rate_bpm").ValueKind == JsonValueKind.Number && s.GetProperty("heart_rate_bpm").GetDouble() > 100);
        Assert.Contains(states, s => s.GetProperty("sources").EnumerateArray().Any(x => x.GetString() == "heart_rate"));
        var music = states.Where(s => s.GetProperty("music").ValueKind == JsonValueKind.Object)
            .Select(s => (Tempo: s.GetProperty("music").GetProperty("tempo_bpm").GetDouble(), Phase: s.GetProperty("music").GetProperty("phase").GetString()))
            .ToList();
        Assert.True(music.Select(m => m.Tempo).Distinct().Count() > 1 || music.Select(m => m.Phase).Distinct().Count() > 1,
            "the music follows the person: its tempo or the controller's phase changes");

        JsonElement ended;
        lock (messages)
        {
            Assert.Contains(messages, m => m.Type == "safety" && m.Json!.Value.GetProperty("kind").GetString() == "fade_out");
            ended = messages.Last(m => m.Type == "ended").Json!.Value;
        }
        var summary = ended.GetProperty("summary");
        Assert.Equal("stopped", summary.GetProperty("end_reason").GetString());
        double minutes = summary.GetProperty("minutes_listened").GetDouble();
        // What was listened to is what was sent (20 ms a frame), give or take the 200 ms lead and rounding; how much
        // that is depends on the machine's load (pacing is wall-clock), so it is compared, not fixed.
        int frames;
        lock (messages) frames = messages.Count(m => m.IsFrame);
        Assert.True(frames > 0, "no audio frames arrived");
        Assert.Equal(frames * 0.02 / 60, minutes, 0.3 / 60 + 0.0005);
        Assert.Contains(summary.GetProperty("heart_rate_bpm_per_minute").EnumerateArray(), v => v.ValueKind == JsonValueKind.Number);
        Assert.Equal(7, summary.GetProperty("ratings_before").GetProperty("distress").GetDouble());
        Assert.Equal(4, summary.GetProperty("ratings_after").GetProperty("distress").GetDouble());
        Assert.Equal(1, summary.GetProperty("skips").GetInt32());
        Assert.True(summary.GetProperty("decisions").GetInt32() >= 5);
        Assert.True(summary.GetProperty("sound_dose_percent").GetDouble() > 0);

        var row = await client.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}", ct);
        Assert.Equal("ended", row.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Object, row.GetProperty("summary").ValueKind);
        Assert.Equal(JsonValueKind.String, row.GetProperty("startedAt").ValueKind);
        var events = await client.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}/events", ct);
        double seconds = minutes * 60;
        Assert.True(events.GetArrayLength() >= (int)seconds, $"{events.GetArrayLength()} events for {seconds:0.0} s");
        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("stage").GetString() == "sensing" && e.GetProperty("kind").GetString() == "estimate");
        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("stage").GetString() == "session" && e.GetProperty("kind").GetString() == "end");
        // Every whole second of the session has at least one stored event (≥ 1 Hz).
        var perSecond = events.EnumerateArray().Select(e => (int)e.GetProperty("t").GetDouble()).ToHashSet();
        Assert.All(Enumerable.Range(0, (int)seconds), s => Assert.Contains(s, perSecond));
    }

    [Fact]
    public async Task A_session_not_resumed_within_the_window_is_abandoned_and_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        var (client, cookie) = await factory.PatientAsync(tinnitusHz: null);
        using var _ = client;
        Guid id = await LiveAppFactory.NewSessionAsync(client);
        string token;
        using (var live = await factory.ConnectAsync(cookie, id))
        {
            token = (await live.WaitForAsync("ready")).GetProperty("resume_token").GetString()!;
            await live.WaitForAsync("state");
            // While it plays, the writer's next batch stores it as running with its start time.
            JsonElement running = default;
            for (int i = 0; i < 50 && running.ValueKind == JsonValueKind.Undefined; i++)
            {
                var r = await client.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}", ct);
                if (r.GetProperty("status").GetString() == "running") running = r;
                else await Task.Delay(100, ct);
            }
            Assert.Equal(JsonValueKind.String, running.GetProperty("startedAt").ValueKind);
            await live.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", ct);
        }
        JsonElement row = default;
        for (int i = 0; i < 50; i++)
        {
            await Task.Delay(100, ct);
            row = await client.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}", ct);
            // Planned until the writer's next batch stores the start, running until the window passes.
            if (row.GetProperty("status").GetString() is not ("planned" or "running")) break;
        }
        Assert.Equal("abandoned", row.GetProperty("status").GetString());
        Assert.Equal("abandoned", row.GetProperty("summary").GetProperty("end_reason").GetString());
        var late = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.ConnectAsync(cookie, id, resume: token));
        Assert.Contains("409", late.Message);
    }
}
