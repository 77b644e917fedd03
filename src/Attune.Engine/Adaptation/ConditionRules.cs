using Attune.Engine.Composition;

namespace Attune.Engine.Adaptation;

/// <summary>
/// The condition rules every intent obeys, whoever chose it (the adaptive controller or a fixed
/// programme): for hyperacusis, no attack shorter than the soft-attack minimum and a programme level
/// held within a narrow range below the baseline level (THERAPY.md: never sudden transients, limited
/// dynamics). The tinnitus notch and misophonia exclusions are carried by the decision and applied by
/// the signal path (notch filter, arranger), not by the intent.
/// </summary>
public static class ConditionRules
{
    /// <summary>The hyperacusis loudness ceiling: the baseline intent's programme level.</summary>
    public static double HyperacusisLoudnessCeilingDb { get; } = MusicalIntent.ForArousal(0.5).LoudnessDb;

    /// <summary>Returns the intent with the profile's rules applied (unchanged when none apply).</summary>
    public static MusicalIntent Apply(TherapyProfile profile, MusicalIntent intent, ControllerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(settings);
        if (!profile.Has(Conditions.Hyperacusis)) return intent;
        double attack = Math.Clamp(Math.Max(intent.AttackSeconds, settings.HyperacusisMinAttackSeconds),
            MusicalIntent.MinAttackSeconds, MusicalIntent.MaxAttackSeconds);
        double loudness = Math.Clamp(intent.LoudnessDb,
            HyperacusisLoudnessCeilingDb - settings.HyperacusisLoudnessRangeDb, HyperacusisLoudnessCeilingDb);
        return new MusicalIntent(intent.TempoBpm, intent.Register, intent.Density, intent.Brightness, loudness,
            intent.Predictability, intent.Mode, attack);
    }

    /// <summary>True when the intent obeys the profile's rules (a quieter level, e.g. a sleep fade, is always allowed).</summary>
    public static bool Holds(TherapyProfile profile, MusicalIntent intent, ControllerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(settings);
        if (!profile.Has(Conditions.Hyperacusis)) return true;
        return intent.AttackSeconds >= settings.HyperacusisMinAttackSeconds - 1e-12
            && intent.LoudnessDb <= HyperacusisLoudnessCeilingDb + 1e-9;
    }
}
