using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Attune.LoadTest;

/// <summary>
/// One listener that only receives: a registered person with a profile and a planned session, its WebSocket, the
/// arrival time of every audio frame, acks every 500 ms (played_frames = frames received − 10), optionally 2 Hz
/// heart-rate packets, and at the end "stop" and the "ended" summary.
/// </summary>
internal sealed class LiveClient : IDisposable
{
    public const string Password = "load-test-password-1";
    private const double LeadMs = 200, FrameMs = 20;

    /// <summary>Shared by a run's clients: underruns per second since the run's origin (Stopwatch ticks).</summary>
    public sealed record RunTimeline(long Origin, int[] Underruns);

    public RunTimeline? Timeline { get; set; }
    private static readonly string[] Tinnitus = ["tinnitus"];
    private readonly Uri _baseUri;
    private readonly Guid _sessionId;
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<JsonObject?> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _connectTicks, _firstFrameTicks;
    private long _firstSeq = -1, _frames, _underruns;
    private double _worstLateMs = double.NegativeInfinity, _lastUnderrunMs = double.NaN;

    private LiveClient(Uri baseUri, string cookie, Guid sessionId)
    {
        _baseUri = baseUri;
        _sessionId = sessionId;
        _socket.Options.SetRequestHeader("Cookie", cookie);
    }

    public string Codec { get; private set; } = "";

