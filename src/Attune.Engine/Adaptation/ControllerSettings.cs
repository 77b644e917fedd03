namespace Attune.Engine.Adaptation;

/// <summary>
/// The limits and thresholds of <see cref="TherapyController"/>. All arousal values are on the
/// Sensing scale (0..1, 0.5 = the person's baseline). Validated: a value out of range throws
/// <see cref="ArgumentOutOfRangeException"/> naming the parameter and its range.
/// </summary>
public sealed record ControllerSettings
{
    public ControllerSettings(
        double maxArousalRatePerSecond = 0.004,
        double leadRatePerSecond = 0.0015,
        double maxLead = 0.15,
        double holdSd = 0.2,
        double backOffRise = 0.06,
        double backOffStep = 0.08,
        double backOffHoldSeconds = 90,
        double meetSeconds = 60,
        double sleepFadeSeconds = 300,
        double hyperacusisMinAttackSeconds = 0.08,
        double hyperacusisLoudnessRangeDb = 6)
    {
        Require(nameof(maxArousalRatePerSecond), maxArousalRatePerSecond, 0.0001, 0.05);
        Require(nameof(leadRatePerSecond), leadRatePerSecond, 0, maxArousalRatePerSecond);
        Require(nameof(maxLead), maxLead, 0, 0.5);
        Require(nameof(holdSd), holdSd, 0.01, 1);
        Require(nameof(backOffRise), backOffRise, 0.01, 0.5);
        Require(nameof(backOffStep), backOffStep, 0, 0.5);
        Require(nameof(backOffHoldSeconds), backOffHoldSeconds, 0, 600);
        Require(nameof(meetSeconds), meetSeconds, 0, 600);
        Require(nameof(sleepFadeSeconds), sleepFadeSeconds, 10, 1800);
        Require(nameof(hyperacusisMinAttackSeconds), hyperacusisMinAttackSeconds, 0.005, 0.5);
        Require(nameof(hyperacusisLoudnessRangeDb), hyperacusisLoudnessRangeDb, 1, 18);
        MaxArousalRatePerSecond = maxArousalRatePerSecond;
        LeadRatePerSecond = leadRatePerSecond;
        MaxLead = maxLead;
        HoldSd = holdSd;
        BackOffRise = backOffRise;
        BackOffStep = backOffStep;
        BackOffHoldSeconds = backOffHoldSeconds;
        MeetSeconds = meetSeconds;
        SleepFadeSeconds = sleepFadeSeconds;
        HyperacusisMinAttackSeconds = hyperacusisMinAttackSeconds;
        HyperacusisLoudnessRangeDb = hyperacusisLoudnessRangeDb;
    }

    public static ControllerSettings Default { get; } = new();

    /// <summary>The music's arousal never moves faster than this (per second), whatever happens.</summary>
    public double MaxArousalRatePerSecond { get; }

    /// <summary>How fast the music leads toward the goal once it has met the person.</summary>
    public double LeadRatePerSecond { get; }

    /// <summary>The iso principle's leash: the music stays at most this far below the person's arousal.</summary>
    public double MaxLead { get; }

    /// <summary>Above this arousal standard deviation the controller holds instead of leading.</summary>
    public double HoldSd { get; }

    /// <summary>A rise in estimated arousal above the lowest of the last minute by this much triggers a back-off.</summary>
    public double BackOffRise { get; }

    /// <summary>How far a back-off moves the music back toward the person (still within the rate limit).</summary>
    public double BackOffStep { get; }

    /// <summary>After a back-off, leading pauses this long.</summary>
    public double BackOffHoldSeconds { get; }

    /// <summary>At the start the music tracks the person's state this long before leading (iso principle).</summary>
    public double MeetSeconds { get; }

    /// <summary>A sleep session fades its programme level to the minimum over this final stretch.</summary>
    public double SleepFadeSeconds { get; }

    /// <summary>Hyperacusis: no attack shorter than this (soft onsets, no sudden transients).</summary>
    public double HyperacusisMinAttackSeconds { get; }

    /// <summary>Hyperacusis: the programme level stays within this many dB (limited dynamics).</summary>
    public double HyperacusisLoudnessRangeDb { get; }

    private static void Require(string name, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in {min}–{max}");
    }
}
