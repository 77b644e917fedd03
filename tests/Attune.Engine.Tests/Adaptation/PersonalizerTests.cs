using Attune.Engine.Adaptation;

namespace Attune.Engine.Tests.Adaptation;

public class PersonalizerTests
{
    private static readonly IReadOnlyList<MusicPreset> Presets = PresetCatalog.Default;
    private static readonly PersonalizerContext GroupA = new(Conditions.Tinnitus, SessionGoal.Settle, 10, 0.7);
    private static readonly PersonalizerContext GroupB = new(Conditions.Hyperacusis, SessionGoal.Sleep, 23, 0.4);
    private const string BestA = "calm-piano-low", BestB = "gentle-rain";
    private const double RewardNoise = 0.1;

    /// <summary>Simulated person: the best preset earns 0.2, the rest −0.1…0.08 (fixed per preset and group).</summary>
    private static double TrueReward(PersonalizerContext c, string preset)
    {
        bool a = ReferenceEquals(c, GroupA);
        if (preset == (a ? BestA : BestB)) return 0.2;
        int h = 0;
        foreach (char ch in preset) h = h * 31 + ch;
        return -0.1 + 0.18 * (((h ^ (a ? 0x55 : 0x33)) & 0xff) / 255.0);
    }

    private static SessionOutcome OutcomeFor(double reward) => new(arousalChange: Math.Clamp(-reward, -1, 1));

    [Fact]
    public void Thompson_sampling_converges_to_the_best_preset_per_context()
    {
        var personalizer = new Personalizer(PersonalizerState.Flat());
        var random = new SeededRandom(42);
        var noise = new SeededRandom(43);
        int rounds = 200, lastA = 0, bestA = 0, lastB = 0, bestB = 0;
        for (int t = 0; t < rounds; t++)
        {
            var context = t % 2 == 0 ? GroupA : GroupB;
            var preset = personalizer.Choose(context, Presets, random).Preset;
            personalizer.Update(context, preset, OutcomeFor(TrueReward(context, preset.Name) + RewardNoise * noise.NextGaussian()));
            if (t < rounds - 50) continue;
            if (context == GroupA) { lastA++; bestA += preset.Name == BestA ? 1 : 0; }
            else { lastB++; bestB += preset.Name == BestB ? 1 : 0; }
        }
        Assert.True(bestA >= 0.8 * lastA, $"group A chose its best preset {bestA}/{lastA} times in the last 50 rounds");
        Assert.True(bestB >= 0.8 * lastB, $"group B chose its best preset {bestB}/{lastB} times in the last 50 rounds");
    }

    [Fact]
    public void An_informative_population_prior_finds_the_population_best_sooner_than_a_flat_prior()
    {
        const string populationBest = "deep-minor-rain";
        var populationRandom = new SeededRandom(5);
        var pooled = new List<(PersonalizerContext, string, double)>();
        for (int i = 0; i < 3000; i++)
        {
            var context = new PersonalizerContext((Conditions)populationRandom.Next(8), (SessionGoal)populationRandom.Next(3),
                populationRandom.NextDouble() * 24, populationRandom.NextDouble());
            var preset = Presets[populationRandom.Next(Presets.Count)].Name;
            double mean = preset == populationBest ? 0.15 : 0;
            pooled.Add((context, preset, mean + RewardNoise * populationRandom.NextGaussian()));
        }
        // Individuals differ from the population by a per-preset offset of SD 0.03; the prior says as much.
        var prior = PersonalizerState.FitPopulationPrior(pooled, individualVariance: 0.001);

        int informed = 0, flat = 0, decisions = 0;
        for (ulong person = 0; person < 20; person++)
        {
            var informedBandit = new Personalizer(PersonalizerState.FromJson(prior.ToJson()));
            var flatBandit = new Personalizer(PersonalizerState.Flat());
            var r1 = new SeededRandom(100 + person);
            var r2 = new SeededRandom(100 + person);
            var noise = new SeededRandom(900 + person);
            var offset = Presets.ToDictionary(p => p.Name, _ => 0.03 * noise.NextGaussian());
            for (int t = 0; t < 8; t++)
            {
                var context = t % 2 == 0 ? GroupA : GroupB;
                double n = RewardNoise * noise.NextGaussian();
                var a = informedBandit.Choose(context, Presets, r1).Preset;
                var b = flatBandit.Choose(context, Presets, r2).Preset;
                informedBandit.Update(context, a, OutcomeFor((a.Name == populationBest ? 0.15 : 0) + offset[a.Name] + n));
                flatBandit.Update(context, b, OutcomeFor((b.Name == populationBest ? 0.15 : 0) + offset[b.Name] + n));
                informed += a.Name == populationBest ? 1 : 0;
                flat += b.Name == populationBest ? 1 : 0;
                decisions++;
            }
        }
        Assert.True(informed >= 0.6 * decisions, $"informative prior chose the population best {informed}/{decisions} (flat {flat})");
        Assert.True(informed >= flat + 0.3 * decisions, $"informative {informed} vs flat {flat} of {decisions}");
    }

