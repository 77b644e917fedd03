namespace Attune.Engine.Therapy;

/// <summary>
/// Sets a sound generator at TRT's "mixing point": measure the level at which the noise is just
/// audible, then play it 5–10 dB above that, without fully masking the tinnitus (ReSound TSG fitting
/// guidance; Jastreboff's TRT). Inputs above 10 dB are allowed up to 30 dB for clinician-led
/// fittings (e.g. hyperacusis schedules that raise the level over weeks) but lie outside the mixing point.
/// </summary>
public static class SoundGeneratorLevel
{
    public const double MixingPointMinDb = 5, MixingPointMaxDb = 10;
    public const double MinDbAboveJustAudible = 0, MaxDbAboveJustAudible = 30;

    /// <summary>The generator level in dBFS RMS: the just-audible level plus the sensation level.</summary>
    /// <param name="justAudibleDbfs">Level at which this person just hears the noise (profile range −120…−20 dBFS).</param>
    /// <param name="dbAboveJustAudible">Sensation level, 0–30 dB; the mixing point is 5–10 dB.</param>
    public static double FromSensationLevel(double justAudibleDbfs, double dbAboveJustAudible)
    {
        if (double.IsNaN(justAudibleDbfs) || justAudibleDbfs < TherapyProfile.MinJustAudibleDbfs || justAudibleDbfs > TherapyProfile.MaxJustAudibleDbfs)
            throw new ArgumentOutOfRangeException(nameof(justAudibleDbfs), justAudibleDbfs,
                $"justAudibleDbfs must be within {TherapyProfile.MinJustAudibleDbfs}–{TherapyProfile.MaxJustAudibleDbfs} dBFS");
        if (double.IsNaN(dbAboveJustAudible) || dbAboveJustAudible < MinDbAboveJustAudible || dbAboveJustAudible > MaxDbAboveJustAudible)
            throw new ArgumentOutOfRangeException(nameof(dbAboveJustAudible), dbAboveJustAudible,
                $"dbAboveJustAudible must be within {MinDbAboveJustAudible}–{MaxDbAboveJustAudible} dB");
        return justAudibleDbfs + dbAboveJustAudible;
    }

    /// <summary>True when the sensation level lies in TRT's 5–10 dB mixing-point range.</summary>
    public static bool IsMixingPoint(double dbAboveJustAudible) =>
        dbAboveJustAudible >= MixingPointMinDb && dbAboveJustAudible <= MixingPointMaxDb;
}
