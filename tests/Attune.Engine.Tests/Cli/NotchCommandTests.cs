using Attune.Engine.Audio;

namespace Attune.Engine.Tests.Cli;

public class NotchCommandTests
{
    /// <summary>Writes 20 s of 44.1 kHz stereo "music" (white noise plus a 440 Hz tone) as 16-bit WAV.</summary>
    private static string WriteTrack(CliRunner cli)
    {
        string path = cli.PathOf("track.wav");
        const int rate = 44_100, frames = rate * 20;
        var random = new SeededRandom(5);
        using var file = File.Create(path);
        using var w = new BinaryWriter(file);
        w.Write("RIFF"u8); w.Write(36 + frames * 4); w.Write("WAVE"u8);
        w.Write("fmt "u8); w.Write(16); w.Write((short)1); w.Write((short)2); w.Write(rate); w.Write(rate * 4); w.Write((short)4); w.Write((short)16);
        w.Write("data"u8); w.Write(frames * 4);
        for (int i = 0; i < frames; i++)
        {
            double tone = 0.2 * Math.Sin(2 * Math.PI * 440 * i / rate);
            w.Write((short)((0.1 * random.NextBipolar() + tone) * 32767));
            w.Write((short)((0.1 * random.NextBipolar() + tone) * 32767));
        }
        return path;
    }

    [Fact]
    public void Own_music_is_resampled_notched_and_reported()
    {
        using var cli = new CliRunner();
        string track = WriteTrack(cli);
        string output = cli.PathOf("notched.wav");
        var json = cli.RunJson("notch", "--in", track, "--tinnitus-hz", "4000", "--wav-format", "float32", "--out", output, "--json");
        Assert.Equal(44_100, (int)json["in_sample_rate"]!);
        // Measured on the mono mix (L+R)/2: the independent noises add to half their power (2 × 0.01/3 / 4 = 0.00167),
        // the tone keeps its 0.02. The noise's band share is 2829/19980 of its power, so 0.00167 × 0.1416 / 0.02167 ≈ 0.0109.
        double share = (double)json["notch"]!["band_energy_share_before"]!;
        Assert.InRange(share, 0.0109 * 0.85, 0.0109 * 1.15);
        Assert.True((double)json["notch"]!["depth_db_measured"]! >= 40, json.ToJsonString());
        Assert.True((double)json["true_peak_dbtp"]! <= -1 + 0.1);
        Assert.True((double)json["max_short_term_lufs"]! <= -30 + 0.5);
        var wav = WavFileReader.Read(output);
        Assert.Equal(48_000, wav.SampleRate);
        Assert.InRange(wav.FrameCount, 20 * 48_000, 20 * 48_000 + 1024);
    }

    [Fact]
    public void An_unsupported_file_is_one_line_exit_2_and_no_output()
    {
        using var cli = new CliRunner();
        string bogus = cli.PathOf("song.flac");
        File.WriteAllBytes(bogus, "fLaC not really"u8.ToArray());
        var (code, _, err) = cli.Run("notch", "--in", bogus, "--tinnitus-hz", "4000", "--out", cli.PathOf("o.wav"));
        Assert.Equal(2, code);
        Assert.Contains("--in", err);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.False(File.Exists(cli.PathOf("o.wav")));
    }

    [Theory]
    [InlineData("--tinnitus-hz", "20000")]
    [InlineData("--notch-octaves", "1.5")]
    public void Out_of_range_settings_are_rejected(string option, string value)
    {
        using var cli = new CliRunner();
        string track = cli.PathOf("t.wav");
        File.WriteAllBytes(track, [0]);
        string[] args = option == "--tinnitus-hz"
            ? ["notch", "--in", track, option, value, "--out", cli.PathOf("o.wav")]
            : ["notch", "--in", track, "--tinnitus-hz", "4000", option, value, "--out", cli.PathOf("o.wav")];
        var (code, _, err) = cli.Run(args);
        Assert.Equal(2, code);
        Assert.Contains(option, err);
        Assert.False(File.Exists(cli.PathOf("o.wav")));
    }
}
