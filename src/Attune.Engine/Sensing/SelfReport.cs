namespace Attune.Engine.Sensing;

/// <summary>
/// One rating the person gave at session time <see cref="TimeSeconds"/>. 0–10 scales for distress,
/// tinnitus loudness and annoyance, sound sensitivity and calm; 1–9 for the SAM valence and arousal
/// scales. Validated on construction: a value outside its scale's range throws
/// <see cref="ArgumentOutOfRangeException"/> naming the scale and the range.
/// </summary>
public sealed record SelfReport
{
    public const double MinRating = 0, MaxRating = 10;
    public const double MinSam = 1, MaxSam = 9;

    public SelfReport(double timeSeconds, SelfReportScale scale, double value)
    {
        SensingInputRange.RequireTime(nameof(TimeSeconds), timeSeconds);
        if (!Enum.IsDefined(scale))
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"{nameof(Scale)} must be one of {string.Join(", ", Enum.GetNames<SelfReportScale>())}.");
        SensingInputRange.Require(scale.ToString(), value, MinOf(scale), MaxOf(scale), "points");
        TimeSeconds = timeSeconds;
        Scale = scale;
        Value = value;
    }

    /// <summary>Session time of the rating, seconds.</summary>
    public double TimeSeconds { get; }

    public SelfReportScale Scale { get; }

    /// <summary>The rating, within [<see cref="MinOf"/>, <see cref="MaxOf"/>] of its scale.</summary>
    public double Value { get; }

    /// <summary>The rating as a fraction of its scale: 0 at the scale's minimum, 1 at its maximum.</summary>
    public double Fraction => (Value - MinOf(Scale)) / (MaxOf(Scale) - MinOf(Scale));

    public static bool IsSam(SelfReportScale scale) => scale is SelfReportScale.SamValence or SelfReportScale.SamArousal;

    public static double MinOf(SelfReportScale scale) => IsSam(scale) ? MinSam : MinRating;

    public static double MaxOf(SelfReportScale scale) => IsSam(scale) ? MaxSam : MaxRating;
}
