using System.Numerics;
using System.Runtime.InteropServices;

namespace Attune.Engine.Synthesis;

/// <summary>
/// Chimes: four inharmonic partials at the modal ratios of a free bar (1, 2.756, 5.404, 8.933;
/// N. Fletcher &amp; T. Rossing, The Physics of Musical Instruments, §2.14), upper partials
/// decaying faster; brightness and velocity weight the upper partials.
/// Each partial is a damped sinusoid, so it is the imaginary part of a phasor multiplied by a
/// fixed complex factor per sample: no sine is evaluated per sample. The phasors restart from
/// exact double-precision phase and amplitude every call, so float rounding never accumulates.
/// </summary>
internal sealed class ChimeGenerator : VoiceGenerator
{
    private const int Partials = 4;
    private static readonly double[] Ratios = [1.0, 2.756, 5.404, 8.933];
    private static readonly double[] Weights = [1.0, 0.45, 0.22, 0.1];
    private static readonly double[] DecayShare = [1.0, 0.5, 0.28, 0.16];
    private static readonly int Width = Vector<float>.Count;
    private readonly double[] _phase = new double[Partials]; // radians
    private readonly double[] _omega = new double[Partials]; // radians per sample
    private readonly double[] _amp = new double[Partials];
    private readonly double[] _decay = new double[Partials];
    // Per partial: lane j holds decay^j·e^(iωj); the stride is decay^W·e^(iωW).
    private readonly Vector<float>[] _laneRe = new Vector<float>[Partials], _laneIm = new Vector<float>[Partials];
    private readonly Vector<float>[] _strideRe = new Vector<float>[Partials], _strideIm = new Vector<float>[Partials];
    private int _count; // partials below the aliasing limit

    public override bool IsSilent => _amp[0] < 1e-4;
    public override float Loudness => (float)_amp[0];
    public override bool IsMono => true;

    public override EnvelopeShape Start(int pitch, float velocity, PartState part)
    {
        double hz = PitchToHz(pitch);
        double t60 = Math.Clamp(7.0 * Math.Pow(2, -(pitch - 72) / 24.0), 2.0, 12.0);
        double upper = (0.3 + 1.4 * part.Brightness.Current) * (0.6 + 0.4 * velocity);
        Span<float> re = stackalloc float[Width], im = stackalloc float[Width];
        _count = 0;
        for (int k = 0; k < Partials; k++)
        {
            double f = hz * Ratios[k];
            if (f >= AudioFormat.SampleRate * 0.45) break; // ratios ascend: the rest alias too
            double omega = 2 * Math.PI * f / AudioFormat.SampleRate;
            double decay = Math.Exp(Math.Log(0.001) / (t60 * DecayShare[k] * AudioFormat.SampleRate));
            _omega[k] = omega;
            _decay[k] = decay;
            _phase[k] = 0;
            _amp[k] = Weights[k] * (k == 0 ? 1 : upper);
            for (int j = 0; j < Width; j++)
            {
                double r = Math.Pow(decay, j);
                re[j] = (float)(r * Math.Cos(omega * j));
                im[j] = (float)(r * Math.Sin(omega * j));
            }
            _laneRe[k] = new Vector<float>(re);
            _laneIm[k] = new Vector<float>(im);
            double rw = Math.Pow(decay, Width);
            _strideRe[k] = new Vector<float>((float)(rw * Math.Cos(omega * Width)));
            _strideIm[k] = new Vector<float>((float)(rw * Math.Sin(omega * Width)));
            _count = k + 1;
        }
        for (int k = _count; k < Partials; k++) _amp[k] = 0;
        return new EnvelopeShape(0.003, 0, 1, 2.5);
    }

    public override void Render(Span<float> left, Span<float> right, PartState part)
    {
        int n = left.Length, i = 0;
        if (Vector.IsHardwareAccelerated && n >= Width)
        {
            Span<Vector<float>> out_ = MemoryMarshal.Cast<float, Vector<float>>(left);
            out_.Clear();
            for (int k = 0; k < _count; k++)
            {
                (double sin, double cos) = Math.SinCos(_phase[k]);
                var ar = new Vector<float>((float)(_amp[k] * cos));
                var ai = new Vector<float>((float)(_amp[k] * sin));
                Vector<float> lr = _laneRe[k], li = _laneIm[k], sr = _strideRe[k], si = _strideIm[k];
                Vector<float> zr = ar * lr - ai * li, zi = ar * li + ai * lr;
                for (int v = 0; v < out_.Length; v++)
                {
                    out_[v] += zi;
                    Vector<float> t = zr * sr - zi * si;
                    zi = zr * si + zi * sr;
                    zr = t;
                }
            }
            i = out_.Length * Width;
        }
        if (i < n) RenderTail(left[i..], i);
        Advance(n);
    }

    /// <summary>The last few frames of an odd-sized call, from the exact state i frames on.</summary>
    private void RenderTail(Span<float> x, int offset)
    {
        x.Clear();
        for (int k = 0; k < _count; k++)
        {
            double a = _amp[k] * Math.Pow(_decay[k], offset), p = _phase[k] + _omega[k] * offset;
            double stepRe = _decay[k] * Math.Cos(_omega[k]), stepIm = _decay[k] * Math.Sin(_omega[k]);
            double zr = a * Math.Cos(p), zi = a * Math.Sin(p);
            for (int j = 0; j < x.Length; j++)
            {
                x[j] += (float)zi;
                double t = zr * stepRe - zi * stepIm;
                zi = zr * stepIm + zi * stepRe;
                zr = t;
            }
        }
    }

    private void Advance(int frames)
    {
        for (int k = 0; k < _count; k++)
        {
            _amp[k] *= Math.Pow(_decay[k], frames);
            _phase[k] = Math.IEEERemainder(_phase[k] + _omega[k] * frames, 2 * Math.PI);
        }
    }
}
