using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Attune.Server.Tests.Features.Live;

/// <summary>A test's end of a live session: reads frames and messages, sends JSON.</summary>
public sealed class LiveSocket(WebSocket socket) : IDisposable
{
    private readonly byte[] _buffer = new byte[1 << 16];

    public WebSocket Socket => socket;

    /// <summary>The next message: a text JSON message, or a binary frame (sequence number, payload).</summary>
    public async Task<LiveMessage> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
        int length = 0;
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(new ArraySegment<byte>(_buffer, length, _buffer.Length - length), cts.Token);
            length += result.Count;
        }
        while (!result.EndOfMessage);
        if (result.MessageType == WebSocketMessageType.Close) return new LiveMessage(null, -1, null, true);
        if (result.MessageType == WebSocketMessageType.Text)
            return new LiveMessage(JsonDocument.Parse(Encoding.UTF8.GetString(_buffer, 0, length)).RootElement.Clone(), -1, null, false);
        return new LiveMessage(null, BinaryPrimitives.ReadUInt32LittleEndian(_buffer), _buffer.AsSpan(4, length - 4).ToArray(), false);
    }

    /// <summary>Reads until a text message of <paramref name="type"/> arrives, collecting frames on the way.</summary>
    public async Task<JsonElement> WaitForAsync(string type, List<LiveMessage>? seen = null, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < until)
        {
            var m = await ReceiveAsync();
            seen?.Add(m);
            Assert.False(m.Closed, $"socket closed while waiting for '{type}'");
            if (m.Json is { } j && j.GetProperty("type").GetString() == type) return j;
        }
        Assert.Fail($"no '{type}' message");
        return default;
    }

    public Task SendAsync(object message) => socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message),
        WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);

    public Task SendRawAsync(string json) => socket.SendAsync(Encoding.UTF8.GetBytes(json),
        WebSocketMessageType.Text, true, TestContext.Current.CancellationToken);

    public void Dispose() => socket.Dispose();
}

/// <summary>One received message: JSON text, or a binary frame.</summary>
public sealed record LiveMessage(JsonElement? Json, long Sequence, byte[]? Payload, bool Closed)
{
    public string? Type => Json?.GetProperty("type").GetString();

    public bool IsFrame => Payload is not null;

    /// <summary>Largest |sample| of a pcm16 frame.</summary>
    public int PeakPcm16()
    {
        int peak = 0;
        for (int i = 0; i + 1 < Payload!.Length; i += 2) peak = Math.Max(peak, Math.Abs((int)BinaryPrimitives.ReadInt16LittleEndian(Payload.AsSpan(i))));
        return peak;
    }
}
