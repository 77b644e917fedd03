namespace Attune.Engine.Adaptation;

/// <summary>What one person's sessions with one preset have shown so far.</summary>
public readonly record struct PresetSummary(int Sessions, double ArousalChangeSum, double RewardSum)
{
    /// <summary>Mean arousal change per session (negative = calmer); 0 with no sessions.</summary>
    public double MeanArousalChange => Sessions == 0 ? 0 : ArousalChangeSum / Sessions;

    /// <summary>Mean reward per session; 0 with no sessions.</summary>
    public double MeanReward => Sessions == 0 ? 0 : RewardSum / Sessions;

    internal PresetSummary Add(SessionOutcome outcome) =>
        new(Sessions + 1, ArousalChangeSum + outcome.ArousalChange, RewardSum + outcome.Reward);
}
