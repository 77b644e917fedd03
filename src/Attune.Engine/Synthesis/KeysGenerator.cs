namespace Attune.Engine.Synthesis;

/// <summary>Soft electric-piano keys: two-operator FM (ratio 1:1) whose index decays faster than the tone; velocity and brightness raise the index.</summary>
internal sealed class KeysGenerator : VoiceGenerator
{
    private uint _carrier, _mod, _incC, _incM;
    private double _index, _indexFloor, _indexDecay;

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
        ref float t = ref SineTable.Start;
        uint c = _carrier, m = _mod, ic = _incC, im = _incM;
        double index = _index, floor = _indexFloor, decay = _indexDecay;
        for (int i = 0; i < left.Length; i++)
        {
            float mod = SineTable.Lookup(ref t, m);
            uint offset = (uint)(int)(index * mod);
            float x = SineTable.Lookup(ref t, c + offset);
            left[i] = x;
            right[i] = x;
            c += ic;
            m += im;
            index = floor + (index - floor) * decay;
        }
        _carrier = c; _mod = m; _index = index;
    }
}
