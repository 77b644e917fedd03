using System.Buffers.Binary;
using Attune.Engine.Audio;

namespace Attune.Engine.Tests.Audio;

public sealed class WavFileReaderTests
{
    /// <summary>Builds a RIFF/WAVE file from a 'fmt ' body, optional extra chunks before 'data', and raw data.</summary>
    internal static byte[] BuildWav(byte[] fmt, byte[] data, params (string Id, byte[] Body)[] extraChunks)
    {
        var chunks = new MemoryStream();
        void Chunk(string id, byte[] body)
        {
            chunks.Write(System.Text.Encoding.ASCII.GetBytes(id));
            Span<byte> size = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)body.Length);
            chunks.Write(size);
            chunks.Write(body);
            if (body.Length % 2 == 1) chunks.WriteByte(0);
        }
        Chunk("fmt ", fmt);
        foreach (var (id, body) in extraChunks) Chunk(id, body);
        Chunk("data", data);
        byte[] inner = chunks.ToArray();
        var file = new byte[12 + inner.Length];
        "RIFF"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(4 + inner.Length));
        "WAVE"u8.CopyTo(file.AsSpan(8));
        inner.CopyTo(file, 12);
        return file;
    }

    internal static byte[] Fmt(int tag, int channels, int rate, int bits, bool extensible = false)
    {
        var f = new byte[extensible ? 40 : 16];
        int blockAlign = channels * bits / 8;
        BinaryPrimitives.WriteUInt16LittleEndian(f, (ushort)(extensible ? 0xFFFE : tag));
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(4), (uint)rate);
        BinaryPrimitives.WriteUInt32LittleEndian(f.AsSpan(8), (uint)(rate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(12), (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(14), (ushort)bits);
        if (extensible)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(16), 22);
            BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(18), (ushort)bits);
            BinaryPrimitives.WriteUInt16LittleEndian(f.AsSpan(24), (ushort)tag);
            // Rest of KSDATAFORMAT_SUBTYPE GUID: 00000000-0010-0080-00aa00389b71.
            byte[] tail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
            tail.CopyTo(f, 26);
        }
        return f;
    }

    private static WavAudio Read(byte[] file) => WavFileReader.Read(new MemoryStream(file));

    [Fact]
    public void Reads_24_bit_pcm_with_sign_extension()
    {
        byte[] data = [0x00, 0x00, 0x40, /**/ 0x00, 0x00, 0xC0, /**/ 0xFF, 0xFF, 0x7F, /**/ 0x00, 0x00, 0x80];
        WavAudio wav = Read(BuildWav(Fmt(1, 2, 44_100, 24), data));

        Assert.Equal(44_100, wav.SampleRate);
        Assert.Equal(24, wav.BitsPerSample);
        Assert.Equal([0.5f, 8388607 / 8388608f], wav.Channels[0]);
        Assert.Equal([-0.5f, -1f], wav.Channels[1]);
    }

    [Fact]
    public void Reads_32_bit_integer_8_bit_and_64_bit_float()
    {
        var int32 = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(int32, int.MinValue);
        BinaryPrimitives.WriteInt32LittleEndian(int32.AsSpan(4), 1 << 30);
        Assert.Equal([-1f, 0.5f], Read(BuildWav(Fmt(1, 1, 8000, 32), int32)).Channels[0]);

        Assert.Equal([-1f, 0f, 0.5f], Read(BuildWav(Fmt(1, 1, 8000, 8), [0, 128, 192])).Channels[0]);

        var f64 = new byte[16];
        BinaryPrimitives.WriteDoubleLittleEndian(f64, 0.25);
        BinaryPrimitives.WriteDoubleLittleEndian(f64.AsSpan(8), -0.75);
        Assert.Equal([0.25f, -0.75f], Read(BuildWav(Fmt(3, 1, 96_000, 64), f64)).Channels[0]);
    }

    [Fact]
    public void Reads_extensible_float_and_skips_unknown_chunks_with_padding()
    {
        var data = new byte[3 * 4 * 2];
        for (int i = 0; i < 6; i++)
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(4 * i), i * 0.1f);
        byte[] file = BuildWav(Fmt(3, 3, 48_000, 32, extensible: true), data, ("LIST", new byte[7]), ("junk", new byte[12]));
        WavAudio wav = Read(file);

        Assert.True(wav.IsFloat);
        Assert.Equal(3, wav.Channels.Length);
        Assert.Equal([0f, 0.3f], wav.Channels[0]);
        Assert.Equal([0.2f, 0.5f], wav.Channels[2]);
    }

    [Fact]
    public void Extensible_pcm_is_read_as_integer()
    {
        byte[] data = [0x00, 0x40, 0x00, 0xC0];
        WavAudio wav = Read(BuildWav(Fmt(1, 2, 48_000, 16, extensible: true), data));
        Assert.False(wav.IsFloat);
        Assert.Equal([0.5f], wav.Channels[0]);
        Assert.Equal([-0.5f], wav.Channels[1]);
    }

    public static TheoryData<string, byte[], string> Malformed()
    {
        byte[] good = BuildWav(Fmt(1, 2, 48_000, 16), new byte[400]);
        byte[] notWave = (byte[])good.Clone();
        "AVI "u8.CopyTo(notWave.AsSpan(8));
        byte[] noFmt = BuildWav(Fmt(1, 2, 48_000, 16), new byte[4]);
        "xxxx"u8.CopyTo(noFmt.AsSpan(12));
        return new TheoryData<string, byte[], string>
        {
            { "empty", [], "shorter than the 12-byte RIFF header" },
            { "not RIFF", "RIFX\0\0\0\0WAVE"u8.ToArray(), "not a RIFF/WAVE file" },
            { "not WAVE", notWave, "not a RIFF/WAVE file" },
            { "data before fmt", noFmt, "'data' chunk precedes the 'fmt ' chunk" },
            { "no chunks", "RIFF\u0004\0\0\0WAVE"u8.ToArray(), "no 'fmt ' chunk found" },
            { "truncated data", good[..300], "truncated file" },
            { "adpcm", BuildWav(Fmt(2, 2, 48_000, 4), new byte[8]), "unsupported encoding (format tag 2" },
            { "pcm 12-bit", BuildWav(Fmt(1, 1, 48_000, 12), new byte[8]), "unsupported encoding" },
            { "zero channels", BuildWav(Fmt(1, 0, 48_000, 16), new byte[8]), "channel count 0" },
            { "silly rate", BuildWav(Fmt(1, 1, 5, 16), new byte[8]), "sample rate 5 Hz" },
            { "header only", good[..36], "no 'data' chunk" },
        };
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_files_throw_invalid_data_with_a_clear_message(string name, byte[] file, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => Read(file));
        Assert.True(e.Message.Contains(expected, StringComparison.Ordinal), $"{name}: '{e.Message}'");
        Assert.StartsWith("WAV:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncations_of_a_valid_file_throw_only_invalid_data()
    {
        byte[] good = BuildWav(Fmt(1, 2, 48_000, 24), new byte[60], ("LIST", new byte[5]));
        for (int length = 0; length < good.Length; length++)
        {
            byte[] cut = good[..length];
            var e = Record.Exception(() => Read(cut));
            Assert.True(e is InvalidDataException, $"length {length}: {e?.GetType().Name}");
        }
    }
}
