using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Attune.Engine.Safety;

/// <summary>
/// Holds the output's BS.1770-4 loudness inside the profile's limits by a gain ≤ 1, decided every 64-frame hop
/// from exact K-weighted energies of what has already been output plus a prediction for the next two hops
/// (known, because the governor delays audio by two hops). Rules, all measured on the output at hop ends:
/// <list type="bullet">
/// <item>max: short-term (3 s) ≤ MaxLufs − 0.2 LU at every hop end;</item>
/// <item>slew (see <see cref="SlewLuPerStep"/>): at every 100 ms grid point t, ST(t) ≤ max(Floor, max ST over grid
/// points in [t − 30 s, t − 0.1 s]) + 0.3 LU; enforced by spreading the remaining budget of the next grid point
/// over the hops before it, which keeps silence always feasible;</item>
/// <item>hyperacusis: momentary (400 ms) ≤ max(ST, Floor) + 6 LU (5 LU internally, also checked 100 ms ahead
/// because short-term can fall faster than momentary when a loud passage leaves its window).</item>
/// </list>
/// Gain falls within one hop (a linear ramp over 64 frames) and recovers at 10 dB/s.
/// </summary>
internal sealed class LoudnessGovernor
{
    public const int Hop = 64;
    public const int Latency = 2 * Hop;
    public const int ShortTermHops = 3 * AudioFormat.SampleRate / Hop;      // 2250
    public const int MomentaryHops = 2 * AudioFormat.SampleRate / 5 / Hop;  // 300
    public const int GridHops = AudioFormat.SampleRate / 10 / Hop;          // 75
    public const int SlewHistoryGrid = 300;                                 // 30 s of grid points
    /// <summary>Slew: 3 LU/s over one 100 ms grid step.</summary>
    public const double SlewLuPerStep = 0.3;
    /// <summary>Below MaxLufs − 20 LU nothing counts as a loudness peak (the slew and momentary rules start there).</summary>
    public const double FloorBelowMaxLu = 20;
    public const double MomentaryAboveShortTermLu = 6;
    private const double MaxMarginLu = 0.2, SlewMarginLu = 0.02, MomentaryMarginLu = 1.0;
    private const int ProjectionHops = GridHops;
    private const double ReleaseDbPerSecond = 10;
    private const double MinGain = 1e-4;

    private readonly float[] _delayLeft = new float[Latency], _delayRight = new float[Latency];
    private int _delayPos;
    // K-weighting (shelf, then high-pass) of output left, output right, input left, input right at once.
    private QuadBiquad _shelf, _highPass;
    private double _pNow, _pPrev, _pAcc, _eAcc;
    private int _frameInHop;

    private readonly double[] _hopEnergy = new double[ShortTermHops];
    private int _hopPos;            // slot of the oldest hop (next to be overwritten)
    private long _hopsOut;          // completed output hops (the "count")
    private double _stSum, _momSum;
    private readonly double[] _grid = new double[SlewHistoryGrid]; // ST energy at grid counts
    private long _gridCount;
    private long _capCount = -1, _capGridCount = -1;
    private double _cap;

    private readonly double _maxEnergy, _floorEnergy, _slewFactor, _momentaryFactor, _releaseStep;
    private readonly bool _hyperacusis;
    private double _gPrev = 1, _rampFrom = 1, _rampTo = 1;

    public LoudnessGovernor(double maxLufs, bool hyperacusis)
    {
        _maxEnergy = LoudnessMeter.FromLufs(maxLufs - MaxMarginLu) * ShortTermHops * Hop;
        _floorEnergy = LoudnessMeter.FromLufs(maxLufs - FloorBelowMaxLu) * ShortTermHops * Hop;
        _slewFactor = Math.Pow(10, (SlewLuPerStep - SlewMarginLu) / 10);
        // Momentary energy (300 hops) vs short-term energy (2250 hops) at equal loudness differ by 300/2250.
        _momentaryFactor = Math.Pow(10, (MomentaryAboveShortTermLu - MomentaryMarginLu) / 10) * MomentaryHops / ShortTermHops;
        _releaseStep = Math.Pow(10, ReleaseDbPerSecond / 20 * Hop / AudioFormat.SampleRate);
        _hyperacusis = hyperacusis;
        var k = KWeighting.Create();
        _shelf = new QuadBiquad(k.Shelf);
        _highPass = new QuadBiquad(k.HighPass);
    }

    /// <summary>Gain now being applied (end of the current ramp).</summary>
    public double Gain => _rampTo;

    /// <summary>The largest gain the governor may apply to a sample handed to the limiter now (≤ 5 decisions away).</summary>
    public double GainBound => Math.Min(1, Math.Max(_gPrev, MinGain) * Math.Pow(_releaseStep, 5));

