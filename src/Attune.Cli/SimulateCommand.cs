using System.CommandLine;
using System.Globalization;
using Attune.Engine.Events;
using Attune.Engine.Simulation;

namespace Attune.Cli;

/// <summary>
/// `attune simulate`: runs virtual patients through the closed loop under one policy and prints the figures
/// (a test instrument, not evidence that the therapy works).
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var patients = CliOptions.Number("--patients", "virtual patients (1–10000, default 200)");
        var sessions = CliOptions.Number("--sessions", "sessions per patient (1–200, default 20)");
        var policy = CliOptions.Text("--policy", "adaptive | static | random | best (default adaptive)");
        var seed = CliOptions.Number("--seed", "random seed (default 1)");
        var minutes = CliOptions.Number("--minutes", "minutes per session (5–120, default 20)");
        var record = CliOptions.Text("--record-inputs", "write the first patient's first session (inputs and decisions) as an event log, for `render --inputs`");
        var audioPatients = CliOptions.Number("--audio-patients", "render the first session of this many patients (0–10) through the full audio chain");
        var audioDir = CliOptions.Text("--audio-dir", "with --audio-patients: write those sessions here as patient-N.wav");
        var model = CliOptions.Text("--model", "with --audio-patients: the trained model file (default models/" + ModelCommands.DefaultModelFile + ")");
        var json = CliOptions.Flag("--json", "print the results as JSON");
        var command = new Command("simulate", "Run virtual patients through sessions and report how the policy did.")
            { patients, sessions, policy, seed, minutes, record, audioPatients, audioDir, model, json };
        command.SetAction(p =>
        {
            var settings = new SimulationSettings(
                (int)CliOptions.InRange("--patients", p.GetValue(patients), 200, 1, SimulationSettings.MaxPatients, ""),
                (int)CliOptions.InRange("--sessions", p.GetValue(sessions), 20, 1, SimulationSettings.MaxSessions, ""),
                CliOptions.Choice("--policy", p.GetValue(policy), SimulationPolicy.Adaptive,
                    ("adaptive", SimulationPolicy.Adaptive), ("static", SimulationPolicy.Static),
                    ("random", SimulationPolicy.Random), ("best", SimulationPolicy.Best)),
                (ulong)CliOptions.InRange("--seed", p.GetValue(seed), 1, 0, 9_007_199_254_740_991, ""),
                CliOptions.InRange("--minutes", p.GetValue(minutes), 20, SimulationSettings.MinSessionMinutes, SimulationSettings.MaxSessionMinutes, "min"));
            string? recordPath = p.GetValue(record);
            int audio = (int)CliOptions.InRange("--audio-patients", p.GetValue(audioPatients), 0, 0, Math.Min(10, settings.Patients), "");
            string? dir = p.GetValue(audioDir);
            if (dir is not null && audio == 0) throw new UsageException("--audio-dir: needs --audio-patients 1 or more");
            if (dir is not null && !Directory.Exists(dir)) throw new UsageException($"--audio-dir: folder '{dir}' does not exist");
            var chorales = audio > 0 ? ModelCommands.LoadModel(p.GetValue(model)) : null;
            SimulationResult result;
            if (recordPath is null)
            {
                result = SimulationRunner.Run(settings, null, chorales, audio, dir);
            }
            else
            {
                using var output = OutputFile.For(recordPath, "--record-inputs", ".jsonl");
                using (var log = EventLog.ToStream(File.Create(output.TempPath), ownsStream: true))
                    result = SimulationRunner.Run(settings, log, chorales, audio, dir);
                output.Commit();
            }
            stdout.WriteLine(p.GetValue(json) ? result.ToJson().ToJsonString(Summaries.JsonOptions) : Describe(result));
            return CliApp.ExitOk;
        });
        return command;
    }

    private static string Describe(SimulationResult r)
    {
        var ci = r.MeanArousalReductionCi95;
        return string.Create(CultureInfo.InvariantCulture,
            $"""
            policy {r.Settings.Policy.ToString().ToLowerInvariant()}: {r.Settings.Patients} patients × {r.Settings.Sessions} sessions of {r.Settings.SessionMinutes:0.#} min (seed {r.Settings.Seed})
            mean arousal reduction {r.MeanArousalReduction:0.0000}{(ci is { } c ? $" (95 % CI {c.Low:0.0000}…{c.High:0.0000})" : "")}
            mean reward, last five sessions {r.MeanRewardLastFive:0.0000}
            skips per hour {r.SkipRatePerHour:0.00}; constraint violations {r.ConstraintViolations}; rate-limit violations {r.RateViolations}
            (virtual patients are a test instrument, not evidence that the therapy works)
            """);
    }
}
