using System.CommandLine;

namespace Attune.Cli;

/// <summary>`attune demo`: renders a short demo session (generated music notched at 6 kHz, leading from aroused to calm) and prints where the file is.</summary>
internal static class DemoCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var output = CliOptions.Text("--out", "output file (default out/attune-demo.wav)");
        var command = new Command("demo", "Render a 2-minute demo therapy session (generated music notched at 6 kHz, arousal 0.7 → 0.3) to a WAV file.") { output };
        command.SetAction(p =>
        {
            string path = p.GetValue(output) ?? Path.Combine("out", "attune-demo.wav");
            string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is not null) Directory.CreateDirectory(dir);
            stdout.WriteLine("Attune demo: 2 minutes of generated music leading from arousal 0.7 to 0.3, notched one octave around 6 kHz, safety-governed (−30 LUFS, −1 dBTP).");
            int code = CliApp.Run(["render", "--mode", "music", "--arousal-start", "0.7", "--arousal-end", "0.3", "--tinnitus-hz", "6000", "--minutes", "2", "--out", path], stdout, stderr);
            if (code == CliApp.ExitOk) stdout.WriteLine("Open it in any audio player, e.g. `play " + path + "` (sox) or `ffplay " + path + "`.");
            return code;
        });
        return command;
    }
}
