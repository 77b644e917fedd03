using Attune.Engine.Audio;

namespace Attune.Engine.Tests.Audio;

public sealed class OggOpusReaderTests
{
    private static byte[] Fixture() => File.ReadAllBytes(AudioFixtures.PathOf("ref_opusenc.opus"));

    [Fact]
    public void Decodes_a_file_written_by_opusenc_to_its_exact_length()
    {
        DecodedAudio audio = OggOpusReader.Read(Fixture());

        Assert.Equal(24_000, audio.FrameCount); // 0.5 s, pre-skip and end trimming applied
        Assert.Equal(48_000, audio.OriginalSampleRate);
        Assert.Equal(2, audio.OriginalChannels);
        Assert.InRange(SignalMeasure.FrequencyByZeroCrossings(audio.Left.AsSpan(2400, 19_200), 48_000), 439.5, 440.5);
        var (amplitude, _) = SignalMeasure.FitSine(audio.Left.AsSpan(2400, 19_200), 440, 48_000);
        Assert.InRange(20 * Math.Log10(amplitude), -6.5, -5.5); // sox's "gain -6"
    }

    [Fact]
    public void Corrupted_payload_fails_the_crc_check()
    {
        byte[] file = Fixture();
        file[^10] ^= 0x55;
        var e = Assert.Throws<InvalidDataException>(() => OggOpusReader.Read(file));
        Assert.Contains("CRC mismatch", e.Message);
    }

    [Fact]
    public void Truncated_file_is_reported()
    {
        byte[] file = Fixture();
        var e = Assert.Throws<InvalidDataException>(() => OggOpusReader.Read(file.AsSpan(0, file.Length - 100)));
        Assert.Contains("truncated page", e.Message);
    }

    [Fact]
    public void Every_truncation_or_corruption_throws_only_invalid_data()
    {
        byte[] file = Fixture();
        var random = new SeededRandom(11);
        for (int trial = 0; trial < 60; trial++)
        {
            byte[] damaged = file[..random.Next(file.Length)];
            if (trial % 2 == 1 && damaged.Length > 0)
                damaged[random.Next(damaged.Length)] ^= (byte)(1 + random.Next(255));
            var e = Record.Exception(() => OggOpusReader.Read(damaged));
            Assert.True(e is null or InvalidDataException, $"trial {trial}: {e}");
        }
    }

    [Fact]
    public void Rejects_a_stream_that_is_not_opus()
    {
        byte[] vorbis = File.ReadAllBytes(AudioFixtures.PathOf("tone440_22k05_stereo.ogg"));
        var e = Assert.Throws<InvalidDataException>(() => OggOpusReader.Read(vorbis));
        Assert.Contains("OpusHead", e.Message);
    }
}