    public double ShortTermLufs => LoudnessMeter.ToLufs(_stSum / (ShortTermHops * Hop));

    /// <summary>Set when a hop's decision was bound by a rule; read and cleared by the caller.</summary>
    public GovernorRule BindingRule { get; private set; }

    /// <summary>True after a <see cref="Process"/> call that completed a hop.</summary>
    public bool HopCompleted { get; private set; }

    /// <summary>Frames left in the current hop: the most one <see cref="Process"/> call may take.</summary>
    public int FramesToHop => Hop - _frameInHop;

    /// <summary>Governs a chunk of at most <see cref="FramesToHop"/> frames. The outputs may alias the inputs.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // its own method keeps the loop's state in registers
    public void Process(ReadOnlySpan<double> inLeft, ReadOnlySpan<double> inRight, Span<double> outLeft, Span<double> outRight)
    {
        int n = inLeft.Length;
        if (n > FramesToHop) throw new ArgumentOutOfRangeException(nameof(inLeft), n, $"a chunk must not cross a hop ({FramesToHop} frames left)");
        QuadBiquad shelf = _shelf, highPass = _highPass;
        double from = _rampFrom, step = _rampTo - _rampFrom, eAcc = _eAcc, pAcc = _pAcc;
        int frame = _frameInHop, pos = _delayPos;
        for (int i = 0; i < n; i++)
        {
            double g = from + step * (frame + 1) / Hop;
            double ol = _delayLeft[pos] * g, or = _delayRight[pos] * g;
            double l = inLeft[i], r = inRight[i];
            var k = highPass.Process(shelf.Process(Vector256.Create(ol, or, l, r)));
            var k2 = k * k;
            eAcc += k2.GetElement(0) + k2.GetElement(1);
            pAcc += k2.GetElement(2) + k2.GetElement(3);
            _delayLeft[pos] = (float)l;
            _delayRight[pos] = (float)r;
            if (++pos == Latency) pos = 0;
            outLeft[i] = ol;
            outRight[i] = or;
            frame++;
        }
        _shelf = shelf;
        _highPass = highPass;
        _eAcc = eAcc;
        _pAcc = pAcc;
        _delayPos = pos;
        _frameInHop = frame;
        HopCompleted = false;
        if (_frameInHop == Hop) CompleteHop();
    }

    private void CompleteHop()
    {
        _frameInHop = 0;
        HopCompleted = true;
        PushOutputHop(_eAcc);
        _eAcc = 0;
        _pPrev = _pNow;
        _pNow = _pAcc;
        _pAcc = 0;
        Decide();
    }

    private void PushOutputHop(double e)
    {
        double leavingSt = _hopEnergy[_hopPos];
        double leavingMom = _hopEnergy[(_hopPos + ShortTermHops - MomentaryHops) % ShortTermHops];
        _hopEnergy[_hopPos] = e;
        _hopPos = (_hopPos + 1) % ShortTermHops;
        _stSum += e - leavingSt;
        _momSum += e - leavingMom;
        if (_hopPos == 0) Resum();
        _hopsOut++;
        if (_hopsOut % GridHops == 0)
        {
            _grid[_gridCount % SlewHistoryGrid] = _stSum;
            _gridCount++;
        }
    }

    // Exact re-summation once per 3 s so the running sums never drift.
    private void Resum()
    {
        double st = 0, mom = 0;
        for (int k = 0; k < ShortTermHops; k++)
        {
            double e = _hopEnergy[k];
            st += e;
            if (k >= ShortTermHops - MomentaryHops) mom += e;
        }
        _stSum = st;
        _momSum = mom;
    }

    /// <summary>
    /// Sums of the newest output hops: the short-term and momentary windows minus their oldest 1, 2, (short-term
    /// only) 1 + <paramref name="ahead"/> and 2 + <see cref="ProjectionHops"/> hops, each floored at 0; each window
    /// subtracts oldest first, both in one pass.
    /// </summary>
    private void NewestSums(int ahead, ref Constraints c)
    {
        const int Last = 2 + ProjectionHops;
        double st = _stSum, mom = _momSum;
        int stSlot = _hopPos, momSlot = _hopPos + ShortTermHops - MomentaryHops;
        if (momSlot >= ShortTermHops) momSlot -= ShortTermHops;
        double[] e = _hopEnergy;
        for (int k = 1; k <= Last; k++)
        {
            st -= e[stSlot];
            mom -= e[momSlot];
            if (++stSlot == ShortTermHops) stSlot = 0;
            if (++momSlot == ShortTermHops) momSlot = 0;
            if (k == 1) { c.St1 = Math.Max(0, st); c.Mom1 = Math.Max(0, mom); }
            if (k == 2) { c.St2 = Math.Max(0, st); c.Mom2 = Math.Max(0, mom); }
            if (k == 1 + ahead) c.StGrid = Math.Max(0, st);
        }
        c.StProj = Math.Max(0, st);
        c.MomProj = Math.Max(0, mom);
    }

