using Attune.Engine.Therapy;

namespace Attune.Engine.Adaptation;

/// <summary>
/// A hyperacusis level schedule: start just above audibility and raise the level gradually over weeks,
/// by a step the clinician sets, never above a ceiling (THERAPY.md, Formby 2003; TRT-style practice).
/// Levels are in dB above the person's just-audible level of the therapy noise (dB SL).
/// </summary>
public sealed class LevelSchedule
{
    public const double MaxWeeklyStepDb = 6;

    public LevelSchedule(DateOnly startDate, double startDbAboveJustAudible, double weeklyStepDb, double maxDbAboveJustAudible)
    {
        Require(nameof(startDbAboveJustAudible), startDbAboveJustAudible, SoundGeneratorLevel.MinDbAboveJustAudible, SoundGeneratorLevel.MaxDbAboveJustAudible);
        Require(nameof(weeklyStepDb), weeklyStepDb, 0, MaxWeeklyStepDb);
        Require(nameof(maxDbAboveJustAudible), maxDbAboveJustAudible, startDbAboveJustAudible, SoundGeneratorLevel.MaxDbAboveJustAudible);
        StartDate = startDate;
        StartDbAboveJustAudible = startDbAboveJustAudible;
        WeeklyStepDb = weeklyStepDb;
        MaxDbAboveJustAudible = maxDbAboveJustAudible;
    }

    public DateOnly StartDate { get; }
    public double StartDbAboveJustAudible { get; }
    public double WeeklyStepDb { get; }
    public double MaxDbAboveJustAudible { get; }

    /// <summary>The level for a session on <paramref name="date"/>: one step per completed week, capped; the start level before the start date.</summary>
    public double DbAboveJustAudible(DateOnly date)
    {
        int days = date.DayNumber - StartDate.DayNumber;
        int weeks = days <= 0 ? 0 : days / 7;
        return Math.Min(MaxDbAboveJustAudible, StartDbAboveJustAudible + weeks * WeeklyStepDb);
    }

    /// <summary>The scheduled level in dBFS for a profile's just-audible level.</summary>
    public double LevelDbfs(TherapyProfile profile, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return SoundGeneratorLevel.FromSensationLevel(profile.JustAudibleDbfs, DbAboveJustAudible(date));
    }

    private static void Require(string name, double value, double min, double max)
    {
        if (!(value >= min && value <= max))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in {min}–{max} dB");
    }
}
