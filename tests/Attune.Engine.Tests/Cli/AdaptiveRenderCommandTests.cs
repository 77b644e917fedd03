using Attune.Engine.Adaptation;
using Attune.Engine.Events;
using Attune.Engine.Sensing;

namespace Attune.Engine.Tests.Cli;

/// <summary>`attune simulate --record-inputs` then `attune render --inputs`: simulated inputs in, adapted audio and the decision log out.</summary>
public class AdaptiveRenderCommandTests
{
    [Fact]
    public void Simulated_inputs_render_to_adapted_notched_audio_with_every_decision_logged()
    {
        using var cli = new CliRunner();
        string inputs = cli.PathOf("inputs.jsonl");
        var sim = cli.Run("simulate", "--patients", "1", "--sessions", "1", "--minutes", "5", "--record-inputs", inputs, "--json");
        Assert.True(sim.Code == 0, sim.Err);
        Assert.True(File.Exists(inputs));

        string wav = cli.PathOf("adapted.wav"), events = cli.PathOf("events.jsonl");
        var summary = cli.RunJson("render", "--mode", "music", "--tinnitus-hz", "6000", "--inputs", inputs,
            "--out", wav, "--events", events, "--json");
        Assert.Equal(300, (double)summary["duration_s"]!, 0.1);
        Assert.True((double)summary["notch"]!["depth_db_measured"]! >= 40);
        var adaptive = summary["adaptive"]!;
        Assert.Equal((int)adaptive["inputs"]!, (int)adaptive["inputs_used"]!);
        Assert.InRange((int)adaptive["decisions"]!, 55, 62); // one every 5 s over 300 s

        using var reader = new StreamReader(events);
        var log = EventLog.Read(reader).ToList();
        var decisions = log.Where(e => e.Stage == TherapyController.Stage).ToList();
        Assert.Equal((int)adaptive["decisions"]!, decisions.Count);
        Assert.All(decisions, d => Assert.False(string.IsNullOrEmpty((string?)d.Data["reason"])));
        Assert.True(SessionInputLog.Read(log).Count() >= 300, "the replayed inputs are logged again with the render");
        // The music moved: the intent trajectory is not flat.
        var tempos = summary["intent_trajectory"]!.AsArray().Select(p => (double)p!["tempo_bpm"]!).ToList();
        Assert.True(tempos.Max() - tempos.Min() > 1, $"tempo stayed within {tempos.Min():0.0}–{tempos.Max():0.0} BPM");
    }

    [Fact]
    public void Bad_inputs_are_one_line_errors_and_leave_no_file()
    {
        using var cli = new CliRunner();
        string bad = cli.PathOf("bad.jsonl");
        File.WriteAllText(bad, "{\"format\":\"attune-events\",\"version\":1}\n{\"t\":1,\"stage\":\"input\",\"kind\":\"self_report\",\"data\":{\"scale\":\"distress\",\"value\":42}}\n");
        var r = cli.Run("render", "--mode", "music", "--inputs", bad, "--out", cli.PathOf("x.wav"));
        Assert.Equal(2, r.Code);
        Assert.StartsWith("attune: --inputs: input event 1 (t = 1 s)", r.Err, StringComparison.Ordinal);
        Assert.Single(r.Err.Trim().Split('\n'));
        Assert.DoesNotContain(cli.Files(), f => f.EndsWith(".wav", StringComparison.Ordinal));

        var noise = cli.Run("render", "--mode", "noise", "--inputs", bad, "--out", cli.PathOf("y.wav"));
        Assert.Equal(2, noise.Code);
        Assert.Contains("only --mode music", noise.Err, StringComparison.Ordinal);
        var goal = cli.Run("render", "--mode", "music", "--goal", "sleep", "--out", cli.PathOf("z.wav"));
        Assert.Equal(2, goal.Code);
        Assert.Contains("--goal", goal.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_rejects_out_of_range_options_by_name()
    {
        using var cli = new CliRunner();
        var r = cli.Run("simulate", "--patients", "0");
        Assert.Equal(2, r.Code);
        Assert.Contains("--patients", r.Err, StringComparison.Ordinal);
        var p = cli.Run("simulate", "--policy", "greedy");
        Assert.Equal(2, p.Code);
        Assert.Contains("adaptive, static, random, best", p.Err, StringComparison.Ordinal);
    }
}
