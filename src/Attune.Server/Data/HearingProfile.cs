using Attune.Engine;

namespace Attune.Server.Data;

/// <summary>A patient's hearing settings (one per user); its ranges are the engine's <see cref="TherapyProfile"/> ranges.</summary>
public sealed class HearingProfile
{
    public required string UserId { get; set; }
    public Conditions Conditions { get; set; }
    public double? TinnitusHz { get; set; }
    public double NotchOctaves { get; set; } = TherapyProfile.DefaultNotchOctaves;
    public double JustAudibleDbfs { get; set; } = TherapyProfile.DefaultJustAudibleDbfs;

    /// <summary>Preferred therapy-noise level above the just-audible level, dB SL.</summary>
    public double ComfortableLevelDbSl { get; set; } = DefaultComfortableLevelDbSl;

    public double MaxLufs { get; set; } = TherapyProfile.DefaultMaxLufs;
    public double CeilingDbtp { get; set; } = TherapyProfile.DefaultCeilingDbtp;
    public SoundClass ExcludedSoundClasses { get; set; }

    /// <summary>Misophonia trigger categories in the patient's words (e.g. "chewing"), stored as a JSON array.</summary>
    public string TriggerCategoriesJson { get; set; } = "[]";

    /// <summary>Free-form UI and music preferences, a JSON object.</summary>
    public string PreferencesJson { get; set; } = "{}";

    public DateTime UpdatedAt { get; set; }

    // TRT mixing point is 5–10 dB above threshold (THERAPY.md); the CLI's --level-db-sl uses the same range.
    public const double MinComfortableLevelDbSl = 0, MaxComfortableLevelDbSl = 30, DefaultComfortableLevelDbSl = 8;

    /// <summary>The engine's view of these settings; throws <see cref="ProfileValidationException"/> on a value out of range.</summary>
    public TherapyProfile ToTherapyProfile() =>
        new(Conditions, TinnitusHz, NotchOctaves, JustAudibleDbfs, MaxLufs, CeilingDbtp, ExcludedSoundClasses);
}
