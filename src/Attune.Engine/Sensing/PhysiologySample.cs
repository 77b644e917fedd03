namespace Attune.Engine.Sensing;

/// <summary>
/// What the estimator is fed once per second or so, after packet decoding and RR artefact
/// correction: heart rate, the sliding-window RMSSD when RR intervals are available, and the
/// strap's skin-contact status. Validated on construction (ranges named in the exception).
/// </summary>
public sealed record PhysiologySample
{
    // Heart rates outside 25–240 bpm are not physiological at rest or in a session (RR 250–2400 ms).
    public const double MinHeartRateBpm = 25, MaxHeartRateBpm = 240;
    public const double MaxRmssdMs = 1000;
    public const double MinRespirationRateBpm = 2, MaxRespirationRateBpm = 60;

    public PhysiologySample(double timeSeconds, double heartRateBpm, double? rmssdMs, SensorContact contact, double? respirationRateBpm = null)
    {
        SensingInputRange.RequireTime(nameof(TimeSeconds), timeSeconds);
        SensingInputRange.Require(nameof(HeartRateBpm), heartRateBpm, MinHeartRateBpm, MaxHeartRateBpm, "bpm");
        if (rmssdMs is double r)
            SensingInputRange.RequirePositive(nameof(RmssdMs), r, MaxRmssdMs, "ms");
        if (!Enum.IsDefined(contact))
            throw new ArgumentOutOfRangeException(nameof(contact), contact, $"{nameof(Contact)} must be NotSupported, Detected or NotDetected.");
        if (respirationRateBpm is double b)
            SensingInputRange.Require(nameof(RespirationRateBpm), b, MinRespirationRateBpm, MaxRespirationRateBpm, "breaths/min");
        TimeSeconds = timeSeconds;
        HeartRateBpm = heartRateBpm;
        RmssdMs = rmssdMs;
        Contact = contact;
        RespirationRateBpm = respirationRateBpm;
    }

    /// <summary>Session time of the sample, seconds.</summary>
    public double TimeSeconds { get; }

    /// <summary>Artefact-corrected heart rate, beats per minute.</summary>
    public double HeartRateBpm { get; }

    /// <summary>RMSSD over the recent sliding window (60–120 s, Munoz 2015), ms; null without RR intervals.</summary>
    public double? RmssdMs { get; }

    /// <summary>Skin contact: <see cref="SensorContact.NotDetected"/> samples are ignored by the estimator.</summary>
    public SensorContact Contact { get; }

    /// <summary>Breaths per minute from RSA, when the caller has it; passed through to the estimate.</summary>
    public double? RespirationRateBpm { get; }
}
