using System.Numerics;

namespace Attune.Engine.Synthesis;

/// <summary>Soft electric-piano keys: two-operator FM (ratio 1:1) whose index decays faster than the tone; velocity and brightness raise the index.</summary>
internal sealed class KeysGenerator : VoiceGenerator
{
    private uint _carrier, _mod, _incC, _incM;
    private double _index, _indexFloor, _indexDecay;

    public override bool IsMono => true;

    public override EnvelopeShape Start(int pitch, float velocity, PartState part)
    {
        double hz = PitchToHz(pitch);
        _incC = SineTable.Increment(hz);
        _incM = SineTable.Increment(hz);
        _carrier = 0;
        _mod = 0;
        float b = part.Brightness.Current;
        _index = Math.Min(2.8, (0.3 + 1.4 * velocity) * (0.4 + 1.2 * b)) * SineTable.PhasePerRadian;
        // The bright onset fades to a mellow but not pure sustain (a quarter of the initial index).
        _indexFloor = _index * 0.25;
        double indexT60 = 1.2 * Math.Pow(2, -(pitch - 60) / 24.0);
        _indexDecay = Math.Exp(Math.Log(0.001) / (indexT60 * AudioFormat.SampleRate));
        double t60 = Math.Clamp(4.0 * Math.Pow(2, -(pitch - 60) / 24.0), 0.8, 8.0);
        return new EnvelopeShape(0.006, t60, 0, 0.35);
    }

    public override void Render(Span<float> left, Span<float> right, PartState part)
    {
        int n = left.Length, i = 0, width = Vector<float>.Count;
        if (Vector.IsHardwareAccelerated && n >= width)
        {
            // Lanes are consecutive samples; the index excess over its floor decays by decay^lane.
            Vector<uint> c = new Vector<uint>(_carrier) + VectorSine.LaneIndex * _incC, cs = new Vector<uint>(_incC * (uint)width);
            Vector<uint> m = new Vector<uint>(_mod) + VectorSine.LaneIndex * _incM, ms = new Vector<uint>(_incM * (uint)width);
            Span<float> lanes = stackalloc float[width];
            double e = _index - _indexFloor;
            for (int j = 0; j < width; j++, e *= _indexDecay) lanes[j] = (float)e;
            var excess = new Vector<float>(lanes);
            var floor = new Vector<float>((float)_indexFloor);
            var step = new Vector<float>((float)Math.Pow(_indexDecay, width));
            for (; i + width <= n; i += width)
            {
                Vector<int> offset = Vector.ConvertToInt32((floor + excess) * VectorSine.Sin(m));
                Vector<float> x = VectorSine.Sin(c + Vector.AsVectorUInt32(offset));
                x.CopyTo(left[i..]);
                c += cs;
                m += ms;
                excess *= step;
            }
            _carrier = c[0]; _mod = m[0]; _index = _indexFloor + excess[0];
        }
        if (i < n) RenderScalar(left[i..]);
    }

    private void RenderScalar(Span<float> left)
    {
        ref float t = ref SineTable.Start;
        uint c = _carrier, m = _mod, ic = _incC, im = _incM;
        double index = _index, floor = _indexFloor, decay = _indexDecay;
        for (int i = 0; i < left.Length; i++)
        {
            float mod = SineTable.Lookup(ref t, m);
            uint offset = (uint)(int)(index * mod);
            float x = SineTable.Lookup(ref t, c + offset);
            left[i] = x;
            c += ic;
            m += im;
            index = floor + (index - floor) * decay;
        }
        _carrier = c; _mod = m; _index = index;
    }
}
