using Attune.Engine.Audio;

namespace Attune.Engine.Tests.Cli;

public class RenderCommandTests
{
    [Theory]
    [InlineData("--mode", "jazz", "--mode")]
    [InlineData("--tinnitus-hz", "100", "--tinnitus-hz")]
    [InlineData("--tinnitus-hz", "17000", "--tinnitus-hz")]
    [InlineData("--notch-octaves", "2", "--notch-octaves")]
    [InlineData("--notch-octaves", "0.1", "--notch-octaves")]
    [InlineData("--minutes", "-1", "--minutes")]
    [InlineData("--minutes", "0", "--minutes")]
    [InlineData("--max-lufs", "-5", "--max-lufs")]
    [InlineData("--ceiling-dbtp", "0", "--ceiling-dbtp")]
    [InlineData("--level-db-sl", "45", "--level-db-sl")]
    [InlineData("--color", "purple", "--color")]
    [InlineData("--wav-format", "mp3", "--wav-format")]
    public void Bad_input_is_one_line_naming_the_option_exit_2_and_no_file(string option, string value, string named)
    {
        using var cli = new CliRunner();
        var (code, _, err) = cli.Run("render", "--mode", "noise", "--minutes", "0.05", option, value, "--out", cli.PathOf("x.wav"));
        Assert.Equal(2, code);
        Assert.Contains(named, err);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.Empty(cli.Files());
    }

    [Fact]
    public void Noise_level_above_the_generator_maximum_is_rejected()
    {
        using var cli = new CliRunner();
        var (code, _, err) = cli.Run("render", "--mode", "noise", "--threshold-dbfs", "-30", "--level-db-sl", "30", "--out", cli.PathOf("x.wav"));
        Assert.Equal(2, code);
        Assert.Contains("--level-db-sl", err);
        Assert.Empty(cli.Files());
    }

    [Fact]
    public void Coordinated_reset_needs_the_tinnitus_frequency()
    {
        using var cli = new CliRunner();
        var (code, _, err) = cli.Run("render", "--mode", "cr", "--out", cli.PathOf("cr.wav"));
        Assert.Equal(2, code);
        Assert.Contains("--tinnitus-hz", err);
        Assert.Empty(cli.Files());
    }

    [Fact]
    public void Unsupported_output_extension_is_rejected()
    {
        using var cli = new CliRunner();
        var (code, _, err) = cli.Run("render", "--mode", "noise", "--out", cli.PathOf("x.mp3"));
        Assert.Equal(2, code);
        Assert.Contains("--out", err);
        Assert.Empty(cli.Files());
    }

    [Fact]
    public void Notched_noise_render_honours_safety_limits_and_reports_a_deep_notch()
    {
        using var cli = new CliRunner();
        string path = cli.PathOf("noise.wav");
        var json = cli.RunJson("render", "--mode", "noise", "--color", "pink", "--tinnitus-hz", "4000", "--minutes", "0.5",
            "--level-db-sl", "30", "--threshold-dbfs", "-40", "--wav-format", "float32", "--out", path, "--json");
        Assert.Equal("noise", (string?)json["mode"]);
        Assert.Equal(30.0, (double)json["duration_s"]!, 2);
        Assert.True((double)json["true_peak_dbtp"]! <= -1.0 + 0.1);
        Assert.True((double)json["max_short_term_lufs"]! <= -30 + 0.5);
        Assert.True((double)json["notch"]!["depth_db_measured"]! >= 40, json.ToJsonString());
        var wav = WavFileReader.Read(path);
        Assert.Equal(48000, wav.SampleRate);
        Assert.Equal(2, wav.Channels.Length);
        Assert.True(wav.IsFloat);
        Assert.Equal(30 * 48000, wav.FrameCount);
    }

    [Fact]
    public void Loud_request_is_held_to_the_loudness_maximum()
    {
        using var cli = new CliRunner();
        var json = cli.RunJson("render", "--mode", "noise", "--color", "white", "--minutes", "0.3",
            "--level-db-sl", "30", "--threshold-dbfs", "-40", "--max-lufs", "-40", "--out", cli.PathOf("loud.wav"), "--json");
        Assert.True((double)json["max_short_term_lufs"]! <= -40 + 0.5, json.ToJsonString());
        Assert.Contains(json["safety_events"]!.AsArray(), e => ((string?)e!["kind"])!.Contains("loudness", StringComparison.Ordinal));
    }

    [Fact]
    public void Same_seed_gives_identical_files_and_another_seed_differs()
    {
        using var cli = new CliRunner();
        foreach (var (name, seed) in new[] { ("a.wav", "7"), ("b.wav", "7"), ("c.wav", "8") })
            Assert.Equal(0, cli.Run("render", "--mode", "fractal", "--minutes", "0.2", "--seed", seed, "--out", cli.PathOf(name)).Code);
        byte[] a = File.ReadAllBytes(cli.PathOf("a.wav"));
        Assert.Equal(a, File.ReadAllBytes(cli.PathOf("b.wav")));
        Assert.NotEqual(a, File.ReadAllBytes(cli.PathOf("c.wav")));
    }

