using Attune.Engine.Adaptation;

namespace Attune.Engine.Tests.Adaptation;

public class PersonalizerStateTests
{
    private static readonly IReadOnlyList<MusicPreset> Presets = PresetCatalog.Default;

    private static PersonalizerState Trained()
    {
        var personalizer = new Personalizer(PersonalizerState.Flat());
        var random = new SeededRandom(9);
        for (int t = 0; t < 30; t++)
        {
            var context = new PersonalizerContext((Conditions)random.Next(8), (SessionGoal)random.Next(3), random.NextDouble() * 24, random.NextDouble());
            var preset = personalizer.Choose(context, Presets, random).Preset;
            personalizer.Update(context, preset, new SessionOutcome(random.NextDouble() * 0.4 - 0.2, rating: random.Next(11)));
        }
        personalizer.State.ExcludeSoundClass(SoundClass.Breathy | SoundClass.Rustling);
        return personalizer.State;
    }

    [Fact]
    public void Json_round_trip_preserves_every_choice_exactly()
    {
        var original = Trained();
        string json = original.ToJson();
        var restored = PersonalizerState.FromJson(json);

        Assert.Equal(json, restored.ToJson());
        Assert.Equal(original.ExcludedClasses, restored.ExcludedClasses);
        Assert.Equal(original.KnownPresets, restored.KnownPresets);
        var context = new PersonalizerContext(Conditions.Tinnitus, SessionGoal.Sleep, 22.5, 0.6);
        for (ulong seed = 0; seed < 20; seed++)
        {
            var a = new Personalizer(original).Choose(context, Presets, new SeededRandom(seed));
            var b = new Personalizer(restored).Choose(context, Presets, new SeededRandom(seed));
            Assert.Equal(a.Preset, b.Preset);
            Assert.Equal(a.Scores, b.Scores);
        }
        foreach (var name in original.KnownPresets)
        {
            Assert.Equal(original.Summary(name), restored.Summary(name));
            Assert.True(original.Posterior(name).Mean.SequenceEqual(restored.Posterior(name).Mean), name);
        }
    }

    [Fact]
    public void Population_prior_round_trips()
    {
        var pooled = new List<(PersonalizerContext, string, double)>();
        for (int i = 0; i < 50; i++)
            pooled.Add((new PersonalizerContext(Conditions.None, SessionGoal.Settle, i % 24, 0.5), Presets[i % 3].Name, 0.01 * i));
        var prior = PersonalizerState.FitPopulationPrior(pooled);
        var restored = PersonalizerState.FromJson(prior.ToJson());
        Assert.Equal(prior.ToJson(), restored.ToJson());
        Assert.True(prior.Posterior(Presets[1].Name).Mean.SequenceEqual(restored.Posterior(Presets[1].Name).Mean));
        Assert.True(prior.Posterior("unseen").Mean.SequenceEqual(restored.DefaultPrior.Mean));
    }

    [Fact]
    public void Version_2_is_rejected_with_a_clear_message()
    {
        string json = PersonalizerState.Flat().ToJson().Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal);
        var e = Assert.Throws<FormatException>(() => PersonalizerState.FromJson(json));
        Assert.Equal("unsupported personaliser state version 2; this build reads version 1", e.Message);
    }

    [Theory]
    [InlineData("not json at all", "not valid JSON")]
    [InlineData("[1,2,3]", "$ must be a JSON object")]
    [InlineData("{\"dimension\":9}", "$.version is missing")]
    [InlineData("{\"version\":1,\"dimension\":9}", "$.default_prior is missing")]
    public void Garbage_is_rejected_with_a_clear_message(string json, string expected)
    {
        var e = Assert.Throws<FormatException>(() => PersonalizerState.FromJson(json));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Malformed_content_names_the_faulty_field()
    {
        string good = Trained().ToJson();
        Assert.Contains("$.excluded_classes", Assert.Throws<FormatException>(() =>
            PersonalizerState.FromJson(good.Replace("\"Breathy\"", "\"Purring\"", StringComparison.Ordinal))).Message);
        Assert.Contains("$.dimension must be 9", Assert.Throws<FormatException>(() =>
            PersonalizerState.FromJson(good.Replace("\"dimension\":9", "\"dimension\":3", StringComparison.Ordinal))).Message);
        Assert.Contains("$.default_prior.mean must be an array of 9 numbers", Assert.Throws<FormatException>(() =>
            PersonalizerState.FromJson(good.Replace("\"mean\":[0,", "\"mean\":[", StringComparison.Ordinal))).Message);
        Assert.Contains("$.extra is not part of version 1", Assert.Throws<FormatException>(() =>
            PersonalizerState.FromJson(good.Replace("{\"version\":1,", "{\"version\":1,\"extra\":0,", StringComparison.Ordinal))).Message);
        // A negative diagonal makes the precision not positive definite.
        Assert.Contains("positive definite", Assert.Throws<FormatException>(() =>
            PersonalizerState.FromJson(good.Replace("\"precision\":[[25,", "\"precision\":[[-25,", StringComparison.Ordinal))).Message);
    }

    [Fact]
    public void Exclude_and_restore_sound_classes()
    {
        var state = PersonalizerState.Flat();
        state.ExcludeSoundClass(SoundClass.Metallic | SoundClass.WaterLike);
        state.RestoreSoundClass(SoundClass.WaterLike);
        Assert.Equal(SoundClass.Metallic, state.ExcludedClasses);
        Assert.False(state.Allows(Presets.Single(p => p.Name == "high-chimes")));
        Assert.Throws<ArgumentOutOfRangeException>(() => state.ExcludeSoundClass((SoundClass)(1 << 20)));
    }
}
