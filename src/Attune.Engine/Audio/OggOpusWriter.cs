using System.Buffers.Binary;
using Concentus;
using Concentus.Enums;

namespace Attune.Engine.Audio;

/// <summary>
/// Encodes 48 kHz stereo to an Ogg Opus file (RFC 7845) in 20 ms packets. The final page's granule
/// position trims the padding of the last frame, so a conforming decoder returns exactly the frames written.
/// </summary>
public sealed class OggOpusWriter : IAudioSink, IDisposable
{
    public const int DefaultBitrate = 128_000;
    public const uint DefaultSerialNumber = 0x4174_746E; // "Attn"

    /// <summary>20 ms at 48 kHz.</summary>
    internal const int FrameSize = 960;
    private const int MaxPacketBytes = 1275; // largest Opus frame (RFC 6716 §3.2.1)
    internal const string Vendor = "Attune (Concentus Opus encoder)";

    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly IOpusEncoder _encoder;
    private readonly OggPageWriter _pages;
    private readonly float[] _interleaved = new float[FrameSize * 2];
    private readonly byte[] _packet = new byte[MaxPacketBytes];
    private readonly int _preSkip;
    private int _filled;
    private long _framesWritten;
    private long _samplesEncoded;
    private bool _disposed;

    public OggOpusWriter(string path, int bitrate = DefaultBitrate, uint serialNumber = DefaultSerialNumber)
        : this(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), bitrate, serialNumber, ownsStream: true)
    {
    }

    public OggOpusWriter(Stream stream, int bitrate = DefaultBitrate, uint serialNumber = DefaultSerialNumber, bool ownsStream = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
            throw new ArgumentException("stream must be writable", nameof(stream));
        if (bitrate is < 6_000 or > 510_000)
            throw new ArgumentOutOfRangeException(nameof(bitrate), bitrate, "bitrate must be within 6000..510000 bit/s");
        _stream = stream;
        _ownsStream = ownsStream;
        _encoder = ManagedOpus.CreateEncoder(OpusApplication.OPUS_APPLICATION_AUDIO);
        _encoder.Bitrate = bitrate;
        _preSkip = _encoder.Lookahead;
        _pages = new OggPageWriter(stream, serialNumber);
        WriteHeaders();
    }

    /// <summary>Samples (at 48 kHz) a decoder discards at the start: the encoder's lookahead.</summary>
    public int PreSkip => _preSkip;

    /// <summary>Stereo frames accepted so far.</summary>
    public long FramesWritten => _framesWritten;

    public void Write(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (left.Length != right.Length)
            throw new ArgumentException($"left ({left.Length}) and right ({right.Length}) must have equal length", nameof(right));
        for (int i = 0; i < left.Length; i++)
        {
            _interleaved[2 * _filled] = left[i];
            _interleaved[2 * _filled + 1] = right[i];
            if (++_filled == FrameSize)
                EncodeFrame();
        }
        _framesWritten += left.Length;
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        try
        {
            // The encoder delays audio by the pre-skip, so feed silence until the last real sample is out.
            long needed = _framesWritten + _preSkip;
            while (_samplesEncoded < needed || _filled > 0)
            {
                _interleaved.AsSpan(2 * _filled).Clear();
                _filled = FrameSize;
                EncodeFrame(needed);
            }
            _pages.FlushPage(endOfStream: true);
            _stream.Flush();
        }
        finally
        {
            if (_ownsStream)
                _stream.Dispose();
        }
    }

    private void EncodeFrame(long endGranule = long.MaxValue)
    {
        int bytes = _encoder.Encode(_interleaved, FrameSize, _packet, _packet.Length);
        if (bytes < 0)
            throw new InvalidOperationException($"Opus encoder failed with code {bytes}");
        _samplesEncoded += FrameSize;
        _filled = 0;
        _pages.AddPacket(_packet.AsSpan(0, bytes), Math.Min(_samplesEncoded, endGranule));
    }

    private void WriteHeaders()
    {
        Span<byte> head = stackalloc byte[19];
        "OpusHead"u8.CopyTo(head);
        head[8] = 1; // version
        head[9] = AudioFormat.Channels;
        BinaryPrimitives.WriteUInt16LittleEndian(head[10..], (ushort)_preSkip);
        BinaryPrimitives.WriteUInt32LittleEndian(head[12..], AudioFormat.SampleRate);
        BinaryPrimitives.WriteInt16LittleEndian(head[16..], 0); // output gain
        head[18] = 0; // channel mapping family 0: mono/stereo
        _pages.AddPacket(head, 0);
        _pages.FlushPage(endOfStream: false);

        ReadOnlySpan<byte> vendor = System.Text.Encoding.UTF8.GetBytes(Vendor);
        ReadOnlySpan<byte> comment = "ENCODER=Attune"u8;
        var tags = new byte[8 + 4 + vendor.Length + 4 + 4 + comment.Length];
        "OpusTags"u8.CopyTo(tags);
        BinaryPrimitives.WriteUInt32LittleEndian(tags.AsSpan(8), (uint)vendor.Length);
        vendor.CopyTo(tags.AsSpan(12));
        int p = 12 + vendor.Length;
        BinaryPrimitives.WriteUInt32LittleEndian(tags.AsSpan(p), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(tags.AsSpan(p + 4), (uint)comment.Length);
        comment.CopyTo(tags.AsSpan(p + 8));
        _pages.AddPacket(tags, 0);
        _pages.FlushPage(endOfStream: false);
    }
}
