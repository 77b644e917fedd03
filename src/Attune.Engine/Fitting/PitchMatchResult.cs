namespace Attune.Engine.Fitting;

/// <summary>
/// The outcome of a pitch match: the geometric mean of the runs' estimates, their range (min–max), whether the
/// octave-confusion check ran, how many runs it moved by an octave, and the number of trials answered.
/// </summary>
public sealed record PitchMatchResult(
    double BestHz,
    double LowHz,
    double HighHz,
    bool OctaveChecked,
    int OctaveCorrections,
    int Trials,
    IReadOnlyList<double> RunEstimatesHz);
