using System.Buffers.Binary;
using Attune.Engine.Audio;

namespace Attune.Engine.Tests.Audio;

public sealed class WavFileWriterTests
{
    private static byte[] Write(WavSampleFormat format, float[] left, float[] right, SeededRandom? dither = null)
    {
        var stream = new MemoryStream();
        using (var writer = new WavFileWriter(stream, format, dither))
        {
            // Odd block sizes exercise the chunking of the reusable byte buffer.
            for (int i = 0; i < left.Length; i += 1000)
            {
                int n = Math.Min(1000, left.Length - i);
                writer.Write(left.AsSpan(i, n), right.AsSpan(i, n));
            }
        }
        return stream.ToArray();
    }

    private static (float[] Left, float[] Right) TestSignal(int frames)
    {
        var random = new SeededRandom(7);
        var left = new float[frames];
        var right = new float[frames];
        for (int i = 0; i < frames; i++)
        {
            left[i] = 0.9f * MathF.Sin(2 * MathF.PI * 440 * i / 48_000f);
            right[i] = random.NextBipolar() * 0.5f;
        }
        return (left, right);
    }

    [Fact]
    public void Pcm16_header_matches_the_riff_spec_byte_by_byte()
    {
        var (l, r) = TestSignal(10_001);
        byte[] file = Write(WavSampleFormat.Pcm16, l, r);

        Assert.Equal(44 + 10_001 * 4, file.Length);
        Assert.Equal("RIFF"u8.ToArray(), file[0..4]);
        Assert.Equal((uint)(file.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(4)));
        Assert.Equal("WAVEfmt "u8.ToArray(), file[8..16]);
        Assert.Equal(16u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(16)));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(20)));         // WAVE_FORMAT_PCM
        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(22)));         // channels
        Assert.Equal(48_000u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(24)));   // sample rate
        Assert.Equal(192_000u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(28)));  // byte rate
        Assert.Equal(4, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(32)));         // block align
        Assert.Equal(16, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(34)));        // bits
        Assert.Equal("data"u8.ToArray(), file[36..40]);
        Assert.Equal(10_001u * 4, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(40)));
    }

    [Fact]
    public void Float32_header_matches_the_riff_spec_byte_by_byte()
    {
        var (l, r) = TestSignal(333);
        byte[] file = Write(WavSampleFormat.Float32, l, r);

        Assert.Equal(58 + 333 * 8, file.Length);
        Assert.Equal("RIFF"u8.ToArray(), file[0..4]);
        Assert.Equal((uint)(file.Length - 8), BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(4)));
        Assert.Equal("WAVEfmt "u8.ToArray(), file[8..16]);
        Assert.Equal(18u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(16)));
        Assert.Equal(3, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(20)));         // WAVE_FORMAT_IEEE_FLOAT
        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(22)));
        Assert.Equal(48_000u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(24)));
        Assert.Equal(384_000u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(28)));
        Assert.Equal(8, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(32)));
        Assert.Equal(32, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(34)));
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(36)));         // cbSize
        Assert.Equal("fact"u8.ToArray(), file[38..42]);
        Assert.Equal(4u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(42)));
        Assert.Equal(333u, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(46)));      // sample frames
        Assert.Equal("data"u8.ToArray(), file[50..54]);
        Assert.Equal(333u * 8, BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(54)));
    }

    [Fact]
    public void Float32_round_trip_is_bit_exact()
    {
        var (l, r) = TestSignal(48_000);
        l[5] = 3.5f; // out-of-range values are kept as they are in float files
        WavAudio read = WavFileReader.Read(new MemoryStream(Write(WavSampleFormat.Float32, l, r)));

        Assert.True(read.IsFloat);
        Assert.Equal(48_000, read.SampleRate);
        Assert.Equal(l, read.Channels[0]);
        Assert.Equal(r, read.Channels[1]);
    }

    [Fact]
    public void Pcm16_round_trip_is_within_one_lsb_plus_dither()
    {
        var (l, r) = TestSignal(48_000);
        WavAudio read = WavFileReader.Read(new MemoryStream(Write(WavSampleFormat.Pcm16, l, r)));

        Assert.Equal(16, read.BitsPerSample);
        const float lsb = 1f / 32768;
        double errorPower = 0;
        for (int i = 0; i < l.Length; i++)
        {
            Assert.InRange(read.Channels[0][i] - l[i], -1.5f * lsb, 1.5f * lsb);
            Assert.InRange(read.Channels[1][i] - r[i], -1.5f * lsb, 1.5f * lsb);
            errorPower += Math.Pow((read.Channels[0][i] - l[i]) / lsb, 2);
        }
        // TPDF dither plus rounding: error variance 1/6 + 1/12 = 0.25 LSB².
        Assert.InRange(errorPower / l.Length, 0.2, 0.3);
    }

    [Fact]
    public void Pcm16_clamps_out_of_range_samples()
    {
        float[] l = [1.5f, -2f, 1f, float.NaN];
        float[] r = [-1.5f, 2f, -1f, 0f];
        WavAudio read = WavFileReader.Read(new MemoryStream(Write(WavSampleFormat.Pcm16, l, r)));

        Assert.Equal(32767 / 32768f, read.Channels[0][0]);
        Assert.Equal(-1f, read.Channels[0][1]);
        Assert.InRange(read.Channels[0][2], 32766 / 32768f, 32767 / 32768f);
        Assert.Equal(0f, read.Channels[0][3]);
        Assert.Equal(-1f, read.Channels[1][0]);
        Assert.Equal(32767 / 32768f, read.Channels[1][1]);
    }

    [Fact]
    public void Dither_is_reproducible_from_its_seed_and_differs_between_seeds()
    {
        var (l, r) = TestSignal(2000);
        byte[] a = Write(WavSampleFormat.Pcm16, l, r, new SeededRandom(1));
        byte[] b = Write(WavSampleFormat.Pcm16, l, r, new SeededRandom(1));
        byte[] c = Write(WavSampleFormat.Pcm16, l, r, new SeededRandom(2));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void File_path_constructor_writes_a_readable_file()
    {
        string path = Path.Combine(Path.GetTempPath(), $"attune-wav-{Environment.ProcessId}-{Guid.NewGuid():N}.wav");
        try
        {
            var (l, r) = TestSignal(4800);
            using (var writer = new WavFileWriter(path, WavSampleFormat.Float32))
                writer.Write(l, r);
            WavAudio read = WavFileReader.Read(path);
            Assert.Equal(4800, read.FrameCount);
            Assert.Equal(r, read.Channels[1]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Rejects_bad_arguments()
    {
        Assert.Throws<ArgumentException>(() => new WavFileWriter(new NonSeekableStream(), WavSampleFormat.Pcm16));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WavFileWriter(new MemoryStream(), (WavSampleFormat)7));
        using var writer = new WavFileWriter(new MemoryStream(), WavSampleFormat.Pcm16);
        var e = Assert.Throws<ArgumentException>(() => writer.Write(new float[3], new float[2]));
        Assert.Equal("right", e.ParamName);
    }

    [Fact]
    public void Writing_blocks_allocates_nothing()
    {
        var (l, r) = TestSignal(AudioFormat.BlockSize);
        using var writer = new WavFileWriter(new MemoryStream(4 << 20), WavSampleFormat.Pcm16);
        for (int i = 0; i < 10; i++) writer.Write(l, r);
        Assert.Equal(0, Allocation.LeastOfTwo(() =>
        {
            for (int i = 0; i < 1000; i++) writer.Write(l, r);
        }));
    }

    private sealed class NonSeekableStream : MemoryStream
    {
        public override bool CanSeek => false;
    }
}
