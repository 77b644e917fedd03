using System.Runtime.Intrinsics;

namespace Attune.Engine.Therapy;

/// <summary>
/// Stereo colouring filter (left in lane 0, right in lane 1, separate state) turning white noise into
/// pink, brown or narrow-band noise, in double. <see cref="PowerGain"/> is the white-noise power gain
/// Σh² per channel, used to calibrate the level.
/// </summary>
internal sealed class NoiseShaper
{
    // Pink: real poles every half decade from 5 Hz, zeros half-way between them on a log scale, give
    // −3 dB/octave; the FIR tail (1 + 0.085 z⁻¹) cancels the matched-z rise near Nyquist. Designed here
    // and checked by a test: within ±0.15 dB of −3 dB/octave over 20 Hz–20 kHz at 48 kHz. Run in
    // parallel (partial-fraction) form so the eight one-pole recursions are independent.
    private const double PinkLowestPoleHz = 5, PinkFirTail = 0.085;
    private const int PinkPoles = 8;
    // Brown: leak corner well below the audible band, so the slope is −6 dB/octave above ~40 Hz.
    private const double BrownLeakHz = 10;
    // Narrow band: two identical band-passes whose cascade is −3 dB at ±⅙ octave (a ⅓-octave band;
    // a cascade of two is −3 dB where |f/f0 − f0/f| = 0.6436/Q). RBJ Audio-EQ-Cookbook band-pass, 0 dB peak.
    private const double NarrowBandHalfOctaves = 1.0 / 6;
    private const int ImpulseLength = 1 << 18; // 5.5 s: the slowest pole (5 Hz) has long died out

    private readonly NoiseColor _color;
    private readonly Vector128<double>[] _pinkPole = new Vector128<double>[PinkPoles];
    private readonly Vector128<double>[] _pinkResidue = new Vector128<double>[PinkPoles];
    private readonly Vector128<double>[] _pinkState = new Vector128<double>[PinkPoles];
    private readonly double _pinkDirect, _brownLeak;
    private Vector128<double> _firPrevious, _brown;
    private StereoBiquad _bandA, _bandB;

    public NoiseShaper(NoiseColor color, double centreHz, double sampleRate)
    {
        _color = color;
        _pinkDirect = DesignPink(sampleRate);
        _brownLeak = Math.Exp(-2 * Math.PI * BrownLeakHz / sampleRate);
        double w0 = 2 * Math.PI * centreHz / sampleRate;
        double q = 0.6436 / (Math.Pow(2, NarrowBandHalfOctaves) - Math.Pow(2, -NarrowBandHalfOctaves));
        double alpha = Math.Sin(w0) / (2 * q);
        double b0 = alpha / (1 + alpha), a1 = -2 * Math.Cos(w0) / (1 + alpha), a2 = (1 - alpha) / (1 + alpha);
        _bandA = new StereoBiquad(b0, 0, -b0, a1, a2);
        _bandB = _bandA;
        PowerGain = MeasurePowerGain();
    }

    public double PowerGain { get; }

    /// <summary>Colours a block of stereo white noise in place.</summary>
    public void Process(Span<Vector128<double>> block)
    {
        switch (_color)
        {
            case NoiseColor.Pink: Pink(block); break;
            case NoiseColor.Brown: Brown(block); break;
            case NoiseColor.NarrowBand: NarrowBand(block); break;
            default: break;
        }
    }

    private void Pink(Span<Vector128<double>> block)
    {
        Span<Vector128<double>> state = _pinkState;
        ReadOnlySpan<Vector128<double>> pole = _pinkPole, residue = _pinkResidue;
        Vector128<double> previous = _firPrevious;
        for (int i = 0; i < block.Length; i++)
        {
            Vector128<double> x = block[i] + previous * PinkFirTail;
            previous = block[i];
            Vector128<double> sum = x * _pinkDirect;
            for (int k = 0; k < state.Length; k++)
            {
                Vector128<double> s = pole[k] * state[k] + residue[k] * x;
                state[k] = s;
                sum += s;
            }
            block[i] = sum;
        }
        _firPrevious = previous;
    }

    private void Brown(Span<Vector128<double>> block)
    {
        Vector128<double> y = _brown;
        for (int i = 0; i < block.Length; i++)
        {
            y = y * _brownLeak + block[i];
            block[i] = y;
        }
        _brown = y;
    }

    private void NarrowBand(Span<Vector128<double>> block)
    {
        Vector128<double> a1 = _bandA.Z1, a2 = _bandA.Z2, b1 = _bandB.Z1, b2 = _bandB.Z2;
        Vector128<double> g = _bandA.VB0, c1 = _bandA.VA1, c2 = _bandA.VA2; // both sections share coefficients
        for (int i = 0; i < block.Length; i++)
        {
            Vector128<double> x = block[i];
            Vector128<double> u = g * x + a1;
            a1 = a2 - c1 * u;
            a2 = -(g * x) - c2 * u;
            Vector128<double> y = g * u + b1;
            b1 = b2 - c1 * y;
            b2 = -(g * u) - c2 * y;
            block[i] = y;
        }
        _bandA.Z1 = a1; _bandA.Z2 = a2; _bandB.Z1 = b1; _bandB.Z2 = b2;
    }

    /// <summary>Places the pink poles and zeros and expands Π(1 − z_k·w)/(1 − p_k·w) into direct term + Σ r_k/(1 − p_k·w).</summary>
    private double DesignPink(double sampleRate)
    {
        var p = new double[PinkPoles];
        var z = new double[PinkPoles];
        double step = Math.Sqrt(10);
        for (int k = 0; k < PinkPoles; k++)
        {
            double poleHz = PinkLowestPoleHz * Math.Pow(step, k);
            p[k] = Math.Exp(-2 * Math.PI * poleHz / sampleRate);
            z[k] = Math.Exp(-2 * Math.PI * poleHz * Math.Sqrt(step) / sampleRate);
        }
        double direct = 1;
        for (int k = 0; k < PinkPoles; k++) direct *= z[k] / p[k];
        for (int k = 0; k < PinkPoles; k++)
        {
            double r = 1;
            for (int j = 0; j < PinkPoles; j++)
            {
                r *= 1 - z[j] / p[k];
                if (j != k) r /= 1 - p[j] / p[k];
            }
            _pinkPole[k] = Vector128.Create(p[k]);
            _pinkResidue[k] = Vector128.Create(r);
        }
        return direct;
    }

    /// <summary>Σh² of the impulse response, then clears the state.</summary>
    private double MeasurePowerGain()
    {
        var block = new Vector128<double>[AudioFormat.BlockSize];
        double sum = 0;
        for (int start = 0; start < ImpulseLength; start += block.Length)
        {
            Array.Clear(block);
            if (start == 0) block[0] = Vector128.Create(1.0);
            Process(block);
            foreach (Vector128<double> h in block) sum += h.GetElement(0) * h.GetElement(0);
        }
        Array.Clear(_pinkState);
        _firPrevious = _brown = Vector128<double>.Zero;
        _bandA.Z1 = _bandA.Z2 = _bandB.Z1 = _bandB.Z2 = Vector128<double>.Zero;
        return sum;
    }
}
