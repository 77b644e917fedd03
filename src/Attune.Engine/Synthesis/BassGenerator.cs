using System.Numerics;

namespace Attune.Engine.Synthesis;

/// <summary>Round bass: a sine with a little second and third harmonic, low-passed; brightness adds harmonics and opens the filter.</summary>
internal sealed class BassGenerator : VoiceGenerator
{
    private readonly OnePoleKernel _lowPass = new();
    private uint _phase, _inc;
    private float _lp;
    private double _hz;

    public override bool IsMono => true;

    public override EnvelopeShape Start(int pitch, float velocity, PartState part)
    {
        _hz = PitchToHz(pitch);
        _inc = SineTable.Increment(_hz);
        _phase = 0;
        _lp = 0;
        return new EnvelopeShape(0.012, 2.5, 0.55, 0.3);
    }

    public override void Render(Span<float> left, Span<float> right, PartState part)
    {
        float b = part.Brightness.Current;
        double a = OnePole(_hz * (2.5 + 6 * b));
        // sin³ = (3 sin − sin 3x)/4: a cubic term adds the third harmonic without another sine.
        float h2 = 0.1f + 0.2f * b, h3 = 0.6f * b;
        int n = left.Length, i = 0, width = Vector<float>.Count;
        uint p = _phase, inc = _inc;
        if (Vector.IsHardwareAccelerated && n >= width)
        {
            Vector<uint> vp = new Vector<uint>(p) + VectorSine.LaneIndex * inc, step = new Vector<uint>(inc * (uint)width);
            var v2 = new Vector<float>(h2);
            var v3 = new Vector<float>(h3);
            for (; i + width <= n; i += width)
            {
                Vector<float> s1 = VectorSine.Sin(vp);
                (s1 + v2 * VectorSine.Sin(Vector.ShiftLeft(vp, 1)) - v3 * s1 * s1 * s1).CopyTo(left[i..]);
                vp += step;
            }
            p = vp[0];
        }
        ref float t = ref SineTable.Start;
        for (; i < n; i++, p += inc)
        {
            float s1 = SineTable.Lookup(ref t, p);
            left[i] = s1 + h2 * SineTable.Lookup(ref t, p << 1) - h3 * s1 * s1 * s1;
        }
        _lowPass.SetPole(1 - a);
        _lp = _lowPass.Apply(left, _lp);
        _phase = p;
    }
}
