using System.Buffers.Binary;
using Concentus;
using Concentus.Enums;

namespace Attune.Server.Features.Live;

/// <summary>
/// Encodes one 20 ms frame (960 frames, stereo int16 interleaved) to its wire payload: raw pcm16 LE, or one
/// Opus packet (Concentus, 48 kHz stereo, 96 kbit/s). Pre-allocated; no allocation per frame.
/// </summary>
internal sealed class FrameEncoder
{
    public const int FrameSize = 960;
    public const int PcmBytes = FrameSize * 2 * sizeof(short);
    public const int OpusBitrate = 96_000;
    private const int MaxOpusBytes = 1275; // RFC 6716 §3.2.1: the largest single-frame packet

    private readonly IOpusEncoder? _opus;

    public FrameEncoder(bool opus)
    {
        if (!opus) return;
        // Live audio need not be byte-identical across machines, so a native libopus is welcome when installed.
        _opus = OpusCodecFactory.CreateEncoder(48_000, 2, OpusApplication.OPUS_APPLICATION_AUDIO);
        _opus.Bitrate = OpusBitrate;
    }

    public string Codec => _opus is null ? "pcm16" : "opus";

    /// <summary>Largest payload this codec writes.</summary>
    public int MaxPayloadBytes => _opus is null ? PcmBytes : MaxOpusBytes;

    /// <summary>Writes the payload of <paramref name="interleaved"/> (1920 samples) into <paramref name="destination"/>; returns its length.</summary>
    public int Encode(ReadOnlySpan<short> interleaved, Span<byte> destination)
    {
        if (_opus is null)
        {
            for (int i = 0; i < interleaved.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(destination[(2 * i)..], interleaved[i]);
            return interleaved.Length * 2;
        }
        int bytes = _opus.Encode(interleaved, FrameSize, destination, destination.Length);
        if (bytes < 0) throw new InvalidOperationException($"Opus encoder failed with code {bytes}");
        return bytes;
    }

    /// <summary>Starts a fresh Opus stream (a reconnected browser has a fresh decoder).</summary>
    public void Reset() => _opus?.ResetState();
}
