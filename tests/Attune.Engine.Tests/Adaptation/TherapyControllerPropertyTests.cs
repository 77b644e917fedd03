using Attune.Engine.Adaptation;
using Attune.Engine.Composition;
using Attune.Engine.Sensing;

namespace Attune.Engine.Tests.Adaptation;

/// <summary>
/// Under random state sequences (jumps, outliers, uncertainty, skips, dislikes, uneven decision times)
/// the controller never moves faster than its limits and never breaks a condition rule.
/// Cases: ATTUNE_PROPERTY_CASES (default 200 sequences of 300 decisions).
/// </summary>
public class TherapyControllerPropertyTests
{
    private static int Cases =>
        int.TryParse(Environment.GetEnvironmentVariable("ATTUNE_PROPERTY_CASES"), out int n) && n > 0 ? n : 200;

    [Fact]
    public void Random_state_sequences_never_exceed_rate_limits_or_break_condition_rules()
    {
        for (int seed = 1; seed <= Cases; seed++)
        {
            var random = new SeededRandom((ulong)seed);
            var goal = (SessionGoal)random.Next(3);
            var conditions = (Conditions)(1 + random.Next(7));
            var profile = new TherapyProfile(conditions,
                tinnitusHz: (conditions & Conditions.Tinnitus) != 0 ? 500 + 8000 * random.NextDouble() : null,
                excludedClasses: (conditions & Conditions.Misophonia) != 0 ? SoundClass.Rustling : SoundClass.None);
            var settings = ControllerSettings.Default;
            var c = new TherapyController(profile, goal, 600 + random.Next(3000), settings);
            double t = 0;
            ControllerDecision? previous = null;
            for (int i = 0; i < 300; i++)
            {
                t += random.NextDouble() < 0.1 ? 0 : 30 * random.NextDouble();
                double arousal = random.NextDouble() < 0.05 ? random.Next(2) : random.NextDouble();
                double sd = 0.4 * random.NextDouble();
                if (random.NextDouble() < 0.03) c.NoteSkip();
                if (random.NextDouble() < 0.02) c.NoteDislike(random.NextDouble() < 0.5 ? SoundClass.WaterLike : SoundClass.None);
                var d = c.Decide(new StateEstimate(t, arousal, sd, 0, 0.3, 0.5, 0.2, StateSources.HeartRate));
                Check(seed, profile, settings, goal, previous, d);
                previous = d;
            }
        }
    }

    private static void Check(int seed, TherapyProfile profile, ControllerSettings settings, SessionGoal goal, ControllerDecision? previous, ControllerDecision d)
    {
        string where = $"seed {seed}, t = {d.TimeSeconds:0.0} s";
        Assert.InRange(d.MusicArousal, 0, 1);
        Assert.Equal(profile.TinnitusHz, d.NotchHz);
        Assert.True((d.ExcludedClasses & profile.ExcludedClasses) == profile.ExcludedClasses, $"{where}: profile exclusion dropped");
        if (profile.Has(Conditions.Hyperacusis))
            Assert.True(d.Intent.AttackSeconds >= settings.HyperacusisMinAttackSeconds, $"{where}: hard attack for hyperacusis");
        if (previous is null) return;
        double dt = d.TimeSeconds - previous.TimeSeconds;
        double maxStep = settings.MaxArousalRatePerSecond * dt + 1e-12;
        Assert.True(Math.Abs(d.MusicArousal - previous.MusicArousal) <= maxStep,
            $"{where}: music arousal moved {d.MusicArousal - previous.MusicArousal:0.0000} in {dt:0.00} s");
        // ForArousal is linear: tempo 52 BPM and register 12 semitones per unit of arousal.
        Assert.True(Math.Abs(d.Intent.TempoBpm - previous.Intent.TempoBpm) <= 52 * maxStep + 1e-9, $"{where}: tempo too fast");
        Assert.True(Math.Abs(d.Intent.Register - previous.Intent.Register) <= 12 * maxStep + 1e-9, $"{where}: register too fast");
        double fadeRate = goal == SessionGoal.Sleep ? -MusicalIntent.MinLoudnessDb / settings.SleepFadeSeconds : 0;
        Assert.True(Math.Abs(d.Intent.LoudnessDb - previous.Intent.LoudnessDb) <= 10 * maxStep + fadeRate * dt + 1e-9,
            $"{where}: loudness moved {d.Intent.LoudnessDb - previous.Intent.LoudnessDb:0.000} dB in {dt:0.00} s");
    }
}
