using System.Buffers.Binary;

namespace Attune.Engine.Audio;

/// <summary>
/// Reads RIFF/WAVE files: PCM 8/16/24/32-bit integer and 32/64-bit float, plain or WAVE_FORMAT_EXTENSIBLE,
/// any channel count and rate. Unknown chunks are skipped; malformed files throw <see cref="InvalidDataException"/>.
/// </summary>
public static class WavFileReader
{
    private const int FormatPcm = 1;
    private const int FormatIeeeFloat = 3;
    private const int FormatExtensible = 0xFFFE;
    private const int ChunkBytes = 1 << 16;

    public static WavAudio Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Read(stream);
    }

    public static WavAudio Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> h = stackalloc byte[12];
        if (!TryFill(stream, h))
            throw new InvalidDataException("WAV: file shorter than the 12-byte RIFF header");
        if (!h[..4].SequenceEqual("RIFF"u8) || !h[8..12].SequenceEqual("WAVE"u8))
            throw new InvalidDataException("WAV: not a RIFF/WAVE file (missing 'RIFF' or 'WAVE' tag)");

        Format? format = null;
        Span<byte> chunkHeader = stackalloc byte[8];
        while (true)
        {
            if (!TryFill(stream, chunkHeader))
                throw new InvalidDataException(format is null ? "WAV: no 'fmt ' chunk found" : "WAV: no 'data' chunk found");
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader[4..]);
            if (chunkHeader[..4].SequenceEqual("fmt "u8))
            {
                if (size is < 16 or > 1024)
                    throw new InvalidDataException($"WAV: 'fmt ' chunk size {size} is outside 16..1024");
                var fmt = new byte[size + (size & 1)];
                if (!TryFill(stream, fmt))
                    throw new InvalidDataException("WAV: truncated 'fmt ' chunk");
                format = ParseFormat(fmt.AsSpan(0, (int)size));
            }
            else if (chunkHeader[..4].SequenceEqual("data"u8))
            {
                if (format is null)
                    throw new InvalidDataException("WAV: 'data' chunk precedes the 'fmt ' chunk");
                return ReadData(stream, format.Value, size);
            }
            else
            {
                Skip(stream, size + (size & 1));
            }
        }
    }

    private readonly record struct Format(int Channels, int SampleRate, int Bits, bool IsFloat, int BlockAlign);

    private static Format ParseFormat(ReadOnlySpan<byte> f)
    {
        int tag = BinaryPrimitives.ReadUInt16LittleEndian(f);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(f[2..]);
        uint rate = BinaryPrimitives.ReadUInt32LittleEndian(f[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(f[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(f[14..]);
        if (tag == FormatExtensible)
        {
            if (f.Length < 40)
                throw new InvalidDataException($"WAV: WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk is {f.Length} bytes, needs 40");
            tag = BinaryPrimitives.ReadUInt16LittleEndian(f[24..]); // first two bytes of the SubFormat GUID
        }
        if (channels is < 1 or > 64)
            throw new InvalidDataException($"WAV: channel count {channels} is outside 1..64");
        if (rate is < 1000 or > 768_000)
            throw new InvalidDataException($"WAV: sample rate {rate} Hz is outside 1000..768000");
        bool isFloat = tag == FormatIeeeFloat;
        if (tag == FormatPcm ? bits is not (8 or 16 or 24 or 32) : !isFloat || bits is not (32 or 64))
            throw new InvalidDataException($"WAV: unsupported encoding (format tag {tag}, {bits} bits); supported: PCM 8/16/24/32-bit, IEEE float 32/64-bit");
        if (blockAlign != channels * bits / 8)
            throw new InvalidDataException($"WAV: block align {blockAlign} does not match {channels} channels × {bits} bits");
        return new Format(channels, (int)rate, bits, isFloat, blockAlign);
    }

    private static WavAudio ReadData(Stream stream, Format format, uint declaredSize)
    {
        long remaining = stream.CanSeek ? stream.Length - stream.Position : long.MaxValue;
        long size = declaredSize;
        if (declaredSize is 0 or uint.MaxValue) // streaming writers leave the size unset: read to the end
        {
            if (!stream.CanSeek)
                throw new InvalidDataException("WAV: 'data' chunk size is unset and the stream is not seekable");
            size = remaining;
        }
        else if (size > remaining)
        {
            throw new InvalidDataException($"WAV: truncated file: 'data' chunk declares {declaredSize} bytes but only {remaining} remain");
        }
        long frames = size / format.BlockAlign;
        if (frames > int.MaxValue)
            throw new InvalidDataException($"WAV: {frames} frames exceed the supported maximum of {int.MaxValue}");
        var channels = new float[format.Channels][];
        for (int c = 0; c < channels.Length; c++)
            channels[c] = new float[frames];

        int bytesPerSample = format.Bits / 8;
        int framesPerChunk = Math.Max(1, ChunkBytes / format.BlockAlign);
        var buffer = new byte[framesPerChunk * format.BlockAlign];
        long frame = 0;
        while (frame < frames)
        {
            int n = (int)Math.Min(framesPerChunk, frames - frame);
            Span<byte> bytes = buffer.AsSpan(0, n * format.BlockAlign);
            if (!TryFill(stream, bytes))
                throw new InvalidDataException($"WAV: truncated 'data' chunk after {frame} of {frames} frames");
            for (int i = 0; i < n; i++)
            {
                for (int c = 0; c < format.Channels; c++)
                {
                    ReadOnlySpan<byte> s = bytes.Slice(i * format.BlockAlign + c * bytesPerSample, bytesPerSample);
                    channels[c][frame + i] = Decode(s, format);
                }
            }
            frame += n;
        }
        return new WavAudio(channels, format.SampleRate, format.Bits, format.IsFloat);
    }

    private static float Decode(ReadOnlySpan<byte> s, Format format) => (format.Bits, format.IsFloat) switch
    {
        (32, true) => BinaryPrimitives.ReadSingleLittleEndian(s),
        (64, true) => (float)BinaryPrimitives.ReadDoubleLittleEndian(s),
        (8, _) => (s[0] - 128) / 128f,
        (16, _) => BinaryPrimitives.ReadInt16LittleEndian(s) / 32768f,
        (24, _) => (((s[2] << 24) | (s[1] << 16) | (s[0] << 8)) >> 8) / 8388608f,
        _ => (float)(BinaryPrimitives.ReadInt32LittleEndian(s) / 2147483648.0),
    };

    private static bool TryFill(Stream stream, Span<byte> buffer)
    {
        int read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return read == buffer.Length;
    }

    private static void Skip(Stream stream, long count)
    {
        if (stream.CanSeek)
        {
            if (stream.Position + count > stream.Length)
                throw new InvalidDataException("WAV: a chunk extends past the end of the file before 'data' was found");
            stream.Seek(count, SeekOrigin.Current);
            return;
        }
        Span<byte> scratch = stackalloc byte[4096];
        while (count > 0)
        {
            int n = (int)Math.Min(count, scratch.Length);
            if (!TryFill(stream, scratch[..n]))
                throw new InvalidDataException("WAV: a chunk extends past the end of the file before 'data' was found");
            count -= n;
        }
    }
}
