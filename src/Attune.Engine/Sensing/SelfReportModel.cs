namespace Attune.Engine.Sensing;

/// <summary>
/// How a rating becomes a measurement of a latent dimension. A rating maps linearly onto the
/// output range (0–10 → 0–1, SAM 1–9 → 0–1 or −1–1), clipped to 5–95 % so an end-of-scale answer
/// stays finite on the latent scale. Noise SDs (latent units) say how directly a scale measures
/// the dimension: distress itself most, tinnitus loudness least. Engineering choices, not figures
/// from a study.
/// </summary>
internal static class SelfReportModel
{
    public const double DistressNoiseSd = 0.6;
    public const double AnnoyanceNoiseSd = 0.8;
    public const double SensitivityNoiseSd = 1.0;
    public const double LoudnessNoiseSd = 1.2;
    public const double CalmArousalNoiseSd = 1.0;
    public const double CalmValenceNoiseSd = 0.5;
    public const double SamValenceNoiseSd = 0.3;
    public const double SamArousalNoiseSd = 0.8;

    private const double Clip = 0.05;

    /// <summary>Latent logit of a 0–1 fraction, clipped.</summary>
    public static double Logit(double fraction)
    {
        double p = Math.Clamp(fraction, Clip, 1 - Clip);
        return Math.Log(p / (1 - p));
    }

    /// <summary>Latent atanh of a −1–1 value, clipped.</summary>
    public static double Atanh(double value) => Math.Atanh(Math.Clamp(value, -(1 - 2 * Clip), 1 - 2 * Clip));

    public static double DistressNoise(SelfReportScale scale) => scale switch
    {
        SelfReportScale.Distress => DistressNoiseSd,
        SelfReportScale.TinnitusAnnoyance => AnnoyanceNoiseSd,
        SelfReportScale.SoundSensitivity => SensitivityNoiseSd,
        _ => LoudnessNoiseSd,
    };
}
