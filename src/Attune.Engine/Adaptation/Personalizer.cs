using System.Globalization;

namespace Attune.Engine.Adaptation;

/// <summary>
/// What worked for this person before: a contextual bandit over <see cref="MusicPreset"/>s with
/// Thompson sampling on a Bayesian linear reward model per preset (Agrawal &amp; Goyal 2013,
/// "Thompson Sampling for Contextual Bandits with Linear Payoffs"; Russo et al. 2018, "A Tutorial on
/// Thompson Sampling"). Each decision draws one weight vector per preset from its posterior and
/// plays the preset whose draw scores the context highest: uncertain presets are tried in proportion
/// to their chance of being best, and a preset known to work wins almost always.
/// </summary>
/// <remarks>Not for the render path: it allocates, and runs once per session. Not thread-safe: one per person.</remarks>
public sealed class Personalizer
{
    public Personalizer(PersonalizerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        State = state;
    }

    /// <summary>The person's learned state; serialise it with <see cref="PersonalizerState.ToJson"/>.</summary>
    public PersonalizerState State { get; }

    /// <summary>The reward of a session outcome (<see cref="SessionOutcome.Reward"/>).</summary>
    public static double RewardOf(SessionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Reward;
    }

    /// <summary>
    /// Chooses among <paramref name="allowed"/> (e.g. <see cref="PresetCatalog.For(TherapyProfile)"/>),
    /// skipping presets that use a sound class the person has ruled out. Samples are drawn in the
    /// order of <paramref name="allowed"/>, so the same state, context, list and seed give the same choice.
    /// </summary>
    /// <exception cref="InvalidOperationException">No preset in <paramref name="allowed"/> avoids the ruled-out classes.</exception>
    public PersonalizerChoice Choose(PersonalizerContext context, IReadOnlyList<MusicPreset> allowed, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(allowed);
        ArgumentNullException.ThrowIfNull(random);
        RequireUniqueNames(allowed);
        var x = context.Features();
        var w = new double[PersonalizerContext.Dimension];
        var scores = new List<PresetScore>(allowed.Count);
        MusicPreset? best = null;
        double bestScore = double.NegativeInfinity;
        foreach (var preset in allowed)
        {
            if (!State.Allows(preset)) continue;
            var model = State.Model(preset.Name);
            model.Sample(random, w);
            double sampled = 0;
            for (int i = 0; i < w.Length; i++) sampled += w[i] * x[i];
            scores.Add(new PresetScore(preset.Name, sampled, model.Predict(x)));
            if (sampled > bestScore)
            {
                bestScore = sampled;
                best = preset;
            }
        }
        if (best is null)
            throw new InvalidOperationException(
                $"none of the {allowed.Count} allowed presets avoids the ruled-out sound classes ({State.ExcludedClasses}); restore a class or add presets");
        return new PersonalizerChoice(best, scores);
    }

    /// <summary>
    /// Learns from a finished session with <paramref name="preset"/>: updates its posterior with the
    /// outcome's reward and its summary, and rules out any sound class the outcome's dislike was tagged with.
    /// </summary>
    public void Update(PersonalizerContext context, MusicPreset preset, SessionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(outcome);
        State.Record(preset.Name, context.Features(), outcome);
    }

    /// <summary>Plain-words explanation over the presets of <see cref="PresetCatalog.Default"/>.</summary>
    public string Explain(PersonalizerContext context) => Explain(context, PresetCatalog.Default);

    /// <summary>
    /// Plain words for the person: which preset has lowered their arousal most so far (from the
    /// stored outcome summaries), and which of the presets tried looks most promising for this context
    /// now (highest posterior mean reward);
    /// with no sessions yet, that it is still learning.
    /// </summary>
    public string Explain(PersonalizerContext context, IReadOnlyList<MusicPreset> presets)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(presets);
        int total = 0;
        MusicPreset? calmest = null, promising = null;
        double calmestChange = 0, promisingReward = double.NegativeInfinity;
        var x = context.Features();
        foreach (var preset in presets)
        {
            if (!State.Allows(preset)) continue;
            var summary = State.Summary(preset.Name);
            total += summary.Sessions;
            if (summary.Sessions > 0 && summary.MeanArousalChange < calmestChange)
            {
                calmestChange = summary.MeanArousalChange;
                calmest = preset;
            }
            if (summary.Sessions == 0) continue;
            double expected = State.Model(preset.Name).Predict(x);
            if (expected > promisingReward)
            {
                promisingReward = expected;
                promising = preset;
            }
        }
        if (total == 0) return "Still learning what works for you: no sessions recorded yet.";
        var inv = CultureInfo.InvariantCulture;
        string first = calmest is null
            ? $"None of the music so far has lowered your arousal yet ({Sessions(total)}); still learning."
            : string.Format(inv, "{0} has lowered your arousal most (by about {1:0.00} over {2}).",
                Capitalise(calmest.Description), -calmestChange, Sessions(State.Summary(calmest.Name).Sessions));
        return promising is null ? first : $"{first} For {GoalWords(context.Goal)} {TimeWords(context.HourOfDay)}, {promising.Description} looks most promising now.";
    }

    private static void RequireUniqueNames(IReadOnlyList<MusicPreset> allowed)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var preset in allowed)
        {
            ArgumentNullException.ThrowIfNull(preset, nameof(allowed));
            if (!names.Add(preset.Name)) throw new ArgumentException($"allowed holds preset '{preset.Name}' twice; names must be unique", nameof(allowed));
        }
    }

    private static string Sessions(int n) => n == 1 ? "1 session" : $"{n} sessions";

    private static string Capitalise(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private static string GoalWords(SessionGoal goal) => goal switch
    {
        SessionGoal.Sleep => "sleep",
        SessionGoal.Background => "background listening",
        _ => "settling",
    };

    private static string TimeWords(double hour) => hour switch
    {
        >= 5 and < 12 => "in the morning",
        >= 12 and < 17 => "in the afternoon",
        >= 17 and < 22 => "in the evening",
        _ => "at night",
    };
}
