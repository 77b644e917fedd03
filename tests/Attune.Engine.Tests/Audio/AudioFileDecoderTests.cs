using Attune.Engine.Audio;

namespace Attune.Engine.Tests.Audio;

public sealed class AudioFileDecoderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("attune-decoder-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string TempFile(string name, byte[] content)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static ReadOnlySpan<float> Middle(float[] x) => x.AsSpan(x.Length / 4, x.Length / 2);

    [Fact]
    public void Mp3_mono_44k1_is_decoded_to_48k_stereo()
    {
        DecodedAudio audio = AudioFileDecoder.Decode(AudioFixtures.PathOf("tone1k_44k1_mono.mp3"));

        Assert.Equal(44_100, audio.OriginalSampleRate);
        Assert.Equal(1, audio.OriginalChannels);
        // 1 s of tone plus the encoder's delay and padding (sox reports 46040 frames ≈ 1.044 s).
        Assert.InRange(audio.Duration.TotalSeconds, 1.0, 1.1);
        Assert.Equal(audio.Left, audio.Right);
        Assert.NotSame(audio.Left, audio.Right);
        Assert.InRange(SignalMeasure.FrequencyByZeroCrossings(Middle(audio.Left), 48_000), 999.5, 1000.5);
        var (amplitude, residual) = SignalMeasure.FitSine(Middle(audio.Left), 1000, 48_000);
        Assert.InRange(20 * Math.Log10(amplitude), -6.5, -5.5);
        Assert.True(residual < amplitude * 0.01, $"residual {residual}");
    }

    [Fact]
    public void Ogg_vorbis_stereo_22k05_is_decoded_to_48k()
    {
        DecodedAudio audio = AudioFileDecoder.Decode(AudioFixtures.PathOf("tone440_22k05_stereo.ogg"));

        Assert.Equal(22_050, audio.OriginalSampleRate);
        Assert.Equal(2, audio.OriginalChannels);
        Assert.Equal(48_000, audio.FrameCount); // exactly 1 s: Vorbis carries exact granule positions
        Assert.InRange(SignalMeasure.FrequencyByZeroCrossings(Middle(audio.Right), 48_000), 439.8, 440.2);
        Assert.InRange(20 * Math.Log10(SignalMeasure.FitSine(Middle(audio.Left), 440, 48_000).Amplitude), -6.5, -5.5);
    }

    [Fact]
    public void Ogg_opus_is_recognised_by_its_header_not_its_name()
    {
        string path = TempFile("opus-in-disguise.ogg", File.ReadAllBytes(AudioFixtures.PathOf("ref_opusenc.opus")));
        DecodedAudio audio = AudioFileDecoder.Decode(path);
        Assert.Equal(24_000, audio.FrameCount);
    }

    [Fact]
    public void Wav_at_48k_stereo_passes_through_unchanged()
    {
        float[] l = SignalMeasure.Sine(1000, 300, 48_000, 0.4);
        float[] r = SignalMeasure.Sine(1000, 700, 48_000, 0.2);
        string path = Path.Combine(_dir, "f32.wav");
        using (var writer = new WavFileWriter(path, WavSampleFormat.Float32))
            writer.Write(l, r);

        DecodedAudio audio = AudioFileDecoder.Decode(path);
        Assert.Equal(l, audio.Left);
        Assert.Equal(r, audio.Right);
        Assert.Equal(TimeSpan.FromSeconds(1000 / 48_000.0), audio.Duration);
    }

    [Fact]
    public void Wav_5_1_is_downmixed_without_lfe_and_without_clipping()
    {
        // One frame: FL=1, FR=0, C=1, LFE=1, BL=0, BR=1 as 16-bit PCM (32767 ≈ 1).
        short[] frame = [32767, 0, 32767, 32767, 0, 32767];
        var data = new byte[frame.Length * 2];
        Buffer.BlockCopy(frame, 0, data, 0, data.Length);
        byte[] file = WavFileReaderTests.BuildWav(WavFileReaderTests.Fmt(1, 6, 48_000, 16), data);

        DecodedAudio audio = AudioFileDecoder.Decode(TempFile("surround.wav", file));
        Assert.Equal(6, audio.OriginalChannels);
        float norm = 1f / (1f + 3 * 0.70710677f);
        float one = 32767 / 32768f;
        Assert.Equal((one + 2 * 0.70710677f * one) * norm, audio.Left[0], 1e-6f);
        Assert.Equal((0 + 2 * 0.70710677f * one) * norm, audio.Right[0], 1e-6f);
        Assert.InRange(audio.Left[0], 0f, 1f);
    }

    public static TheoryData<string, byte[]> Unsupported() => new()
    {
        { "empty.wav", [] },
        { "text.mp3", "this is not audio at all, just words"u8.ToArray() },
        { "noise.bin", NoiseBytes(3000) },
        { "truncated.wav", WavFileReaderTests.BuildWav(WavFileReaderTests.Fmt(1, 2, 48_000, 16), new byte[4000])[..1000] },
        { "flac.flac", "fLaC\0\0\0\"\u0010\0\u0010\0"u8.ToArray() },
        { "adpcm.wav", WavFileReaderTests.BuildWav(WavFileReaderTests.Fmt(2, 1, 8000, 4), new byte[16]) },
        { "broken.ogg", "OggS\0\u0002"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(Unsupported))]
    public void Unsupported_or_damaged_files_throw_a_clear_exception(string name, byte[] content)
    {
        string path = TempFile(name, content);
        var e = Assert.Throws<UnsupportedAudioException>(() => AudioFileDecoder.Decode(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("WAV", e.Message);
        Assert.Contains("MP3", e.Message);
        Assert.Contains("OGG Vorbis", e.Message);
        Assert.Contains("Ogg Opus", e.Message);
    }

    [Fact]
    public void Missing_file_throws_unsupported_audio()
    {
        string path = Path.Combine(_dir, "nope.mp3");
        var e = Assert.Throws<UnsupportedAudioException>(() => AudioFileDecoder.Decode(path));
        Assert.Contains("could not be read", e.Message);
    }

    [Theory]
    [InlineData("tone1k_44k1_mono.mp3")]
    [InlineData("tone440_22k05_stereo.ogg")]
    [InlineData("ref_opusenc.opus")]
    public void Damaged_fixtures_either_decode_or_throw_unsupported_audio(string fixture)
    {
        byte[] original = File.ReadAllBytes(AudioFixtures.PathOf(fixture));
        var random = new SeededRandom(29);
        for (int trial = 0; trial < 6; trial++)
        {
            byte[] damaged = original[..random.Next(original.Length)];
            if (trial % 2 == 1 && damaged.Length > 100)
            {
                for (int k = 0; k < 8; k++)
                    damaged[100 + random.Next(damaged.Length - 100)] = (byte)random.Next(256);
            }
            string path = TempFile($"damaged-{trial}{Path.GetExtension(fixture)}", damaged);
            var e = Record.Exception(() => AudioFileDecoder.Decode(path));
            Assert.True(e is null or UnsupportedAudioException, $"{fixture} trial {trial}: {e}");
        }
    }

    private static byte[] NoiseBytes(int n)
    {
        var random = new SeededRandom(5);
        var bytes = new byte[n];
        for (int i = 0; i < n; i++) bytes[i] = (byte)random.Next(256);
        bytes[0] = 0x12; // not a frame sync or magic by chance
        return bytes;
    }
}
