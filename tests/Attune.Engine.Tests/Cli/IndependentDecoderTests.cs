using System.Diagnostics;
using System.Globalization;

namespace Attune.Engine.Tests.Cli;

/// <summary>
/// Rendered files must open in decoders that share no code with Attune: sox, ffprobe and opusinfo.
/// `.ci/run` installs them; outside CI a missing tool skips with a message, under CI (CI=true) it fails.
/// </summary>
public class IndependentDecoderTests
{
    [Fact]
    public void Sox_and_ffprobe_read_a_pcm16_wav_with_the_right_format_and_length()
    {
        using var cli = new CliRunner();
        string wav = cli.PathOf("n.wav");
        Assert.Equal(0, cli.Run("render", "--mode", "noise", "--tinnitus-hz", "4000", "--minutes", "0.1", "--out", wav).Code);
        string info = Tool("sox", "--i", wav);
        Assert.Contains("Channels       : 2", info);
        Assert.Contains("Sample Rate    : 48000", info);
        Assert.Contains("16-bit Signed Integer PCM", info);
        Assert.Contains("288000 samples", info);
        string probe = Tool("ffprobe", "-v", "error", "-show_entries", "stream=codec_name,sample_rate,channels,duration_ts", "-of", "default=nw=1", wav);
        Assert.Contains("codec_name=pcm_s16le", probe);
        Assert.Contains("sample_rate=48000", probe);
        Assert.Contains("channels=2", probe);
    }

    [Fact]
    public void Sox_reads_a_float_wav()
    {
        using var cli = new CliRunner();
        string wav = cli.PathOf("f.wav");
        Assert.Equal(0, cli.Run("render", "--mode", "fractal", "--minutes", "0.1", "--wav-format", "float32", "--out", wav).Code);
        string info = Tool("sox", "--i", wav);
        Assert.Contains("32-bit Floating Point PCM", info);
        Assert.Contains("288000 samples", info);
    }

    [Fact]
    public void Opusinfo_and_ffprobe_accept_an_ogg_opus_file_of_the_right_length()
    {
        using var cli = new CliRunner();
        string opus = cli.PathOf("z.opus");
        Assert.Equal(0, cli.Run("render", "--mode", "fractal", "--minutes", "0.1", "--out", opus).Code);
        string info = Tool("opusinfo", opus);
        Assert.DoesNotContain("WARNING", info, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Playback length: 0m:06", info);
        string probe = Tool("ffprobe", "-v", "error", "-show_entries", "stream=codec_name,sample_rate,channels", "-of", "default=nw=1", opus);
        Assert.Contains("codec_name=opus", probe);
        Assert.Contains("channels=2", probe);
        // ffmpeg decodes exactly the frames we wrote (pre-skip and end trimming honoured).
        string frames = Tool("sh", "-c", $"ffmpeg -v error -i '{opus}' -f f32le -ac 2 - | wc -c");
        Assert.Equal(6 * 48000 * 2 * 4, long.Parse(frames.Trim(), CultureInfo.InvariantCulture));
    }

    internal static string Tool(string name, params string[] args)
    {
        if (!OnPath(name))
        {
            string message = $"'{name}' is not installed (apt-get install sox ffmpeg opus-tools; .ci/run does this)";
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(message);
            Assert.Skip(message);
        }
        var psi = new ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"{name} exited {p.ExitCode}: {output}");
        return output;
    }

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, name)));
}
