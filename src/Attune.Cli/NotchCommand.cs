using System.CommandLine;
using System.Text.Json.Nodes;
using Attune.Engine;
using Attune.Engine.Analysis;
using Attune.Engine.Audio;
using Attune.Engine.Events;
using Attune.Engine.Safety;
using Attune.Engine.Therapy;

namespace Attune.Cli;

/// <summary>`attune notch`: the person's own music with an octave band removed at fT (Okamoto et al. 2010), through Safety.</summary>
internal static class NotchCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = CliOptions.Text("--in", "the track: .wav, .mp3 or .ogg (Vorbis or Opus)");
        var tinnitus = CliOptions.Number("--tinnitus-hz", "tinnitus frequency fT, 250–16000 Hz");
        var octaves = CliOptions.Number("--notch-octaves", "notch width W, 0.25–1 octave (default 1)");
        var output = CliOptions.Text("--out", "output file: .wav (lossless, recommended: lossy coding refills the notch) or .opus");
        var wavFormat = CliOptions.Text("--wav-format", "pcm16 | float32 (default pcm16)");
        var json = CliOptions.Flag("--json", "print a JSON summary, including the track's energy share in the notch band before filtering");
        var command = new Command("notch", "Notch your own music at your tinnitus frequency.") { input, tinnitus, octaves, output, wavFormat, json };
        command.SetAction(p =>
        {
            string inPath = p.GetValue(input) ?? throw new UsageException("--in: required (a .wav, .mp3 or .ogg file)");
            string outPath = p.GetValue(output) ?? throw new UsageException("--out: required (.wav or .opus)");
            double fT = p.GetValue(tinnitus) ?? throw new UsageException("--tinnitus-hz: required (250–16000 Hz)");
            var wf = CliOptions.Choice("--wav-format", p.GetValue(wavFormat), WavSampleFormat.Pcm16,
                ("pcm16", WavSampleFormat.Pcm16), ("float32", WavSampleFormat.Float32));
            bool lossy = AudioWriters.IsLossy(outPath);
            var profile = new TherapyProfile(Conditions.Tinnitus, fT, p.GetValue(octaves) ?? TherapyProfile.DefaultNotchOctaves,
                ceilingDbtp: lossy ? TherapyProfile.DefaultLossyCeilingDbtp : TherapyProfile.DefaultCeilingDbtp);
            using var file = OutputFile.For(outPath, "--out", ".wav", ".opus");
            if (!File.Exists(inPath)) throw new UsageException($"--in: '{inPath}' does not exist");
            var track = AudioFileDecoder.Decode(inPath);
            if (track.FrameCount == 0) throw new UsageException($"--in: '{inPath}' holds no audio");
            return Execute(track, profile, file, lossy, wf, p.GetValue(json), inPath, stdout);
        });
        return command;
    }

    private static int Execute(DecodedAudio track, TherapyProfile profile, OutputFile file, bool lossy, WavSampleFormat wf, bool json, string inPath, TextWriter stdout)
    {
        double fT = profile.TinnitusHz!.Value;
        var mono = new float[track.FrameCount];
        for (int i = 0; i < mono.Length; i++) mono[i] = 0.5f * (track.Left[i] + track.Right[i]);
        double share = mono.Length >= 16384 ? NotchBandEnergy.Share(mono, AudioFormat.SampleRate, fT, profile.NotchOctaves) : double.NaN;

        var log = EventLog.InMemory();
        var safety = new SafetyGovernor(profile, lossy ? OutputKind.Lossy : OutputKind.Lossless, log);
        var pipeline = new RenderPipeline(new DecodedTrackSource(track), NotchFilter.ForProfile(profile), safety);
        var reference = json ? SpectrumAccumulator.ForLength(track.FrameCount) : null;
        pipeline.PreShapingTap = reference;
        using (var sink = AudioWriters.Open(file.FinalPath, file.TempPath, wf, 1))
            pipeline.RenderTo(sink, track.FrameCount + SafetyGovernor.LatencyFrames);
        file.Commit();
        if (!json)
        {
            stdout.WriteLine(file.FinalPath);
            return CliApp.ExitOk;
        }
        var measured = OutputMeasurement.OfFile(file.FinalPath, reference?.Segments > 0 ? reference : null, fT, profile.NotchOctaves);
        var summary = new JsonObject
        {
            ["in"] = Path.GetFullPath(inPath),
            ["in_sample_rate"] = track.OriginalSampleRate,
            ["in_channels"] = track.OriginalChannels,
            ["out"] = file.FinalPath,
            ["format"] = lossy ? "opus" : wf == WavSampleFormat.Pcm16 ? "wav-pcm16" : "wav-float32",
            ["duration_s"] = Math.Round(measured.DurationSeconds, 3),
            ["sample_rate"] = AudioFormat.SampleRate,
            ["notch"] = new JsonObject
            {
                ["centre_hz"] = fT,
                ["octaves"] = profile.NotchOctaves,
                ["band_energy_share_before"] = double.IsFinite(share) ? Math.Round(share, 5) : null,
                ["band_energy_share_note"] = "energy in fT·2^(±W/2) ÷ energy in 20 Hz–20 kHz, before filtering: a track with little energy there gains little from notching",
                ["depth_db_measured"] = measured.NotchDepthDb is double d ? Math.Round(d, 1) : null,
            },
        };
        Summaries.AddMeasurement(summary, measured, safety);
        summary["safety_events"] = Summaries.SafetyEvents(log.Events);
        stdout.WriteLine(summary.ToJsonString(Summaries.JsonOptions));
        return CliApp.ExitOk;
    }
}