    /// <summary>Slew cap for the grid point at <paramref name="count"/>: energy allowed there, from exact grid values only.</summary>
    private double SlewCap(long count)
    {
        // The cap changes only with the grid history or the grid point, so most hops reuse the last one.
        if (count == _capCount && _gridCount == _capGridCount) return _cap;
        double reference = _floorEnergy;
        // Grid entry j sits at count (j + 1)·GridHops; keep those in [count − SlewHistoryGrid·GridHops, count − GridHops].
        long lo = Math.Max(Math.Max(0, _gridCount - SlewHistoryGrid), CeilDiv(count - SlewHistoryGrid * GridHops, GridHops) - 1);
        long hi = Math.Min(_gridCount - 1, (count - GridHops) / GridHops - 1);
        for (long j = lo; j <= hi; j++) reference = Math.Max(reference, _grid[j % SlewHistoryGrid]);
        _capCount = count;
        _capGridCount = _gridCount;
        _cap = reference * _slewFactor;
        return _cap;
    }

    private static long CeilDiv(long a, long b) => a >= 0 ? (a + b - 1) / b : -(-a / b);

    private void Decide()
    {
        // _hopsOut = n − 1: output hops 0..n−2 are exact; input hop n−1 (pPrev) and n (pNow) are predicted.
        long n = _hopsOut + 1;
        long target = (n + 1 + GridHops - 1) / GridHops * GridHops; // first grid count ≥ n + 1
        int ahead = (int)(target - n);                                // hops n..target−1 at the same power
        var c = new Constraints
        {
            SlewAtN = n % GridHops == 0 ? SlewCap(n) : double.PositiveInfinity,
            SlewAtTarget = SlewCap(target),
            // The grid point at count n is not output yet; the target's reference may still count on it.
            CountsGridAtN = n % GridHops == 0,
            Ahead = ahead,
        };
        NewestSums(ahead, ref c);

        // From a gain of 0 the release restarts at MinGain (−80 dB), so silence never latches.
        double up = Math.Min(1, Math.Max(_gPrev, MinGain) * _releaseStep);
        GovernorRule failing = Check(in c, up);
        double g = up;
        if (failing != GovernorRule.None)
        {
            double lo = 0, hi = up;
            for (int it = 0; it < 30; it++)
            {
                double mid = 0.5 * (lo + hi);
                if (Check(in c, mid) == GovernorRule.None) lo = mid; else hi = mid;
            }
            g = lo;
            // Report only a real cut, not a withheld release.
            if (g < _gPrev) BindingRule = failing;
        }
        _rampFrom = _gPrev;
        _rampTo = g;
        _gPrev = g;
    }

    public void ClearBindingRule() => BindingRule = GovernorRule.None;

    private GovernorRule Check(in Constraints c, double g)
    {
        double gp = Math.Max(_gPrev, g);
        double e1 = gp * gp * _pPrev, e0 = g * g * _pNow;
        double w1 = c.St1 + e1, w0 = c.St2 + e1 + e0;
        if (w1 > _maxEnergy || w0 > _maxEnergy || c.StProj + e1 + (ProjectionHops + 1) * e0 > _maxEnergy)
            return GovernorRule.MaxLoudness;
        double capTarget = c.CountsGridAtN ? Math.Max(c.SlewAtTarget, Math.Max(w1, _floorEnergy) * _slewFactor) : c.SlewAtTarget;
        if (w1 > c.SlewAtN || c.StGrid + e1 + c.Ahead * e0 > capTarget)
            return GovernorRule.Slew;
        if (_hyperacusis &&
            (c.Mom1 + e1 > _momentaryFactor * Math.Max(w1, _floorEnergy) ||
             c.Mom2 + e1 + e0 > _momentaryFactor * Math.Max(w0, _floorEnergy) ||
             c.MomProj + e1 + (ProjectionHops + 1) * e0 > _momentaryFactor * Math.Max(c.StProj + e1 + (ProjectionHops + 1) * e0, _floorEnergy)))
            return GovernorRule.Momentary;
        return GovernorRule.None;
    }

    private struct Constraints
    {
        public double St1, St2, StProj, StGrid, Mom1, Mom2, MomProj, SlewAtN, SlewAtTarget;
        public int Ahead;
        public bool CountsGridAtN;
    }
}