    [Fact]
    public void A_disliked_trigger_class_is_never_chosen_until_restored()
    {
        var personalizer = new Personalizer(PersonalizerState.Flat());
        var chimes = Presets.Single(p => p.Name == "high-chimes");
        // Chimes clearly best for this person: every other preset made them more aroused.
        for (int i = 0; i < 5; i++)
            foreach (var preset in Presets)
                personalizer.Update(GroupA, preset, new SessionOutcome(preset == chimes ? -0.3 : 0.2));
        var random = new SeededRandom(11);
        Assert.Equal(chimes, personalizer.Choose(GroupA, Presets, random).Preset);

        personalizer.Update(GroupA, chimes, new SessionOutcome(0, dislikes: 1, dislikedClasses: SoundClass.Metallic));
        Assert.Equal(SoundClass.Metallic, personalizer.State.ExcludedClasses);
        for (int i = 0; i < 200; i++)
        {
            var choice = personalizer.Choose(GroupA, Presets, random);
            Assert.True(choice.Preset.Avoids(SoundClass.Metallic), choice.Preset.Name);
            Assert.DoesNotContain(choice.Scores, s => s.Name is "high-chimes" or "minor-chimes-wind");
        }

        personalizer.State.RestoreSoundClass(SoundClass.Metallic);
        Assert.Equal(chimes, personalizer.Choose(GroupA, Presets, random).Preset);
    }

    [Fact]
    public void Choose_throws_a_clear_error_when_every_preset_is_ruled_out()
    {
        var state = PersonalizerState.Flat();
        state.ExcludeSoundClass(SoundClass.TonalSustained);
        var e = Assert.Throws<InvalidOperationException>(() => new Personalizer(state).Choose(GroupA, Presets, new SeededRandom(1)));
        Assert.Contains("TonalSustained", e.Message);
        Assert.Throws<ArgumentException>(() => new Personalizer(state).Choose(GroupA, [Presets[0], Presets[0]], new SeededRandom(1)));
    }

    [Fact]
    public void Same_state_and_seed_give_the_same_choice_and_scores()
    {
        var p1 = new Personalizer(PersonalizerState.Flat());
        var p2 = new Personalizer(PersonalizerState.Flat());
        var c1 = p1.Choose(GroupB, Presets, new SeededRandom(3));
        var c2 = p2.Choose(GroupB, Presets, new SeededRandom(3));
        Assert.Equal(c1.Preset, c2.Preset);
        Assert.Equal(c1.Scores, c2.Scores);
        Assert.Equal(Presets.Count, c1.Scores.Count);
        Assert.Equal(c1.Scores.MaxBy(s => s.Sampled).Name, c1.Preset.Name);
    }

    [Fact]
    public void Reward_combines_the_outcome_with_the_documented_weights()
    {
        // 0.1 (calmer) + 0.1 (less distress) + 0.15 (rating 8) − 0.1 (one skip) − 0.05 (5 of 10 minutes).
        var outcome = new SessionOutcome(arousalChange: -0.1, distressChange: -0.2, rating: 8, skips: 1, minutesListened: 5);
        Assert.Equal(0.2, Personalizer.RewardOf(outcome), 12);
        // Dislikes cost 0.2 each, at most three count.
        Assert.Equal(-0.6, new SessionOutcome(0, dislikes: 9).Reward, 12);
        Assert.Equal("rating", Assert.Throws<ArgumentOutOfRangeException>(() => new SessionOutcome(0, rating: 11)).ParamName);
        Assert.Equal("dislikedClasses", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new SessionOutcome(0, dislikedClasses: (SoundClass)(1 << 20))).ParamName);
    }

    [Fact]
    public void Explain_says_it_is_learning_then_names_what_lowered_arousal_most()
    {
        var personalizer = new Personalizer(PersonalizerState.Flat());
        Assert.Equal("Still learning what works for you: no sessions recorded yet.", personalizer.Explain(GroupA));

        var calm = Presets.Single(p => p.Name == "calm-piano-low");
        var rain = Presets.Single(p => p.Name == "gentle-rain");
        foreach (double change in new[] { -0.10, -0.14, -0.12, -0.11, -0.13, -0.12 })
            personalizer.Update(GroupA, calm, new SessionOutcome(change));
        personalizer.Update(GroupA, rain, new SessionOutcome(-0.05));
        personalizer.Update(GroupB, rain, new SessionOutcome(-0.1, rating: 9));

        string text = personalizer.Explain(GroupA);
        Assert.StartsWith("Calm piano in a low register has lowered your arousal most (by about 0.12 over 6 sessions).", text);
        Assert.EndsWith("For settling in the morning, calm piano in a low register looks most promising now.", text);
        // Rain worked better than piano in the one sleep session at night: the context sentence follows the model, not the totals.
        Assert.EndsWith("For sleep at night, soft piano over gentle rain looks most promising now.", personalizer.Explain(GroupB));
    }

    [Fact]
    public void Explain_admits_when_nothing_has_helped_yet()
    {
        var personalizer = new Personalizer(PersonalizerState.Flat());
        personalizer.Update(GroupB, Presets[0], new SessionOutcome(0.05));
        Assert.StartsWith("None of the music so far has lowered your arousal yet (1 session); still learning.", personalizer.Explain(GroupB));
    }
}
