using Attune.Engine.Safety;

namespace Attune.Engine.Fitting;

/// <summary>
/// Levels and durations of the set-up wizard's clips. The reference level (0 dB) is the RMS per channel of a
/// stereo 1 kHz tone whose BS.1770 loudness is the Safety governor's floor, MaxLufs − 20 LU: below that floor a clip
/// starting from silence passes the governor untouched, and at the default −30 LUFS cap (≈ 80 dB(A) uncalibrated,
/// EN 50332-1) it is ≈ 60 dB(A), the most a self-administered matching test plays by default (THERAPY.md).
/// </summary>
public static class FittingLevels
{
    public const double MinRelativeDb = -60, MaxRelativeDb = 0;
    public const int MinMilliseconds = 200, MaxMilliseconds = 3000;
    /// <summary>Raised-cosine onset and offset ramp of every clip.</summary>
    public const double RampSeconds = 0.020;
    /// <summary>Absolute clip levels the renderers accept (RMS per channel, dBFS, before the equal-loudness gain).</summary>
    public const double MinLevelDbfs = -160, MaxLevelDbfs = 0;

    // BS.1770 sums the channels' power: a stereo 1 kHz tone reads 3.01 LU above its per-channel RMS in dBFS.
    private const double StereoSumDb = 3.0103;

    /// <summary>RMS per channel (dBFS) of the wizard's 0 dB reference for <paramref name="profile"/>.</summary>
    public static double ReferenceDbfs(TherapyProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.MaxLufs - LoudnessGovernor.FloorBelowMaxLu - StereoSumDb;
    }

    /// <summary>The absolute level of a clip <paramref name="relativeDb"/> (−60…0 dB) relative to the profile's reference.</summary>
    public static double LevelDbfs(TherapyProfile profile, double relativeDb)
    {
        if (double.IsNaN(relativeDb) || relativeDb < MinRelativeDb || relativeDb > MaxRelativeDb)
            throw new ArgumentOutOfRangeException(nameof(relativeDb), relativeDb, $"relativeDb must be within {MinRelativeDb}–{MaxRelativeDb} dB");
        return ReferenceDbfs(profile) + relativeDb;
    }

    internal static void RequireLevel(double levelDbfs)
    {
        if (double.IsNaN(levelDbfs) || levelDbfs < MinLevelDbfs || levelDbfs > MaxLevelDbfs)
            throw new ArgumentOutOfRangeException(nameof(levelDbfs), levelDbfs, $"levelDbfs must be within {MinLevelDbfs}–{MaxLevelDbfs} dBFS");
    }

    internal static int RequireFrames(int milliseconds)
    {
        if (milliseconds < MinMilliseconds || milliseconds > MaxMilliseconds)
            throw new ArgumentOutOfRangeException(nameof(milliseconds), milliseconds, $"milliseconds must be within {MinMilliseconds}–{MaxMilliseconds} ms");
        return milliseconds * AudioFormat.SampleRate / 1000;
    }
}
