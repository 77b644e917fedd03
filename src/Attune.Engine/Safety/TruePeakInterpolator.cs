namespace Attune.Engine.Safety;

/// <summary>
/// 4× polyphase interpolator for true-peak measurement (ITU-R BS.1770-4 Annex 2): each new sample yields the
/// largest magnitude among the original sample and three interpolated points in the interval
/// [n − Delay, n − Delay + 1). Kaiser-windowed sinc with its cutoff at the original Nyquist frequency; each
/// phase is normalised to unity gain at DC. One channel; history kept twice so the FIR reads a contiguous span.
/// </summary>
internal sealed class TruePeakInterpolator
{
    public const int Oversampling = 4;
    private const double KaiserBeta = 7.0;

    private readonly double[] _interleaved; // phases 1–3, tap-major: [h1[0], h2[0], h3[0], h1[1], …]
    private readonly double[] _history;
    private readonly int _taps;
    private readonly double _gainBound;  // largest Σ|h| of a phase: no interpolated point exceeds window max × this
    private int _pos;
    private double _windowMax;
    private int _windowMaxAge;

    public TruePeakInterpolator(int tapsPerPhase)
    {
        if (tapsPerPhase < 4 || tapsPerPhase > 256 || tapsPerPhase % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(tapsPerPhase), tapsPerPhase, "tapsPerPhase must be even and in 4–256");
        _taps = tapsPerPhase;
        Delay = tapsPerPhase / 2;
        _history = new double[2 * tapsPerPhase];
        _interleaved = new double[(Oversampling - 1) * tapsPerPhase];
        double halfSpan = tapsPerPhase / 2.0 + 1;
        for (int phase = 0; phase < Oversampling; phase++)
        {
            var h = new double[tapsPerPhase];
            double sum = 0;
            for (int j = 0; j < tapsPerPhase; j++)
            {
                // Tap j multiplies x[n − j]; the point sits at n − Delay + phase/4, so the distance is j − Delay + phase/4.
                double u = j - Delay + (double)phase / Oversampling;
                double sinc = u == 0 ? 1 : Math.Sin(Math.PI * u) / (Math.PI * u);
                h[j] = sinc * Kaiser(u / halfSpan);
                sum += h[j];
            }
            double l1 = 0;
            for (int j = 0; j < tapsPerPhase; j++) { h[j] /= sum; l1 += Math.Abs(h[j]); }
            if (phase > 0)
                for (int j = 0; j < tapsPerPhase; j++) _interleaved[j * (Oversampling - 1) + phase - 1] = h[j];
            _gainBound = Math.Max(_gainBound, l1);
        }
    }

    /// <summary>Samples between an input and the interval its peak reports on.</summary>
    public int Delay { get; }

    /// <summary>Pushes one sample; returns the true peak (magnitude) of the interval starting <see cref="Delay"/> samples back.</summary>
    public double Push(double x) => Push(x, -1);

    /// <summary>
    /// As <see cref="Push(double)"/>, but when the peak provably cannot exceed <paramref name="skipBelow"/> it skips
    /// the interpolation and returns a value ≤ <paramref name="skipBelow"/> (callers only compare against it).
    /// </summary>
    public double Push(double x, double skipBelow)
    {
        _pos = _pos == 0 ? _taps - 1 : _pos - 1;
        _history[_pos] = x;
        _history[_pos + _taps] = x;
        // Newest sample at _pos: _history[_pos + j] is x[n − j].
        double a = Math.Abs(x);
        if (a >= _windowMax) { _windowMax = a; _windowMaxAge = 0; }
        else if (++_windowMaxAge >= _taps) RescanWindowMax();
        double peak = Math.Abs(_history[_pos + Delay]);
        if (_windowMax * _gainBound <= skipBelow) return peak;
        // One pass over the history computes the three interpolated points (plain arrays: fast even unoptimised).
        double[] hist = _history, c = _interleaved;
        double a1 = 0, a2 = 0, a3 = 0;
        for (int j = 0, k = 0, p = _pos; j < _taps; j++, k += 3, p++)
        {
            double v = hist[p];
            a1 += v * c[k];
            a2 += v * c[k + 1];
            a3 += v * c[k + 2];
        }
        return Math.Max(peak, Math.Max(Math.Abs(a1), Math.Max(Math.Abs(a2), Math.Abs(a3))));
    }

    public void Reset()
    {
        Array.Clear(_history);
        _pos = 0;
        _windowMax = 0;
        _windowMaxAge = 0;
    }

    private void RescanWindowMax()
    {
        _windowMax = 0;
        _windowMaxAge = 0;
        for (int j = 0; j < _taps; j++)
        {
            double v = Math.Abs(_history[_pos + j]);
            if (v > _windowMax) { _windowMax = v; _windowMaxAge = j; }
        }
    }

    private static double Kaiser(double t)
    {
        double r = 1 - t * t;
        return r <= 0 ? 0 : BesselI0(KaiserBeta * Math.Sqrt(r)) / BesselI0(KaiserBeta);
    }

    private static double BesselI0(double x)
    {
        double sum = 1, term = 1;
        for (int k = 1; k < 50; k++)
        {
            term *= x * x / (4.0 * k * k);
            sum += term;
            if (term < 1e-17 * sum) break;
        }
        return sum;
    }
}