    [Fact]
    public void Opus_output_is_checked_on_the_decoded_audio()
    {
        using var cli = new CliRunner();
        string path = cli.PathOf("zen.opus");
        var json = cli.RunJson("render", "--mode", "fractal", "--minutes", "0.25", "--out", path, "--json");
        Assert.Equal("opus", (string?)json["format"]);
        Assert.Equal(-3.0, (double)json["ceiling_dbtp"]!);
        Assert.True((double)json["true_peak_dbtp"]! <= -3.0 + 0.3, json.ToJsonString());
        var decoded = OggOpusReader.Read(path);
        Assert.Equal(15 * 48000, decoded.FrameCount);
    }

    [Fact]
    public void Fractal_render_exports_the_notes_it_played_as_midi()
    {
        using var cli = new CliRunner();
        var json = cli.RunJson("render", "--mode", "fractal", "--minutes", "0.5", "--out", cli.PathOf("f.wav"),
            "--export-midi", cli.PathOf("f.mid"), "--json");
        int notes = (int)json["notes_played"]!;
        Assert.True(notes > 5, $"only {notes} notes in 30 s");
        byte[] midi = File.ReadAllBytes(cli.PathOf("f.mid"));
        Assert.Equal("MThd"u8.ToArray(), midi[..4]);
        int noteOns = 0;
        for (int i = 0; i + 2 < midi.Length; i++)
            if ((midi[i] & 0xF0) == 0x90 && midi[i + 1] < 128 && midi[i + 2] is > 0 and < 128) noteOns++;
        Assert.True(noteOns >= notes, $"{noteOns} note-on messages for {notes} notes");
        // Every part's track ends its held notes (all-notes-off, CC 123) so another renderer stops where we did.
        int allNotesOff = 0;
        for (int i = 0; i + 2 < midi.Length; i++)
            if ((midi[i] & 0xF0) == 0xB0 && midi[i + 1] == 123 && midi[i + 2] == 0) allNotesOff++;
        Assert.True(allNotesOff >= 2, $"{allNotesOff} all-notes-off messages");
    }

    [Fact]
    public void Event_log_holds_the_session_and_safety_actions()
    {
        using var cli = new CliRunner();
        string log = cli.PathOf("events.jsonl");
        Assert.Equal(0, cli.Run("render", "--mode", "noise", "--minutes", "0.2", "--out", cli.PathOf("n.wav"), "--events", log).Code);
        using var reader = new StreamReader(log);
        var events = Events.EventLog.Read(reader).ToList();
        Assert.Contains(events, e => e.Stage == "session" && e.Kind == "start");
        Assert.Contains(events, e => e.Stage == "safety" && e.Kind == "fade_in_start");
        Assert.Contains(events, e => e.Stage == "safety" && e.Kind == "fade_out_start");
    }
}

public class MusicRenderCommandTests
{
    [Fact]
    public void Music_mode_is_notched_and_reports_a_falling_intent_trajectory()
    {
        using var cli = new CliRunner();
        var json = cli.RunJson("render", "--mode", "music", "--tinnitus-hz", "6000", "--arousal-start", "0.8", "--arousal-end", "0.2",
            "--minutes", "0.5", "--wav-format", "float32", "--out", cli.PathOf("m.wav"), "--export-midi", cli.PathOf("m.mid"), "--json");
        Assert.Equal("music", (string?)json["mode"]);
        Assert.True((double)json["notch"]!["depth_db_measured"]! >= 40, json.ToJsonString());
        Assert.True((double)json["max_short_term_lufs"]! <= -30 + 0.5);
        var points = json["intent_trajectory"]!.AsArray();
        Assert.True(points.Count >= 3, json.ToJsonString());
        double firstTempo = (double)points[0]!["tempo_bpm"]!, lastTempo = (double)points[^1]!["tempo_bpm"]!;
        Assert.True(lastTempo < firstTempo - 5, $"tempo {firstTempo} → {lastTempo}");
        Assert.True((double)points[^1]!["brightness"]! < (double)points[0]!["brightness"]!);
        Assert.True((int)json["notes_played"]! > 20);
        Assert.True(new FileInfo(cli.PathOf("m.mid")).Length > 100);
    }

    [Theory]
    [InlineData("--arousal-start", "1.5")]
    [InlineData("--arousal-end", "-0.1")]
    public void Arousal_outside_0_to_1_is_rejected(string option, string value)
    {
        using var cli = new CliRunner();
        var (code, _, err) = cli.Run("render", "--mode", "music", option, value, "--out", cli.PathOf("m.wav"));
        Assert.Equal(2, code);
        Assert.Contains(option, err);
        Assert.Empty(cli.Files());
    }

    [Fact]
    public void A_missing_model_file_is_a_usage_error()
    {
        using var cli = new CliRunner();
        var (code, _, err) = cli.Run("render", "--mode", "music", "--model", cli.PathOf("none.bin"), "--out", cli.PathOf("m.wav"));
        Assert.Equal(2, code);
        Assert.Contains("--model", err);
        Assert.Empty(cli.Files());
    }
}
