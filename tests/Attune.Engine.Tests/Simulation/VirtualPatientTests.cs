using Attune.Engine.Composition;
using Attune.Engine.Simulation;

namespace Attune.Engine.Tests.Simulation;

public class VirtualPatientTests
{
    private static PatientTraits Traits(double tolerance = 0.2, SoundClass hidden = SoundClass.None, double liking = 0) => new(
        new TherapyProfile(Conditions.Tinnitus, 4000), RestingHeartRateBpm: 65, RestingRmssdMs: 40, BreathingBpm: 14,
        ResponseSeconds: 90, LagSeconds: 2, Pull: 0.8, FeatureWeights: [0.2, 0.2, 0.2, 0.2, 0.2], MismatchTolerance: tolerance,
        PresetLiking: [liking, -0.8], HiddenTriggers: hidden, MeanDayArousal: 0.6);

    private static MusicStimulus Music(double arousal, int preset = 0, SoundClass classes = SoundClass.TonalSustained) =>
        new(MusicalIntent.ForArousal(arousal), preset, classes, 10);

    [Fact]
    public void Feature_arousal_of_the_standard_mapping_is_the_arousal_it_came_from()
    {
        var p = new VirtualPatient(Traits(), new SeededRandom(1));
        foreach (double a in new[] { 0.0, 0.3, 0.5, 0.9 })
            Assert.Equal(a, p.FeatureArousal(MusicalIntent.ForArousal(a)), 9);
    }

    [Fact]
    public void Calm_music_lowers_arousal_after_a_lag_and_heart_rate_follows()
    {
        var p = new VirtualPatient(Traits(tolerance: 0.5), new SeededRandom(2));
        p.BeginSession(0.6);
        p.Step(1, Music(0.3));
        Assert.Equal(0.6, p.Arousal, 1); // the lag: nothing has reached the person yet beyond noise
        for (int s = 0; s < 600; s++) p.Step(1, Music(0.3));
        Assert.True(p.Arousal < 0.45, $"arousal {p.Arousal:0.000} after 10 min of calm music");
        Assert.True(p.HeartRateBpm < 65, $"heart rate {p.HeartRateBpm:0.0}");
    }

    [Fact]
    public void Music_far_below_the_person_irritates_raises_arousal_and_causes_skips()
    {
        int Skips(double musicArousal)
        {
            var p = new VirtualPatient(Traits(tolerance: 0.15), new SeededRandom(3));
            p.BeginSession(0.8);
            int skips = 0;
            for (int s = 0; s < 1200; s++) skips += p.Step(1, Music(musicArousal)).Skipped ? 1 : 0;
            return skips;
        }
        Assert.True(Skips(0.05) > Skips(0.7) + 3);
    }

    [Fact]
    public void Beats_have_the_heart_rate_and_the_rmssd_of_the_state()
    {
        var p = new VirtualPatient(Traits(tolerance: 1), new SeededRandom(4));
        p.BeginSession(0.5);
        var rr = new List<double>();
        var buffer = new double[16];
        for (int s = 0; s < 300; s++)
        {
            p.Step(1, Music(0.5));
            int n = p.TakeBeats(buffer);
            for (int i = 0; i < n; i++) rr.Add(buffer[i]);
        }
        double meanRr = rr.Average();
        Assert.Equal(60_000 / 65.0, meanRr, 923.0 * 0.03);
        Assert.InRange(rr.Sum() / 1000, 297, 301); // the beats fill the 300 s
        double rmssd = Math.Sqrt(rr.Zip(rr.Skip(1), (a, b) => (b - a) * (b - a)).Average());
        Assert.InRange(rmssd, 0.5 * 40, 2 * 40);
    }

    [Fact]
    public void A_hidden_trigger_in_the_music_causes_spikes_and_tagged_dislikes()
    {
        var p = new VirtualPatient(Traits(tolerance: 1, hidden: SoundClass.WaterLike), new SeededRandom(5));
        int tagged = 0;
        for (int s = 0; s < 1800; s++)
            if (p.Step(1, Music(0.5, classes: SoundClass.WaterLike | SoundClass.TonalSustained)) is { Disliked: true } r)
            {
                Assert.Equal(SoundClass.WaterLike, r.DislikeTrigger);
                tagged++;
            }
        Assert.True(tagged >= 5, $"{tagged} tagged dislikes in 30 min of a trigger");
        var q = new VirtualPatient(Traits(tolerance: 1, hidden: SoundClass.WaterLike), new SeededRandom(5));
        for (int s = 0; s < 1800; s++) Assert.False(q.Step(1, Music(0.5)).Disliked);
    }

    [Fact]
    public void Same_seed_same_person_same_session()
    {
        double Run()
        {
            var p = new VirtualPatient(Traits(), new SeededRandom(9));
            for (int s = 0; s < 100; s++) p.Step(1, Music(0.4));
            return p.Arousal;
        }
        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void Population_has_a_best_preset_and_individuals_differ_from_it()
    {
        var population = new PatientPopulation(10, 7);
        var random = new SeededRandom(11);
        int differ = 0;
        for (int i = 0; i < 200; i++)
            if (population.Draw(random).BestPreset != population.PopulationBestPreset) differ++;
        Assert.InRange(differ, 40, 190);
    }
}
