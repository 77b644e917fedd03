namespace Attune.Engine.Sensing;

/// <summary>
/// Real-time RMSSD and mean heart rate over the last 60–120 s of beats (RMSSD over 60–120 s tracks the 5-min value,
/// r ≈ 0.99 at 120 s, Munoz et al. 2015). Add is O(1) amortised and allocates nothing: a ring buffer sized for the
/// window at the shortest accepted RR, with running sums recomputed exactly once per buffer length to stop drift.
/// </summary>
public sealed class SlidingRmssd
{
    public const double MinWindowSeconds = 60, MaxWindowSeconds = 120;

    /// <summary>RMSSD is reported once the window holds this many beats.</summary>
    public const int MinBeats = 10;

    private readonly double[] _ring;
    private readonly double _windowMs;
    private int _head, _count, _addsSinceResum;
    private double _sumRr, _sumSquaredDiffs;

    public SlidingRmssd(double windowSeconds = 120)
    {
        if (!(windowSeconds >= MinWindowSeconds && windowSeconds <= MaxWindowSeconds))
            throw new ArgumentOutOfRangeException(nameof(windowSeconds), windowSeconds, $"windowSeconds must be {MinWindowSeconds}–{MaxWindowSeconds} s");
        WindowSeconds = windowSeconds;
        _windowMs = windowSeconds * 1000;
        _ring = new double[(int)Math.Ceiling(_windowMs / RrArtefactCorrector.MinRrMs) + 1];
    }

    public double WindowSeconds { get; }

    /// <summary>Beats in the window.</summary>
    public int Count => _count;

    /// <summary>Beats ignored because they were outside 300–2000 ms (or not finite).</summary>
    public long RejectedCount { get; private set; }

    /// <summary>RMSSD in ms over the window, or null until it holds <see cref="MinBeats"/> beats.</summary>
    public double? Value => _count >= MinBeats ? Math.Sqrt(Math.Max(0, _sumSquaredDiffs) / (_count - 1)) : null;

    /// <summary>60000 / mean RR over the window, or null when empty.</summary>
    public double? MeanHeartRateBpm => _count > 0 ? 60000.0 * _count / _sumRr : null;

    /// <summary>Takes one RR interval (ms); false (and ignored) when outside the physiological 300–2000 ms range.</summary>
    public bool Add(double rrMs)
    {
        if (!(rrMs >= RrArtefactCorrector.MinRrMs && rrMs <= RrArtefactCorrector.MaxRrMs))
        {
            RejectedCount++;
            return false;
        }
        if (_count == _ring.Length) RemoveOldest();
        if (_count > 0)
        {
            double d = rrMs - At(_count - 1);
            _sumSquaredDiffs += d * d;
        }
        _ring[(_head + _count) % _ring.Length] = rrMs;
        _count++;
        _sumRr += rrMs;
        while (_sumRr > _windowMs && _count > 1) RemoveOldest();
        if (++_addsSinceResum >= _ring.Length) Resum();
        return true;
    }

    public void Clear()
    {
        _head = _count = _addsSinceResum = 0;
        _sumRr = _sumSquaredDiffs = 0;
    }

    private double At(int i) => _ring[(_head + i) % _ring.Length];

    private void RemoveOldest()
    {
        double oldest = _ring[_head];
        if (_count >= 2)
        {
            double d = At(1) - oldest;
            _sumSquaredDiffs -= d * d;
        }
        _sumRr -= oldest;
        _head = (_head + 1) % _ring.Length;
        _count--;
    }

    private void Resum()
    {
        _addsSinceResum = 0;
        double sum = 0, sq = 0;
        for (int i = 0; i < _count; i++)
        {
            double v = At(i);
            sum += v;
            if (i > 0)
            {
                double d = v - At(i - 1);
                sq += d * d;
            }
        }
        _sumRr = sum;
        _sumSquaredDiffs = sq;
    }
}
