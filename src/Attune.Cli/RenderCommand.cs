using System.CommandLine;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Attune.Engine;
using Attune.Engine.Adaptation;
using Attune.Engine.Analysis;
using Attune.Engine.Audio;
using Attune.Engine.Composition.Model;
using Attune.Engine.Events;
using Attune.Engine.Safety;
using Attune.Engine.Synthesis;
using Attune.Engine.Therapy;

namespace Attune.Cli;

/// <summary>`attune render`: renders a therapy programme to a WAV or Ogg Opus file through the full, safety-governed path.</summary>
internal static class RenderCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var mode = CliOptions.Text("--mode", "music | fractal | noise | cr (experimental coordinated reset; needs --tinnitus-hz)");
        var arousalStart = CliOptions.Number("--arousal-start", "music: arousal the music starts at, 0–1 (0.5 = the person's baseline; default 0.5)");
        var arousalEnd = CliOptions.Number("--arousal-end", "music: arousal it moves to across the render, 0–1 (default: the start value)");
        var model = CliOptions.Text("--model", "music: the trained model file (default models/" + ModelCommands.DefaultModelFile + ")");
        var tinnitus = CliOptions.Number("--tinnitus-hz", "tinnitus frequency fT, 250–16000 Hz; turns the notch on");
        var octaves = CliOptions.Number("--notch-octaves", "notch width W, 0.25–1 octave (default 1)");
        var color = CliOptions.Text("--color", "noise colour: white | pink | brown | narrow (around fT); default pink");
        var level = CliOptions.Number("--level-db-sl", "noise level in dB above the just-audible level, 0–30 (default 8: TRT mixing point 5–10)");
        var threshold = CliOptions.Number("--threshold-dbfs", "just-audible level of the noise, −120…−20 dBFS (default −70)");
        var maxLufs = CliOptions.Number("--max-lufs", "maximum short-term loudness, −70…−20 LUFS (default −30)");
        var ceiling = CliOptions.Number("--ceiling-dbtp", "true-peak ceiling, −30…−1 dBTP (default −1 WAV, −3 Opus)");
        var minutes = CliOptions.Number("--minutes", $"duration, > 0 and ≤ {RenderSettings.MaxMinutes} (default 1)");
        var seed = new Option<ulong?>("--seed") { Description = "random seed (default 1): same seed, same samples" };
        var wavFormat = CliOptions.Text("--wav-format", "pcm16 | float32 (default pcm16)");
        var output = CliOptions.Text("--out", "output file, .wav or .opus (default attune-<mode>.wav)");
        var midi = CliOptions.Text("--export-midi", "also write the notes played as a Standard MIDI File (.mid)");
        var events = CliOptions.Text("--events", "also write the session's event log (JSON Lines)");
        var json = CliOptions.Flag("--json", "print a JSON summary measured on the written file");
        var inputs = CliOptions.Text("--inputs", "music: adapt to a recorded or simulated input stream (event log with stage \"input\", e.g. from `simulate --record-inputs`)");
        var goal = CliOptions.Text("--goal", "with --inputs: settle | sleep | background (default settle)");

        var command = new Command("render", "Render a therapy programme to a file (always through the Safety stage).")
        {
            mode, arousalStart, arousalEnd, model, tinnitus, octaves, color, level, threshold, maxLufs, ceiling, minutes, seed, wavFormat, output, midi, events, json, inputs, goal,
        };
        command.SetAction(p =>
        {
            var m = CliOptions.Choice("--mode", p.GetValue(mode), TherapyMode.Fractal,
                ("music", TherapyMode.Music), ("fractal", TherapyMode.Fractal), ("noise", TherapyMode.Noise), ("cr", TherapyMode.CoordinatedReset));
            var c = CliOptions.Choice("--color", p.GetValue(color), NoiseColor.Pink,
                ("white", NoiseColor.White), ("pink", NoiseColor.Pink), ("brown", NoiseColor.Brown), ("narrow", NoiseColor.NarrowBand));
            var wf = CliOptions.Choice("--wav-format", p.GetValue(wavFormat), WavSampleFormat.Pcm16,
                ("pcm16", WavSampleFormat.Pcm16), ("float32", WavSampleFormat.Float32));
            string outPath = p.GetValue(output) ?? $"attune-{ModeName(m)}.wav";
            bool lossy = AudioWriters.IsLossy(outPath);
            double? fT = p.GetValue(tinnitus);
            if (m == TherapyMode.CoordinatedReset && fT is null)
                throw new UsageException("--mode cr needs --tinnitus-hz (250–16000 Hz): the tones are placed around it");
            double? ceilingValue = p.GetValue(ceiling);
            var profile = new TherapyProfile(
                conditions: fT is null ? Conditions.None : Conditions.Tinnitus,
                tinnitusHz: fT,
                notchOctaves: p.GetValue(octaves) ?? TherapyProfile.DefaultNotchOctaves,
                justAudibleDbfs: p.GetValue(threshold) ?? TherapyProfile.DefaultJustAudibleDbfs,
                maxLufs: p.GetValue(maxLufs) ?? TherapyProfile.DefaultMaxLufs,
                ceilingDbtp: ceilingValue ?? (lossy ? TherapyProfile.DefaultLossyCeilingDbtp : TherapyProfile.DefaultCeilingDbtp));
            double a0 = p.GetValue(arousalStart) ?? 0.5;
            var sessionGoal = CliOptions.Choice("--goal", p.GetValue(goal), SessionGoal.Settle,
                ("settle", SessionGoal.Settle), ("sleep", SessionGoal.Sleep), ("background", SessionGoal.Background));
            AdaptiveInputs? adaptive = null;
            if (p.GetValue(inputs) is string inputsPath)
            {
                if (m != TherapyMode.Music) throw new UsageException("--inputs: only --mode music adapts to inputs");
                adaptive = AdaptiveInputs.Load(inputsPath, sessionGoal);
                if (p.GetValue(minutes) is double mins && mins < 1)
                    throw new UsageException("--minutes: an adaptive render (--inputs) lasts at least 1 minute");
            }
            else if (p.GetValue(goal) is not null)
            {
                throw new UsageException("--goal: only used with --inputs");
            }
            var settings = new RenderSettings(m, profile, p.GetValue(minutes) ?? adaptive?.DefaultMinutes ?? 1, p.GetValue(seed) ?? 1, c, p.GetValue(level) ?? 8,
                a0, p.GetValue(arousalEnd) ?? a0);
            string? midiPath = p.GetValue(midi);
            if (midiPath is not null && m is not (TherapyMode.Fractal or TherapyMode.Music))
                throw new UsageException("--export-midi: only --mode music and --mode fractal play notes");
            var chorales = m == TherapyMode.Music ? ModelCommands.LoadModel(p.GetValue(model)) : null;
            return Execute(settings, chorales, outPath, wf, midiPath, p.GetValue(events), p.GetValue(json), adaptive, stdout, stderr);
        });
        return command;
    }

    internal static string ModeName(TherapyMode m) => m switch
    {
        TherapyMode.Music => "music",
        TherapyMode.Fractal => "fractal",
        TherapyMode.Noise => "noise",
        _ => "cr",
    };

    private static int Execute(RenderSettings settings, ChoraleNade? chorales, string outPath, WavSampleFormat wavFormat, string? midiPath, string? eventsPath, bool json,
        AdaptiveInputs? adaptive, TextWriter stdout, TextWriter stderr)
    {
        using var file = OutputFile.For(outPath, "--out", ".wav", ".opus");
        using var midiFile = midiPath is null ? null : OutputFile.For(midiPath, "--export-midi", ".mid", ".midi");
        using var eventsFile = eventsPath is null ? null : OutputFile.For(eventsPath, "--events", ".jsonl", ".json");
        bool lossy = AudioWriters.IsLossy(outPath);

        var eventStream = eventsFile is null ? null : File.Create(eventsFile.TempPath);
        using var log = eventStream is null ? EventLog.InMemory() : EventLog.ToStream(eventStream, ownsStream: true, alsoInMemory: true);
        var pacer = adaptive is null ? null : new BreathingPacer();
        var session = SessionFactory.Create(settings, lossy ? OutputKind.Lossy : OutputKind.Lossless, log, chorales, pacer);
        if (adaptive is not null) adaptive.Start(settings, session, log, pacer!);
        var reference = json && settings.Notched ? SpectrumAccumulator.ForLength(settings.Frames) : null;
        session.Pipeline.PreShapingTap = reference;

        var trajectory = session.Music is null ? null : new JsonArray();
        var clock = Stopwatch.StartNew();
        using (var sink = AudioWriters.Open(file.FinalPath, file.TempPath, wavFormat, settings.Seed))
        {
            var bar = new ProgressBar(stderr, "rendering");
            session.Pipeline.RenderTo(sink, settings.Frames, fraction =>
            {
                bar.Report(fraction);
                adaptive?.AdvanceTo(session.Pipeline.FramesRendered / (double)AudioFormat.SampleRate);
                if (trajectory is not null && (trajectory.Count == 0 || (double)trajectory[^1]!["t"]! <= session.Pipeline.FramesRendered / (double)AudioFormat.SampleRate - 9.95))
                    trajectory.Add(IntentPoint(session));
            }, progressEverySeconds: adaptive is null ? 10 : 1);
        }
        double renderSeconds = clock.Elapsed.TotalSeconds;
        log.Dispose();

        if (midiFile is not null)
        {
            // Held notes (a drone) end with the render, so other renderers stop where we did.
            var played = new List<MusicEvent>(session.PlayedEvents) { MusicEvent.AllNotesOff(settings.Frames) };
            MidiFileWriter.WriteFile(midiFile.TempPath, played, session.PartInstruments, session.MidiTempoBpm);
            midiFile.Commit();
        }
        eventsFile?.Commit();
        file.Commit();

        if (!json)
        {
            stdout.WriteLine(file.FinalPath);
            return CliApp.ExitOk;
        }
        var measured = OutputMeasurement.OfFile(file.FinalPath, reference, settings.Notched ? settings.Profile.TinnitusHz : null, settings.Profile.NotchOctaves);
        var summary = new JsonObject
        {
            ["mode"] = ModeName(settings.Mode),
            ["experimental"] = settings.Mode == TherapyMode.CoordinatedReset,
            ["out"] = file.FinalPath,
            ["format"] = lossy ? "opus" : wavFormat == WavSampleFormat.Pcm16 ? "wav-pcm16" : "wav-float32",
            ["duration_s"] = Math.Round(measured.DurationSeconds, 3),
            ["sample_rate"] = AudioFormat.SampleRate,
            ["channels"] = AudioFormat.Channels,
            ["seed"] = settings.Seed,
            ["render_s"] = Math.Round(renderSeconds, 3),
            ["realtime_factor"] = Math.Round(settings.Frames / (double)AudioFormat.SampleRate / renderSeconds, 1),
        };
        Summaries.AddMeasurement(summary, measured, session.Pipeline.Safety);
        summary["notch"] = settings.Notched
            ? new JsonObject
            {
                ["centre_hz"] = settings.Profile.TinnitusHz,
                ["octaves"] = settings.Profile.NotchOctaves,
                ["stop_band_hz"] = new JsonArray(
                    Math.Round(settings.Profile.TinnitusHz!.Value * Math.Pow(2, -0.4 * settings.Profile.NotchOctaves), 1),
                    Math.Round(settings.Profile.TinnitusHz!.Value * Math.Pow(2, 0.4 * settings.Profile.NotchOctaves), 1)),
                ["depth_db_measured"] = measured.NotchDepthDb is double d ? Math.Round(d, 1) : null,
            }
            : null;
        if (settings.Mode == TherapyMode.Noise)
        {
            summary["noise"] = new JsonObject
            {
                ["color"] = settings.Color.ToString().ToLowerInvariant(),
                ["level_db_above_just_audible"] = settings.LevelDbAboveJustAudible,
                ["level_dbfs_rms"] = Math.Round(SoundGeneratorLevel.FromSensationLevel(settings.Profile.JustAudibleDbfs, settings.LevelDbAboveJustAudible), 2),
            };
        }
        if (trajectory is not null)
        {
            summary["arousal"] = new JsonObject { ["start"] = settings.ArousalStart, ["end"] = settings.ArousalEnd };
            summary["intent_trajectory"] = trajectory;
        }
        if (adaptive is not null) summary["adaptive"] = adaptive.Summary();
        summary["notes_played"] = session.PlayedEvents.Count(e => e.Kind == MusicEventKind.NoteOn);
        summary["safety_events"] = Summaries.SafetyEvents(log.Events);
        stdout.WriteLine(summary.ToJsonString(Summaries.JsonOptions));
        return CliApp.ExitOk;
    }

    /// <summary>The music's glided intent now (sampled every 10 s of audio for the summary).</summary>
    private static JsonObject IntentPoint(TherapySession session)
    {
        var intent = session.Music!.CurrentIntent;
        return new JsonObject
        {
            ["t"] = Math.Round(session.Pipeline.FramesRendered / (double)AudioFormat.SampleRate, 1),
            ["tempo_bpm"] = Math.Round(intent.TempoBpm, 2),
            ["register"] = Math.Round(intent.Register, 2),
            ["brightness"] = Math.Round(intent.Brightness, 3),
            ["density"] = Math.Round(intent.Density, 3),
            ["loudness_db"] = Math.Round(intent.LoudnessDb, 2),
        };
    }
}
