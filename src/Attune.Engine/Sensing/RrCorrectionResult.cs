namespace Attune.Engine.Sensing;

/// <summary>
/// An artefact-corrected RR (NN) series and what was changed. Counts are events: a missed beat split in two,
/// an extra beat merged away, an ectopic short–long (or long–short) pair interpolated, a lone long or short
/// interval interpolated, a value outside the physiological range replaced.
/// </summary>
public sealed record RrCorrectionResult(
    IReadOnlyList<double> CorrectedMs,
    int Missed,
    int Extra,
    int Ectopic,
    int LongShort,
    int OutOfRange)
{
    /// <summary>Total number of corrections of all kinds.</summary>
    public int CorrectedBeats => Missed + Extra + Ectopic + LongShort + OutOfRange;
}
