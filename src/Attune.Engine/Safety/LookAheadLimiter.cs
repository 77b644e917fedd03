using System.Runtime.CompilerServices;
namespace Attune.Engine.Safety;

/// <summary>
/// Stereo-linked true-peak limiter with look-ahead. Each input's true peak (4× interpolation, BS.1770-4 Annex 2)
/// sets a required gain r = min(1, threshold / peak). The applied gain is the moving average, over the look-ahead
/// A, of h = min(r over the last A + 2 peaks) (release-limited): every term of the average already includes the
/// peak's r by the time that sample leaves the delay line, so the gain there is ≤ r — a linear attack over A
/// that is guaranteed, not approximate. The extra window entry covers the interval after the sample too.
/// </summary>
internal sealed class LookAheadLimiter
{
    /// <summary>Total delay, frames (2.67 ms): the interpolator's delay plus the look-ahead.</summary>
    public const int Latency = 128;
    // As many taps as the reference TruePeakMeter: a shorter filter reads full-band noise up to ~0.3 dB low.
    private const int TapsPerPhase = TruePeakMeter.DefaultTapsPerPhase;
    private const double ReleaseDbPerSecond = 60;
    // Holding the minimum 10 ms past the look-ahead keeps the gain steady through dense peaks: a gain that wobbles
    // under high-frequency content moves the true peaks between samples (modulation), which the samples do not show.
    private const int HoldFrames = 480;

    private readonly TruePeakInterpolator _peakLeft = new(TapsPerPhase), _peakRight = new(TapsPerPhase);
    private readonly int _lookAhead;
    private readonly float[] _delayLeft = new float[Latency], _delayRight = new float[Latency];
    private int _delayPos;

    // Monotonic deque for the running minimum over the last _minWindow required gains.
    private readonly double[] _dequeValue;
    private readonly long[] _dequeIndex;
    private int _dequeHead, _dequeCount;
    private readonly int _minWindow;

    // Moving average of h over the look-ahead.
    private readonly double[] _boxcar;
    private int _boxcarPos;
    private double _boxcarSum;

    private readonly double _releaseFactor = Math.Pow(10, ReleaseDbPerSecond / 20 / AudioFormat.SampleRate);
    private double _held = 1;
    private long _index;
    private int _onesRun; // consecutive held gains of exactly 1, newest last

    public LookAheadLimiter(double ceilingLinear)
    {
        Ceiling = ceilingLinear;
        _lookAhead = Latency - _peakLeft.Delay;
        _minWindow = _lookAhead + 2 + HoldFrames;
        _dequeValue = new double[_minWindow + 1];
        _dequeIndex = new long[_minWindow + 1];
        _boxcar = new double[_lookAhead];
        Array.Fill(_boxcar, 1.0);
        _boxcarSum = _lookAhead;
        _onesRun = _lookAhead;
    }

    public double Ceiling { get; }

    /// <summary>Gain applied downstream (by the loudness governor) that the threshold may count on, ≤ 1.</summary>
    public double DownstreamGain { get; set; } = 1;

