namespace Attune.Engine.Fitting;

/// <summary>
/// Adaptive two-alternative forced-choice tinnitus pitch match (after Henry 2001/2004 and the Vernon/Oregon
/// protocol, THERAPY.md). Each run starts with the bracket 250 Hz–16 kHz (6 octaves); each trial offers two tones a
/// quarter of the bracket below and above its centre (in octaves) and keeps the half holding the chosen tone, so
/// the bracket halves per answer. After the bisection trials the estimate (the bracket's centre) is compared with
/// one octave below, and — unless that won — with one octave above; a winning octave replaces the estimate.
/// Runs repeat; the best estimate is the geometric mean of the runs, the range their min–max. Tone order within a
/// trial is shuffled by a seeded random source, so the whole procedure is deterministic for a seed. Not thread-safe.
/// </summary>
public sealed class PitchMatch
{
    public const double MinHz = TherapyProfile.MinTinnitusHz, MaxHz = TherapyProfile.MaxTinnitusHz;
    public const int MinRuns = 1, MaxRuns = 5, DefaultRuns = 3;
    // 6 octaves need ≥ 6 halvings to reach a bracket under ⅒ octave.
    public const int MinBisectionTrials = 6, MaxBisectionTrials = 10, DefaultBisectionTrials = 6;

    private enum Phase { Bisect, CheckBelow, CheckAbove, Done }

    private static readonly double LogMin = Math.Log2(MinHz), LogMax = Math.Log2(MaxHz);
    private readonly SeededRandom _random;
    private readonly int _runs, _bisectionTrials;
    private readonly bool _octaveCheck;
    private readonly List<double> _estimates = [];
    private Phase _phase;
    private double _lo, _hi, _estimate, _aLog, _bLog;
    private int _bisected, _trialId, _answered, _corrections;

    /// <param name="seed">Seed of the tone-order shuffle.</param>
    /// <param name="runs">Repeats, 1–5 (default 3).</param>
    /// <param name="bisectionTrials">Halvings per run, 6–10 (default 6).</param>
    /// <param name="octaveCheck">Whether each run ends with the octave-confusion check (default on).</param>
    public PitchMatch(ulong seed, int runs = DefaultRuns, int bisectionTrials = DefaultBisectionTrials, bool octaveCheck = true)
    {
        if (runs < MinRuns || runs > MaxRuns)
            throw new ArgumentOutOfRangeException(nameof(runs), runs, $"runs must be within {MinRuns}–{MaxRuns}");
        if (bisectionTrials < MinBisectionTrials || bisectionTrials > MaxBisectionTrials)
            throw new ArgumentOutOfRangeException(nameof(bisectionTrials), bisectionTrials,
                $"bisectionTrials must be within {MinBisectionTrials}–{MaxBisectionTrials}");
        _random = new SeededRandom(seed);
        _runs = runs;
        _bisectionTrials = bisectionTrials;
        _octaveCheck = octaveCheck;
        StartRun();
    }

    /// <summary>The trial waiting for an answer; null once the match is done.</summary>
    public PitchMatchTrial? Current { get; private set; }

    public bool IsDone => _phase == Phase.Done;

    /// <summary>The result once <see cref="IsDone"/>; null before.</summary>
    public PitchMatchResult? Result { get; private set; }

    public int TrialsAnswered => _answered;

    /// <summary>Records the answer to the current trial and moves on.</summary>
    /// <exception cref="InvalidOperationException">The match is already done.</exception>
    /// <exception cref="ArgumentException">The trial id is not the current trial's, or the choice is not A or B.</exception>
    public void Answer(int trialId, PitchChoice choice)
    {
        if (Current is not { } trial) throw new InvalidOperationException("the pitch match is done; no trial is waiting for an answer");
        if (trialId != trial.TrialId)
            throw new ArgumentOutOfRangeException(nameof(trialId), trialId, $"trialId must be {trial.TrialId} (the current trial)");
        if (!Enum.IsDefined(choice)) throw new ArgumentOutOfRangeException(nameof(choice), choice, "choice must be A or B");
        _answered++;
        double chosen = choice == PitchChoice.A ? _aLog : _bLog;
        switch (_phase)
        {
            case Phase.Bisect:
                double centre = 0.5 * (_lo + _hi);
                if (chosen < centre) _hi = centre; else _lo = centre;
                if (++_bisected < _bisectionTrials) NextBisection();
                else StartCheck(0.5 * (_lo + _hi));
                break;
            case Phase.CheckBelow:
                if (chosen < _estimate) Correct(-1);
                else if (_estimate + 1 <= LogMax) Offer(Phase.CheckAbove, _estimate, _estimate + 1);
                else EndRun();
                break;
            default:
                if (chosen > _estimate) Correct(+1);
                else EndRun();
                break;
        }
    }

    private void StartRun()
    {
        _lo = LogMin;
        _hi = LogMax;
        _bisected = 0;
        NextBisection();
    }

    private void NextBisection()
    {
        double centre = 0.5 * (_lo + _hi), quarter = 0.25 * (_hi - _lo);
        Offer(Phase.Bisect, centre - quarter, centre + quarter);
    }

    private void StartCheck(double estimate)
    {
        _estimate = estimate;
        if (!_octaveCheck) EndRun();
        else if (estimate - 1 >= LogMin) Offer(Phase.CheckBelow, estimate - 1, estimate);
        else if (estimate + 1 <= LogMax) Offer(Phase.CheckAbove, estimate, estimate + 1);
        else EndRun();
    }

    private void Correct(int octaves)
    {
        _estimate += octaves;
        _corrections++;
        EndRun();
    }

    /// <summary>Presents two tones (log2 Hz) in a shuffled order.</summary>
    private void Offer(Phase phase, double lower, double upper)
    {
        _phase = phase;
        bool swap = _random.Next(2) == 1;
        _aLog = swap ? upper : lower;
        _bLog = swap ? lower : upper;
        Current = new PitchMatchTrial(++_trialId, ToHz(_aLog), ToHz(_bLog));
    }

    private void EndRun()
    {
        _estimates.Add(ToHz(_estimate));
        if (_estimates.Count < _runs)
        {
            StartRun();
            return;
        }
        _phase = Phase.Done;
        Current = null;
        double logSum = 0, low = double.PositiveInfinity, high = 0;
        foreach (double hz in _estimates)
        {
            logSum += Math.Log2(hz);
            low = Math.Min(low, hz);
            high = Math.Max(high, hz);
        }
        double best = Math.Clamp(Math.Pow(2, logSum / _estimates.Count), low, high);
        Result = new PitchMatchResult(best, low, high, _octaveCheck, _corrections, _answered, _estimates.ToArray());
    }

    // Tones are offered to 0.1 Hz; clamped so rounding never leaves the matching range.
    private static double ToHz(double log2) => Math.Clamp(Math.Round(Math.Pow(2, log2), 1), MinHz, MaxHz);
}
