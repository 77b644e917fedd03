namespace Attune.Engine;

/// <summary>
/// What the engine needs to know about the person. Immutable and validated on construction: a value
/// outside its range throws <see cref="ProfileValidationException"/> naming the field and the range.
/// </summary>
public sealed record TherapyProfile
{
    // Ranges. Tinnitus matching covers 250 Hz–16 kHz (THERAPY.md, Henry 2001/2004).
    public const double MinTinnitusHz = 250, MaxTinnitusHz = 16_000;
    // Notch widths of 1, ½ and ¼ octave were compared by Wunderlich 2015; default 1 octave (Okamoto 2010).
    public const double MinNotchOctaves = 0.25, MaxNotchOctaves = 1.0, DefaultNotchOctaves = 1.0;
    public const double MinJustAudibleDbfs = -120, MaxJustAudibleDbfs = -20, DefaultJustAudibleDbfs = -70;
    // Uncalibrated, EN 50332-1 puts −10 dBFS programme noise at ≈ 100 dB(A): −30 LUFS ≈ 80 dB(A).
    // The hard product limit −20 LUFS ≈ 90 dB(A) stays below the 95 dBA cap of H.871 for devices without dose measurement.
    public const double MinMaxLufs = -70, MaxMaxLufs = -20, DefaultMaxLufs = -30;
    public const double MinCeilingDbtp = -30, MaxCeilingDbtp = -1, DefaultCeilingDbtp = -1;
    /// <summary>Lossy codecs raise peaks by ~2 dB (THERAPY.md), so lossy output gets a lower ceiling.</summary>
    public const double DefaultLossyCeilingDbtp = -3;
    public const double MinCalibrationDb = 60, MaxCalibrationDb = 140;

    public TherapyProfile(
        Conditions conditions = Conditions.None,
        double? tinnitusHz = null,
        double notchOctaves = DefaultNotchOctaves,
        double justAudibleDbfs = DefaultJustAudibleDbfs,
        double maxLufs = DefaultMaxLufs,
        double ceilingDbtp = DefaultCeilingDbtp,
        SoundClass excludedClasses = SoundClass.None,
        double? calibrationDbaAtFullScale = null)
    {
        if (tinnitusHz is double f)
            RequireRange(nameof(TinnitusHz), f, MinTinnitusHz, MaxTinnitusHz, "Hz");
        RequireRange(nameof(NotchOctaves), notchOctaves, MinNotchOctaves, MaxNotchOctaves, "octaves");
        RequireRange(nameof(JustAudibleDbfs), justAudibleDbfs, MinJustAudibleDbfs, MaxJustAudibleDbfs, "dBFS");
        RequireRange(nameof(MaxLufs), maxLufs, MinMaxLufs, MaxMaxLufs, "LUFS");
        RequireRange(nameof(CeilingDbtp), ceilingDbtp, MinCeilingDbtp, MaxCeilingDbtp, "dBTP");
        if (calibrationDbaAtFullScale is double c)
            RequireRange(nameof(CalibrationDbaAtFullScale), c, MinCalibrationDb, MaxCalibrationDb, "dB(A) at 0 dBFS");
        if ((conditions & ~(Conditions.Tinnitus | Conditions.Hyperacusis | Conditions.Misophonia)) != 0)
            throw new ProfileValidationException(nameof(Conditions), "unknown condition flag; allowed: tinnitus, hyperacusis, misophonia");

        Conditions = conditions;
        TinnitusHz = tinnitusHz;
        NotchOctaves = notchOctaves;
        JustAudibleDbfs = justAudibleDbfs;
        MaxLufs = maxLufs;
        CeilingDbtp = ceilingDbtp;
        ExcludedClasses = excludedClasses;
        CalibrationDbaAtFullScale = calibrationDbaAtFullScale;
    }

    public static TherapyProfile Default { get; } = new();

    public Conditions Conditions { get; }

    /// <summary>Matched tinnitus frequency fT; when set, all output is notched at it.</summary>
    public double? TinnitusHz { get; }

    /// <summary>Notch width W in octaves, centred on fT on a log scale.</summary>
    public double NotchOctaves { get; }

    /// <summary>Level (dBFS RMS) at which the therapy noise is just audible to this person.</summary>
    public double JustAudibleDbfs { get; }

    /// <summary>Maximum short-term (3 s) programme loudness, LUFS (BS.1770-4).</summary>
    public double MaxLufs { get; }

    /// <summary>True-peak ceiling for lossless output, dBTP.</summary>
    public double CeilingDbtp { get; }

    /// <summary>Sound classes this person must never hear (misophonia triggers, dislikes).</summary>
    public SoundClass ExcludedClasses { get; }

    /// <summary>dB(A) at the ear for a 0 dBFS signal on a calibrated headphone; null = uncalibrated (EN 50332-1 reference).</summary>
    public double? CalibrationDbaAtFullScale { get; }

    public bool Has(Conditions c) => (Conditions & c) == c;

    public bool Allows(SoundClass classes) => (ExcludedClasses & classes) == 0;

    /// <summary>This profile with other excluded sound classes (e.g. after a trigger-tagged dislike).</summary>
    public TherapyProfile WithExcludedClasses(SoundClass excluded) =>
        new(Conditions, TinnitusHz, NotchOctaves, JustAudibleDbfs, MaxLufs, CeilingDbtp, excluded, CalibrationDbaAtFullScale);

    /// <summary>This profile with tinnitus at <paramref name="tinnitusHz"/> and a notch <paramref name="notchOctaves"/> wide (validated as usual).</summary>
    public TherapyProfile WithNotch(double tinnitusHz, double notchOctaves) =>
        new(Conditions | Conditions.Tinnitus, tinnitusHz, notchOctaves, JustAudibleDbfs, MaxLufs, CeilingDbtp, ExcludedClasses, CalibrationDbaAtFullScale);

    private static void RequireRange(string field, double value, double min, double max, string unit)
    {
        if (double.IsNaN(value) || value < min || value > max)
            throw new ProfileValidationException(field, $"{value} is outside the allowed range {min}–{max} {unit}");
    }
}
