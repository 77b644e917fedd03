using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;

namespace Attune.Server.Features.Live;

/// <summary>
/// One WebSocket attached to a live session. Everything the server sends goes through one queue in order
/// (the session writes audio frames and state, the receive loop writes errors); one task sends it.
/// </summary>
internal sealed class LiveConnection
{
    private readonly Channel<Outbound> _queue = Channel.CreateUnbounded<Outbound>(new UnboundedChannelOptions { SingleReader = true });
    private long _nextUnsent;

    public LiveConnection(WebSocket socket) => Socket = socket;

    public WebSocket Socket { get; }

    /// <summary>One past the last frame sequence number handed to the socket (0 before the first).</summary>
    public long NextUnsent => Volatile.Read(ref _nextUnsent);

    /// <summary>Frames the session queued and the socket has not taken yet.</summary>
    public long QueuedFrames => Volatile.Read(ref _queuedFrames);
    private long _queuedFrames;

    /// <summary>Where the send loop records how long frames waited (set when the session attaches this socket).</summary>
    public LiveStats? Stats { get; set; }

    public bool SendText(string json) => _queue.Writer.TryWrite(new Outbound(json, null, 0, 0, 0));

    /// <summary>Queues a frame whose wire bytes (header + payload) live in a slot that is not reused until sent.</summary>
    public bool SendFrame(byte[] slot, int length, long sequence)
    {
        if (!_queue.Writer.TryWrite(new Outbound(null, slot, length, sequence, Stopwatch.GetTimestamp()))) return false;
        Interlocked.Increment(ref _queuedFrames);
        return true;
    }

    /// <summary>Cancelled a while after <see cref="Complete"/>, so a peer that never answers the close cannot hold the request.</summary>
    public CancellationTokenSource Closing { get; } = new();

    /// <summary>No more messages: the send loop sends what is queued, then closes the socket.</summary>
    public void Complete()
    {
        if (!_queue.Writer.TryComplete()) return;
        try { Closing.CancelAfter(TimeSpan.FromSeconds(5)); }
        catch (ObjectDisposedException) { /* the request already finished */ }
    }

    public async Task SendLoopAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var item in _queue.Reader.ReadAllAsync(ct))
            {
                if (Socket.State != WebSocketState.Open) continue;
                if (item.Text is not null)
                {
                    await Socket.SendAsync(Encoding.UTF8.GetBytes(item.Text), WebSocketMessageType.Text, true, ct);
                }
                else
                {
                    await Socket.SendAsync(item.Slot.AsMemory(0, item.Length), WebSocketMessageType.Binary, true, ct);
                    Interlocked.Decrement(ref _queuedFrames);
                    Stats?.AddSendWait(Stopwatch.GetTimestamp() - item.QueuedTicks);
                    Volatile.Write(ref _nextUnsent, item.Sequence + 1);
                }
            }
            if (Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "session ended", ct);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer went away; the receive loop notices and detaches.
        }
    }

    /// <summary>The sequence number in a frame's first four bytes.</summary>
    public static void WriteHeader(Span<byte> slot, long sequence) => BinaryPrimitives.WriteUInt32LittleEndian(slot, (uint)sequence);

    private readonly record struct Outbound(string? Text, byte[]? Slot, int Length, long Sequence, long QueuedTicks);
}
