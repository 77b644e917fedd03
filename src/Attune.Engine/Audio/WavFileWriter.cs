using System.Buffers.Binary;

namespace Attune.Engine.Audio;

/// <summary>
/// Writes 48 kHz stereo WAV. PCM16 is TPDF-dithered (±1 LSB triangular) and clamped; Float32 is stored
/// bit-exact as WAVE_FORMAT_IEEE_FLOAT with a fact chunk. RIFF sizes are patched on <see cref="Dispose"/>.
/// </summary>
public sealed class WavFileWriter : IAudioSink, IDisposable
{
    public const ulong DefaultDitherSeed = 0xD17E_12;

    private const int ChunkFrames = 4096;
    private const int FormatPcm = 1;
    private const int FormatIeeeFloat = 3;

    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly WavSampleFormat _format;
    private readonly SeededRandom _dither;
    private readonly byte[] _buffer;
    private readonly int _bytesPerFrame;
    private readonly long _start;
    private readonly int _headerBytes;
    private long _frames;
    private bool _disposed;

    public WavFileWriter(string path, WavSampleFormat format, SeededRandom? ditherRandom = null)
        : this(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), format, ditherRandom, ownsStream: true)
    {
    }

    /// <param name="stream">A writable, seekable stream positioned where the file starts.</param>
    public WavFileWriter(Stream stream, WavSampleFormat format, SeededRandom? ditherRandom = null, bool ownsStream = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite || !stream.CanSeek)
            throw new ArgumentException("stream must be writable and seekable (the header is patched on Dispose)", nameof(stream));
        if (format is not (WavSampleFormat.Pcm16 or WavSampleFormat.Float32))
            throw new ArgumentOutOfRangeException(nameof(format), format, "format must be Pcm16 or Float32");
        _stream = stream;
        _ownsStream = ownsStream;
        _format = format;
        _dither = ditherRandom ?? new SeededRandom(DefaultDitherSeed);
        _bytesPerFrame = format == WavSampleFormat.Pcm16 ? 4 : 8;
        _buffer = new byte[ChunkFrames * _bytesPerFrame];
        _start = stream.Position;
        _headerBytes = format == WavSampleFormat.Pcm16 ? 44 : 58;
        WriteHeader();
    }

    public long FramesWritten => _frames;

    public void Write(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (left.Length != right.Length)
            throw new ArgumentException($"left ({left.Length}) and right ({right.Length}) must have equal length", nameof(right));
        while (left.Length > 0)
        {
            int n = Math.Min(left.Length, ChunkFrames);
            Span<byte> bytes = _buffer.AsSpan(0, n * _bytesPerFrame);
            if (_format == WavSampleFormat.Pcm16)
            {
                for (int i = 0; i < n; i++)
                {
                    BinaryPrimitives.WriteInt16LittleEndian(bytes[(4 * i)..], ToPcm16(left[i]));
                    BinaryPrimitives.WriteInt16LittleEndian(bytes[(4 * i + 2)..], ToPcm16(right[i]));
                }
            }
            else
            {
                for (int i = 0; i < n; i++)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(bytes[(8 * i)..], left[i]);
                    BinaryPrimitives.WriteSingleLittleEndian(bytes[(8 * i + 4)..], right[i]);
                }
            }
            _stream.Write(bytes);
            _frames += n;
            left = left[n..];
            right = right[n..];
        }
    }

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        try
        {
            long end = _stream.Position;
            _stream.Position = _start;
            WriteHeader();
            _stream.Position = end;
            _stream.Flush();
        }
        finally
        {
            if (_ownsStream)
                _stream.Dispose();
        }
    }

    private short ToPcm16(float sample)
    {
        // TPDF dither: difference of two uniform variables spans ±1 LSB with a triangular density.
        double tpdf = _dither.NextDouble() - _dither.NextDouble();
        double scaled = Math.Round(sample * 32768.0 + tpdf);
        if (double.IsNaN(scaled)) return 0;
        return (short)Math.Clamp(scaled, short.MinValue, short.MaxValue);
    }

    private void WriteHeader()
    {
        Span<byte> h = stackalloc byte[58];
        bool pcm = _format == WavSampleFormat.Pcm16;
        int bits = pcm ? 16 : 32;
        long dataBytes = _frames * _bytesPerFrame;
        uint riffSize = (uint)Math.Min(uint.MaxValue, _headerBytes - 8 + dataBytes);
        "RIFF"u8.CopyTo(h);
        BinaryPrimitives.WriteUInt32LittleEndian(h[4..], riffSize);
        "WAVE"u8.CopyTo(h[8..]);
        "fmt "u8.CopyTo(h[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[16..], pcm ? 16u : 18u);
        BinaryPrimitives.WriteUInt16LittleEndian(h[20..], (ushort)(pcm ? FormatPcm : FormatIeeeFloat));
        BinaryPrimitives.WriteUInt16LittleEndian(h[22..], AudioFormat.Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(h[24..], AudioFormat.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(h[28..], (uint)(AudioFormat.SampleRate * _bytesPerFrame));
        BinaryPrimitives.WriteUInt16LittleEndian(h[32..], (ushort)_bytesPerFrame);
        BinaryPrimitives.WriteUInt16LittleEndian(h[34..], (ushort)bits);
        int p = 36;
        if (!pcm)
        {
            // Non-PCM formats carry cbSize and a fact chunk with the frame count (Microsoft RIFF spec, 1991).
            BinaryPrimitives.WriteUInt16LittleEndian(h[36..], 0);
            "fact"u8.CopyTo(h[38..]);
            BinaryPrimitives.WriteUInt32LittleEndian(h[42..], 4);
            BinaryPrimitives.WriteUInt32LittleEndian(h[46..], (uint)Math.Min(uint.MaxValue, _frames));
            p = 50;
        }
        "data"u8.CopyTo(h[p..]);
        BinaryPrimitives.WriteUInt32LittleEndian(h[(p + 4)..], (uint)Math.Min(uint.MaxValue, dataBytes));
        _stream.Write(h[..(p + 8)]);
    }
}
