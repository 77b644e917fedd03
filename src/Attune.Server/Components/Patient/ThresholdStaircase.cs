using Attune.Engine.Fitting;

namespace Attune.Server.Components.Patient;

/// <summary>
/// The just-audible level by a descending/ascending staircase: 10 dB down after "heard", 5 dB up after "not heard",
/// as in the modified Hughson–Westlake procedure (ISO 8253-1). The threshold is the lowest level heard on two
/// ascending runs; levels are in dB relative to the wizard's reference level.
/// </summary>
internal sealed class ThresholdStaircase(int startDb)
{
    /// <summary>The levels the wizard's clips can be played at (<see cref="FittingLevels"/>).</summary>
    public const int MinDb = (int)FittingLevels.MinRelativeDb, MaxDb = (int)FittingLevels.MaxRelativeDb;

    public const int MaxTrials = 16;

    private readonly Dictionary<int, int> _ascendingHeard = [];
    private bool? _lastHeard;

    /// <summary>The next level to play.</summary>
    public int Level { get; private set; } = Math.Clamp(startDb, MinDb, MaxDb);

    public int Trials { get; private set; }

    /// <summary>Set once found.</summary>
    public int? Threshold { get; private set; }

    /// <summary>Records one answer; the threshold once found, else null (<see cref="Level"/> is then the next level).</summary>
    public int? Answer(bool heard)
    {
        if (Threshold is not null) throw new InvalidOperationException("The threshold is already found; start a new staircase.");
        Trials++;
        if (heard && _lastHeard == false)
        {
            int count = _ascendingHeard.GetValueOrDefault(Level) + 1;
            _ascendingHeard[Level] = count;
            if (count >= 2) Threshold = Level;
        }
        if (heard && Level <= MinDb) Threshold = MinDb;
        if (Threshold is null && Trials >= MaxTrials) Threshold = _ascendingHeard.Count > 0 ? _ascendingHeard.Keys.Min() : Level;
        _lastHeard = heard;
        if (Threshold is not null) return Threshold;
        Level = Math.Clamp(Level + (heard ? -10 : 5), MinDb, MaxDb);
        return null;
    }
}
