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

    private readonly double[][] _phases;
    private readonly double[] _history;
    private readonly int _taps;
    private int _pos;

    public TruePeakInterpolator(int tapsPerPhase)
    {
        if (tapsPerPhase < 4 || tapsPerPhase > 256 || tapsPerPhase % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(tapsPerPhase), tapsPerPhase, "tapsPerPhase must be even and in 4–256");
        _taps = tapsPerPhase;
        Delay = tapsPerPhase / 2;
        _history = new double[2 * tapsPerPhase];
        _phases = new double[Oversampling][];
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
            for (int j = 0; j < tapsPerPhase; j++) h[j] /= sum;
            _phases[phase] = h;
        }
    }

    /// <summary>Samples between an input and the interval its peak reports on.</summary>
    public int Delay { get; }

    /// <summary>Pushes one sample; returns the true peak (magnitude) of the interval starting <see cref="Delay"/> samples back.</summary>
    public double Push(double x)
    {
        _pos = _pos == 0 ? _taps - 1 : _pos - 1;
        _history[_pos] = x;
        _history[_pos + _taps] = x;
        // Newest sample at _pos: _history[_pos + j] is x[n − j].
        var window = new ReadOnlySpan<double>(_history, _pos, _taps);
        double peak = Math.Abs(window[Delay]);
        for (int phase = 1; phase < Oversampling; phase++)
        {
            var h = _phases[phase];
            double acc = 0;
            for (int j = 0; j < window.Length; j++) acc += window[j] * h[j];
            peak = Math.Max(peak, Math.Abs(acc));
        }
        return peak;
    }

    public void Reset()
    {
        Array.Clear(_history);
        _pos = 0;
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