    public static async Task<LiveClient> CreateAsync(HttpClient http, Uri baseUri, bool tinnitus, int minutes, CancellationToken ct)
    {
        using var register = await http.PostAsJsonAsync(new Uri(baseUri, "api/account/register"),
            new { email = $"load{Guid.NewGuid():N}@example.org", password = Password }, ct);
        Expect(register, HttpStatusCode.Created, "register");
        string cookie = register.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])
            .Single(c => c.StartsWith("attune.auth=", StringComparison.Ordinal));
        if (tinnitus)
        {
            using var put = new HttpRequestMessage(HttpMethod.Put, new Uri(baseUri, "api/profile"))
            {
                Content = JsonContent.Create(new { conditions = Tinnitus, tinnitusHz = 4000 }),
            };
            put.Headers.Add("Cookie", cookie);
            using var profile = await http.SendAsync(put, ct);
            Expect(profile, HttpStatusCode.OK, "profile");
        }
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, "api/sessions"))
        {
            Content = JsonContent.Create(new { goal = "settle", plannedMinutes = minutes }),
        };
        post.Headers.Add("Cookie", cookie);
        using var created = await http.SendAsync(post, ct);
        Expect(created, HttpStatusCode.Created, "session");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        return new LiveClient(baseUri, cookie, id);
    }

    private static void Expect(HttpResponseMessage response, HttpStatusCode status, string what)
    {
        if (response.StatusCode != status)
            throw new InvalidOperationException($"{what}: HTTP {(int)response.StatusCode} {response.Content.ReadAsStringAsync().Result}");
    }

    /// <summary>Connects, receives for <paramref name="seconds"/>, sends stop and waits for the summary; returns this session's figures.</summary>
    public async Task<SessionResult> RunAsync(double seconds, int heartRatePackets, double heartRateDelaySeconds, CancellationToken ct)
    {
        var ws = new UriBuilder(_baseUri) { Scheme = _baseUri.Scheme == "https" ? "wss" : "ws", Path = $"api/sessions/{_sessionId}/live" }.Uri;
        _connectTicks = Stopwatch.GetTimestamp();
        await _socket.ConnectAsync(ws, ct);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var receiving = ReceiveLoopAsync(done.Token);
        var acking = AckLoopAsync(done.Token);
        var beating = heartRatePackets > 0 ? HeartRateLoopAsync(heartRatePackets, heartRateDelaySeconds, done.Token) : Task.CompletedTask;
        await Task.Delay(TimeSpan.FromSeconds(seconds), ct);
        await SendAsync("""{"type":"stop"}""", ct);
        var finished = await Task.WhenAny(_ended.Task, Task.Delay(TimeSpan.FromSeconds(30), ct));
        JsonObject? summary = finished == _ended.Task ? await _ended.Task : null;
        await done.CancelAsync();
        try { await Task.WhenAll(acking, beating); }
        catch (OperationCanceledException) { /* stopped */ }
        try { await receiving; }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { /* closed */ }
        return new SessionResult(
            _firstFrameTicks == 0 ? double.NaN : Stopwatch.GetElapsedTime(_connectTicks, _firstFrameTicks).TotalMilliseconds,
            Interlocked.Read(ref _frames), _underruns, _worstLateMs, _lastUnderrunMs, Codec, summary?["server"] as JsonObject);
    }

    private async Task ReceiveLoopAsync(CancellationToken ct)
    {
        var buffer = new byte[1 << 16];
        while (_socket.State == WebSocketState.Open)
        {
            int length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await _socket.ReceiveAsync(buffer.AsMemory(length), ct);
                length += result.Count;
            }
            while (!result.EndOfMessage);
            long now = Stopwatch.GetTimestamp();
            if (result.MessageType == WebSocketMessageType.Close) break;
            if (result.MessageType == WebSocketMessageType.Binary) OnFrame(BinaryPrimitives.ReadUInt32LittleEndian(buffer), now);
            else OnText(Encoding.UTF8.GetString(buffer, 0, length));
        }
        _ended.TrySetResult(null);
    }

    /// <summary>The virtual player: starts 200 ms after the first frame and plays one frame per 20 ms; a frame after its start is an underrun.</summary>
    private void OnFrame(long sequence, long now)
    {
        if (_firstSeq < 0)
        {
            _firstSeq = sequence;
            _firstFrameTicks = now;
        }
        double deadlineMs = LeadMs + FrameMs * (sequence - _firstSeq);
        double arrivedMs = Stopwatch.GetElapsedTime(_firstFrameTicks, now).TotalMilliseconds;
        double late = arrivedMs - deadlineMs;
        if (late > 0)
        {
            _underruns++;
            if (Timeline is { } timeline)
            {
                int second = (int)Stopwatch.GetElapsedTime(timeline.Origin, now).TotalSeconds;
                if (second >= 0 && second < timeline.Underruns.Length) Interlocked.Increment(ref timeline.Underruns[second]);
            }
            _lastUnderrunMs = arrivedMs;
        }
        if (late > _worstLateMs) _worstLateMs = late;
        Interlocked.Increment(ref _frames);
    }

    private void OnText(string text)
    {
        var message = JsonNode.Parse(text)?.AsObject();
        switch ((string?)message?["type"])
        {
            case "ready":
                Codec = (string?)message!["codec"] ?? "";
                break;
            case "ended":
                _ended.TrySetResult(message!["summary"]?.AsObject());
                break;
            case "error":
                Console.Error.WriteLine($"server error message: {text}");
                break;
        }
    }

    private async Task AckLoopAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        while (await timer.WaitForNextTickAsync(ct))
        {
            long played = Math.Max(0, Interlocked.Read(ref _frames) - 10);
            await SendAsync($$"""{"type":"ack","played_frames":{{played}},"buffered_ms":200,"underruns":0,"level_dbfs":null}""", ct);
        }
    }

    /// <summary>Heart Rate Measurement values at 2 Hz: flags 0x16 (uint8 HR, contact detected, RR present), 70 bpm, RR in 1/1024 s.</summary>
    private async Task HeartRateLoopAsync(int packets, double delaySeconds, CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromSeconds(delaySeconds), ct);
        const int bpm = 70;
        int rr = (int)Math.Round(60.0 / bpm * 1024);
        string hex = $"16 {bpm:X2} {rr & 0xFF:X2} {rr >> 8:X2}";
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        for (int seq = 0; seq < packets && await timer.WaitForNextTickAsync(ct); seq++)
        {
            long tMs = (long)Stopwatch.GetElapsedTime(_connectTicks).TotalMilliseconds;
            await SendAsync($$"""{"type":"hr","seq":{{seq}},"t_ms":{{tMs}},"hex":"{{hex}}"}""", ct);
        }
    }

    private async Task SendAsync(string json, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct);
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        _sendLock.Dispose();
    }
}
