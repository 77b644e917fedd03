using Attune.Engine.Adaptation;
using Attune.Engine.Events;
using Attune.Engine.Sensing;
using Attune.Engine.Simulation;

namespace Attune.Engine.Tests.Simulation;

public class SimulationRunnerTests
{
    private static SimulationSettings Small(SimulationPolicy policy, ulong seed = 3) =>
        new(patients: 4, sessions: 2, policy, seed, sessionMinutes: 6, pilotPatients: 6, pilotSessions: 2);

    private static SimulationResult Run(SimulationSettings settings, EventLog? log = null) =>
        SimulationRunner.Run(settings, log, cancel: TestContext.Current.CancellationToken);

    [Fact]
    public void Same_seed_gives_the_same_results()
    {
        var a = Run(Small(SimulationPolicy.Adaptive)).ToJson().ToJsonString();
        var b = Run(Small(SimulationPolicy.Adaptive)).ToJson().ToJsonString();
        Assert.Equal(a, b);
        Assert.NotEqual(a, Run(Small(SimulationPolicy.Adaptive, seed: 4)).ToJson().ToJsonString());
    }

    [Fact]
    public void Results_have_every_session_and_no_violations()
    {
        var r = Run(Small(SimulationPolicy.Random));
        Assert.Equal(4, r.Sessions.Count);
        Assert.All(r.Sessions, p => Assert.Equal(2, p.Count));
        Assert.Equal(0, r.ConstraintViolations);
        Assert.Equal(0, r.RateViolations);
        var json = r.ToJson();
        foreach (string key in new[] { "mean_arousal_reduction", "mean_reward", "skip_rate", "mean_arousal_reduction_ci95", "mean_arousal_reduction_per_session" })
            Assert.True(json.ContainsKey(key), $"missing {key}");
        Assert.Equal(2, json["mean_arousal_reduction_per_session"]!.AsArray().Count);
    }

    [Fact]
    public void The_best_policy_plays_each_patients_best_allowed_preset()
    {
        var r = Run(Small(SimulationPolicy.Best));
        for (int p = 0; p < r.Sessions.Count; p++)
        {
            var traits = SimulationRunner.DrawPatient(3, p);
            var catalog = PresetCatalog.Default.ToList();
            string favourite = PresetCatalog.For(traits.Profile).OrderByDescending(m => traits.PresetLiking[catalog.IndexOf(m)]).First().Name;
            // Until a tagged dislike removes a class, every session plays the favourite.
            Assert.Equal(favourite, r.Sessions[p][0].Preset);
        }
    }

    [Fact]
    public void The_recorded_first_session_holds_inputs_estimates_and_decisions()
    {
        var log = EventLog.InMemory();
        Run(Small(SimulationPolicy.Adaptive), log);
        var inputs = SessionInputLog.Read(log.Events).ToList();
        Assert.Contains(inputs, i => i.Kind == SessionInputKind.HeartRatePacket);
        Assert.Contains(inputs, i => i.Kind == SessionInputKind.SelfReport);
        Assert.True(log.Events.Count(e => e.Stage == ClosedLoopSession.SensingStage && e.Kind == "estimate") >= 6 * 60);
        Assert.True(log.Events.Count(e => e.Stage == TherapyController.Stage) >= 6 * 60 / 5);
        // Only one session is recorded: times never go backward.
        for (int i = 1; i < log.Events.Count; i++)
            Assert.True(log.Events[i].TimeSeconds >= log.Events[i - 1].TimeSeconds - 1e-9);
    }

    [Fact]
    public void A_few_patients_are_rendered_through_the_full_audio_chain()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"attune-sim-audio-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var r = SimulationRunner.Run(new SimulationSettings(3, 2, SimulationPolicy.Adaptive, 5, sessionMinutes: 5, pilotPatients: 4, pilotSessions: 1),
                model: Composition.MusicTestAudio.Model, audioPatients: 2, audioDirectory: dir, cancel: TestContext.Current.CancellationToken);
            for (int p = 0; p < 2; p++)
            {
                Assert.Equal(300, r.Sessions[p][0].AudioSeconds);
                Assert.InRange(r.Sessions[p][0].AudioRmsDbfs, -60, -10);
                var wav = Attune.Engine.Audio.WavFileReader.Read(Path.Combine(dir, $"patient-{p}.wav"));
                Assert.Equal(300 * AudioFormat.SampleRate, wav.FrameCount);
                Assert.Equal(AudioFormat.SampleRate, wav.SampleRate);
                Assert.Equal(0, r.Sessions[p][1].AudioSeconds); // only the first session is rendered
            }
            Assert.Equal(0, r.Sessions[2][0].AudioSeconds);
            Assert.False(File.Exists(Path.Combine(dir, "patient-2.wav")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Settings_out_of_range_are_rejected_by_name()
    {
        Assert.Equal("patients", Assert.Throws<ArgumentOutOfRangeException>(() => new SimulationSettings(0, 1, SimulationPolicy.Static)).ParamName);
        Assert.Equal("sessions", Assert.Throws<ArgumentOutOfRangeException>(() => new SimulationSettings(1, 500, SimulationPolicy.Static)).ParamName);
        Assert.Equal("sessionMinutes", Assert.Throws<ArgumentOutOfRangeException>(() => new SimulationSettings(1, 1, SimulationPolicy.Static, sessionMinutes: 1)).ParamName);
    }
}
