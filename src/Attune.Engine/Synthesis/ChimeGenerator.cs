using System.Numerics;

namespace Attune.Engine.Synthesis;

/// <summary>
/// Chimes: four inharmonic partials at the modal ratios of a free bar (1, 2.756, 5.404, 8.933;
/// N. Fletcher &amp; T. Rossing, The Physics of Musical Instruments, §2.14), upper partials
/// decaying faster; brightness and velocity weight the upper partials.
/// </summary>
internal sealed class ChimeGenerator : VoiceGenerator
{
    private static readonly double[] Ratios = [1.0, 2.756, 5.404, 8.933];
    private static readonly double[] Weights = [1.0, 0.45, 0.22, 0.1];
    private static readonly double[] DecayShare = [1.0, 0.5, 0.28, 0.16];
    private readonly uint[] _phase = new uint[4];
    private readonly uint[] _inc = new uint[4];
    private readonly double[] _amp = new double[4];
    private readonly double[] _decay = new double[4];

    public override bool IsSilent => _amp[0] < 1e-4;
    public override float Loudness => (float)_amp[0];

    public override EnvelopeShape Start(int pitch, float velocity, PartState part)
    {
        double hz = PitchToHz(pitch);
        double t60 = Math.Clamp(7.0 * Math.Pow(2, -(pitch - 72) / 24.0), 2.0, 12.0);
        double upper = (0.3 + 1.4 * part.Brightness.Current) * (0.6 + 0.4 * velocity);
        for (int k = 0; k < 4; k++)
        {
            double f = hz * Ratios[k];
            bool audible = f < AudioFormat.SampleRate * 0.45;
            _inc[k] = SineTable.Increment(f);
            _phase[k] = 0;
            _amp[k] = audible ? Weights[k] * (k == 0 ? 1 : upper) : 0;
            _decay[k] = Math.Exp(Math.Log(0.001) / (t60 * DecayShare[k] * AudioFormat.SampleRate));
        }
        return new EnvelopeShape(0.003, 0, 1, 2.5);
    }

    public override void Render(Span<float> left, Span<float> right, PartState part)
    {
        int n = left.Length, i = 0, width = Vector<float>.Count;
        if (Vector.IsHardwareAccelerated && n >= width)
        {
            // Each lane is one sample later than the previous: phase + lane·inc, amplitude · decay^lane.
            Vector<uint> p0 = new Vector<uint>(_phase[0]) + VectorSine.LaneIndex * _inc[0], s0 = new Vector<uint>(_inc[0] * (uint)width);
            Vector<uint> p1 = new Vector<uint>(_phase[1]) + VectorSine.LaneIndex * _inc[1], s1 = new Vector<uint>(_inc[1] * (uint)width);
            Vector<uint> p2 = new Vector<uint>(_phase[2]) + VectorSine.LaneIndex * _inc[2], s2 = new Vector<uint>(_inc[2] * (uint)width);
            Vector<uint> p3 = new Vector<uint>(_phase[3]) + VectorSine.LaneIndex * _inc[3], s3 = new Vector<uint>(_inc[3] * (uint)width);
            Vector<float> a0 = LaneAmplitudes(0), a1 = LaneAmplitudes(1), a2 = LaneAmplitudes(2), a3 = LaneAmplitudes(3);
            Vector<float> k0 = new((float)Math.Pow(_decay[0], width)), k1 = new((float)Math.Pow(_decay[1], width));
            Vector<float> k2 = new((float)Math.Pow(_decay[2], width)), k3 = new((float)Math.Pow(_decay[3], width));
            for (; i + width <= n; i += width)
            {
                Vector<float> x = a0 * VectorSine.Sin(p0) + a1 * VectorSine.Sin(p1) + a2 * VectorSine.Sin(p2) + a3 * VectorSine.Sin(p3);
                x.CopyTo(left[i..]);
                x.CopyTo(right[i..]);
                p0 += s0; p1 += s1; p2 += s2; p3 += s3;
                a0 *= k0; a1 *= k1; a2 *= k2; a3 *= k3;
            }
            // Lane 0 now holds the state of sample i.
            _phase[0] = p0[0]; _phase[1] = p1[0]; _phase[2] = p2[0]; _phase[3] = p3[0];
            _amp[0] = a0[0]; _amp[1] = a1[0]; _amp[2] = a2[0]; _amp[3] = a3[0];
        }
        if (i < n) RenderScalar(left[i..], right[i..]);
    }

    private Vector<float> LaneAmplitudes(int k)
    {
        Span<float> lanes = stackalloc float[Vector<float>.Count];
        double a = _amp[k];
        for (int j = 0; j < lanes.Length; j++, a *= _decay[k]) lanes[j] = (float)a;
        return new Vector<float>(lanes);
    }

    private void RenderScalar(Span<float> left, Span<float> right)
    {
        ref float t = ref SineTable.Start;
        uint p0 = _phase[0], p1 = _phase[1], p2 = _phase[2], p3 = _phase[3];
        uint i0 = _inc[0], i1 = _inc[1], i2 = _inc[2], i3 = _inc[3];
        double a0 = _amp[0], a1 = _amp[1], a2 = _amp[2], a3 = _amp[3];
        double k0 = _decay[0], k1 = _decay[1], k2 = _decay[2], k3 = _decay[3];
        for (int i = 0; i < left.Length; i++)
        {
            double x = a0 * SineTable.Lookup(ref t, p0) + a1 * SineTable.Lookup(ref t, p1)
                     + a2 * SineTable.Lookup(ref t, p2) + a3 * SineTable.Lookup(ref t, p3);
            left[i] = (float)x;
            right[i] = (float)x;
            p0 += i0; p1 += i1; p2 += i2; p3 += i3;
            a0 *= k0; a1 *= k1; a2 *= k2; a3 *= k3;
        }
        _phase[0] = p0; _phase[1] = p1; _phase[2] = p2; _phase[3] = p3;
        _amp[0] = a0; _amp[1] = a1; _amp[2] = a2; _amp[3] = a3;
    }
}