    /// <summary>
    /// Limits a chunk (≤ <see cref="TruePeakInterpolator.MaxBlock"/> frames, one <see cref="DownstreamGain"/>);
    /// returns the smallest gain applied in it. The outputs may alias the inputs.
    /// </summary>
    public double Process(ReadOnlySpan<double> inLeft, ReadOnlySpan<double> inRight, Span<double> outLeft, Span<double> outRight)
    {
        double threshold = Ceiling / Math.Max(DownstreamGain, 1e-6);
        bool hotLeft = _peakLeft.Process(inLeft, threshold), hotRight = _peakRight.Process(inRight, threshold);
        int n = inLeft.Length;
        if (!hotLeft && !hotRight && IsIdle)
        {
            PassThrough(inLeft, inRight, outLeft, outRight);
            return 1.0;
        }
        ReadOnlySpan<double> peaksLeft = _peakLeft.Peaks, peaksRight = _peakRight.Peaks;
        double minGain = 1;
        for (int i = 0; i < n; i++)
        {
            double peak = Math.Max(hotLeft ? peaksLeft[i] : 0, hotRight ? peaksRight[i] : 0);
            double required = peak > threshold ? threshold / peak : 1.0;
            double min = PushMin(required);
            _held = Math.Min(min, Math.Min(1.0, _held * _releaseFactor));
            _onesRun = _held == 1.0 ? Math.Min(_onesRun + 1, _lookAhead) : 0;

            _boxcarSum += _held - _boxcar[_boxcarPos];
            _boxcar[_boxcarPos] = _held;
            if (++_boxcarPos == _lookAhead) Resum();
            double gain = Math.Min(1.0, _boxcarSum / _lookAhead);
            minGain = Math.Min(minGain, gain);

            double l = inLeft[i], r = inRight[i];
            outLeft[i] = _delayLeft[_delayPos] * gain;
            outRight[i] = _delayRight[_delayPos] * gain;
            _delayLeft[_delayPos] = (float)l;
            _delayRight[_delayPos] = (float)r;
            if (++_delayPos == Latency) _delayPos = 0;
        }
        return minGain;
    }

    // Every held gain in the boxcar, and every required gain in the minimum's window, is exactly 1: the gain is 1.
    private bool IsIdle => _onesRun >= _lookAhead && _boxcarSum == _lookAhead && _dequeValue[_dequeHead] == 1.0;

    /// <summary>The idle limiter on a chunk needing no reduction: gain exactly 1, the state advanced as if per frame.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // its own method keeps the loop's state in registers
    private void PassThrough(ReadOnlySpan<double> inLeft, ReadOnlySpan<double> inRight, Span<double> outLeft, Span<double> outRight)
    {
        int n = inLeft.Length;
        for (int i = 0; i < n;)
        {
            // A run up to the delay line's wrap, so the inner loop has no wrap check.
            int run = Math.Min(n - i, Latency - _delayPos);
            Span<float> dl = _delayLeft.AsSpan(_delayPos, run), dr = _delayRight.AsSpan(_delayPos, run);
            ReadOnlySpan<double> il = inLeft.Slice(i, run), ir = inRight.Slice(i, run);
            Span<double> ol = outLeft.Slice(i, run), or = outRight.Slice(i, run);
            for (int k = 0; k < run; k++)
            {
                double l = il[k], r = ir[k];
                ol[k] = dl[k];
                or[k] = dr[k];
                dl[k] = (float)l;
                dr[k] = (float)r;
            }
            _delayPos += run;
            if (_delayPos == Latency) _delayPos = 0;
            i += run;
        }
        // A deque of ones is equivalent to the newest one alone; the boxcar stays all ones with an exact sum.
        _index += n;
        _dequeValue[_dequeHead] = 1.0;
        _dequeIndex[_dequeHead] = _index - 1;
        _dequeCount = 1;
        _onesRun = _lookAhead;
        _boxcarPos = (_boxcarPos + n) % _lookAhead;
    }

    // Re-sum once per lap so rounding never lets the average creep above a held value.
    private void Resum()
    {
        _boxcarPos = 0;
        double s = 0;
        for (int i = 0; i < _lookAhead; i++) s += _boxcar[i];
        _boxcarSum = s;
    }

    private double PushMin(double value)
    {
        int cap = _dequeValue.Length;
        while (_dequeCount > 0 && _dequeValue[Wrap(_dequeHead + _dequeCount - 1, cap)] >= value) _dequeCount--;
        int slot = Wrap(_dequeHead + _dequeCount, cap);
        _dequeValue[slot] = value;
        _dequeIndex[slot] = _index;
        _dequeCount++;
        while (_dequeIndex[_dequeHead] <= _index - _minWindow)
        {
            _dequeHead = Wrap(_dequeHead + 1, cap);
            _dequeCount--;
        }
        _index++;
        return _dequeValue[_dequeHead];
    }

    private static int Wrap(int i, int cap) => i >= cap ? i - cap : i;
}
