using System.Buffers.Binary;
using Attune.Engine.Audio;

namespace Attune.Engine.Tests.Audio;

public sealed class OggOpusWriterTests
{
    private readonly record struct Page(byte Flags, long Granule, uint Serial, uint Sequence, byte[][] Packets);

    private static byte[] Encode(float[] left, float[] right, int bitrate = OggOpusWriter.DefaultBitrate)
    {
        var stream = new MemoryStream();
        using (var writer = new OggOpusWriter(stream, bitrate))
        {
            for (int i = 0; i < left.Length; i += AudioFormat.BlockSize)
            {
                int n = Math.Min(AudioFormat.BlockSize, left.Length - i);
                writer.Write(left.AsSpan(i, n), right.AsSpan(i, n));
            }
        }
        return stream.ToArray();
    }

    /// <summary>Independent page walker (no CRC, packets assumed not to span pages, as our writer guarantees).</summary>
    private static List<Page> Pages(byte[] file)
    {
        var pages = new List<Page>();
        int offset = 0;
        while (offset < file.Length)
        {
            ReadOnlySpan<byte> p = file.AsSpan(offset);
            Assert.True(p[..4].SequenceEqual("OggS"u8), $"capture pattern at {offset}");
            Assert.Equal(0, p[4]);
            int segments = p[26];
            var packets = new List<byte[]>();
            int pos = 27 + segments, start = pos;
            for (int i = 0; i < segments; i++)
            {
                pos += p[27 + i];
                if (p[27 + i] < 255)
                {
                    packets.Add(p[start..pos].ToArray());
                    start = pos;
                }
            }
            Assert.Equal(255 > p[27 + segments - 1] ? pos : -1, start); // last segment closes a packet
            pages.Add(new Page(p[5], BinaryPrimitives.ReadInt64LittleEndian(p[6..]), BinaryPrimitives.ReadUInt32LittleEndian(p[14..]),
                BinaryPrimitives.ReadUInt32LittleEndian(p[18..]), [.. packets]));
            offset += pos;
        }
        return pages;
    }

    [Fact]
    public void Round_trip_of_a_440Hz_sine_has_exact_length_and_high_correlation()
    {
        int frames = 3 * 48_000;
        float[] left = SignalMeasure.Sine(frames, 440, 48_000, 0.5);
        float[] right = SignalMeasure.Sine(frames, 440, 48_000, 0.3, phase: 1.0);
        DecodedAudio decoded = OggOpusReader.Read(Encode(left, right));

        Assert.Equal(frames, decoded.FrameCount);
        var (correlation, lag) = SignalMeasure.BestCorrelation(left, decoded.Left, 8);
        Assert.True(correlation > 0.99, $"left correlation {correlation:F4}");
        Assert.Equal(0, lag); // pre-skip removes the encoder delay exactly
        Assert.True(SignalMeasure.BestCorrelation(right, decoded.Right, 8).Correlation > 0.99);
        Assert.InRange(SignalMeasure.FrequencyByZeroCrossings(decoded.Left.AsSpan(4800, 134_400), 48_000), 439.9, 440.1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(959)]
    [InlineData(960)]
    [InlineData(961)]
    [InlineData(48_000 + 17)]
    public void Decoded_length_is_exact_for_any_frame_count(int frames)
    {
        float[] x = SignalMeasure.Sine(frames, 1000, 48_000, 0.25);
        Assert.Equal(frames, OggOpusReader.Read(Encode(x, x)).FrameCount);
    }

    [Fact]
    public void Page_structure_follows_rfc_3533_and_rfc_7845()
    {
        int frames = 2 * 48_000 + 100;
        float[] x = SignalMeasure.Sine(frames, 440, 48_000, 0.5);
        var stream = new MemoryStream();
        int preSkip;
        using (var writer = new OggOpusWriter(stream))
        {
            preSkip = writer.PreSkip;
            writer.Write(x, x);
        }
        List<Page> pages = Pages(stream.ToArray());

        Assert.True(pages.Count >= 4);
        Assert.Equal(0x02, pages[0].Flags);                          // BOS only on the first page
        Assert.Single(pages[0].Packets);
        byte[] head = pages[0].Packets[0];
        Assert.Equal(19, head.Length);
        Assert.Equal("OpusHead"u8.ToArray(), head[..8]);
        Assert.Equal(1, head[8]);                                    // version
        Assert.Equal(2, head[9]);                                    // channels
        Assert.Equal(preSkip, BinaryPrimitives.ReadUInt16LittleEndian(head.AsSpan(10)));
        Assert.InRange(preSkip, 1, 960);
        Assert.Equal(48_000u, BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(12)));
        Assert.Equal(0, head[18]);                                   // mapping family

        Assert.Equal(0, pages[1].Flags);
        Assert.Single(pages[1].Packets);
        byte[] tags = pages[1].Packets[0];
        Assert.Equal("OpusTags"u8.ToArray(), tags[..8]);
        int vendorLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(tags.AsSpan(8));
        Assert.Equal(OggOpusWriter.Vendor, System.Text.Encoding.UTF8.GetString(tags, 12, vendorLength));
        Assert.Equal(0, pages[0].Granule);
        Assert.Equal(0, pages[1].Granule);

        long packets = 0;
        for (int i = 0; i < pages.Count; i++)
        {
            Assert.Equal((uint)i, pages[i].Sequence);
            Assert.Equal(OggOpusWriter.DefaultSerialNumber, pages[i].Serial);
            Assert.Equal(i == pages.Count - 1 ? 0x04 : i == 0 ? 0x02 : 0, pages[i].Flags);
            if (i >= 2)
            {
                packets += pages[i].Packets.Length;
                Assert.True(pages[i].Granule > pages[i - 1].Granule, $"granule not increasing at page {i}");
                if (i < pages.Count - 1)
                    Assert.Equal(packets * 960, pages[i].Granule);  // 20 ms packets
            }
        }
        Assert.Equal(preSkip + frames, pages[^1].Granule);           // end trimming
        Assert.True(packets * 960 >= preSkip + frames);
        Assert.True((packets - 1) * 960 < preSkip + frames);          // no spare packet
    }

    [Fact]
    public void Bitrate_setting_controls_file_size()
    {
        var random = new SeededRandom(3);
        int frames = 48_000;
        var noise = new float[frames];
        for (int i = 0; i < frames; i++) noise[i] = random.NextBipolar() * 0.3f;

        double kbps64 = Encode(noise, noise, 64_000).Length * 8 / 1000.0;
        double kbps128 = Encode(noise, noise).Length * 8 / 1000.0;
        Assert.InRange(kbps64, 50, 80);
        Assert.InRange(kbps128, 105, 150);
    }

    [Fact]
    public void Same_input_encodes_to_identical_bytes()
    {
        float[] x = SignalMeasure.Sine(20_000, 523.25, 48_000, 0.4);
        Assert.Equal(Encode(x, x), Encode(x, x));
    }

    [Fact]
    public void Rejects_bad_arguments()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new OggOpusWriter(new MemoryStream(), bitrate: 1000));
        Assert.Contains("6000..510000", e.Message);
        using var writer = new OggOpusWriter(new MemoryStream());
        Assert.Throws<ArgumentException>(() => writer.Write(new float[4], new float[3]));
    }
}
