namespace Attune.Engine.Synthesis;

/// <summary>Round bass: a sine with a little second harmonic, low-passed; brightness opens the filter.</summary>
internal sealed class BassGenerator : VoiceGenerator
{
    private const float SecondHarmonic = 0.18f;
    private uint _phase, _inc;
    private double _lp, _hz;

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
        double a = OnePole(_hz * (3 + 8 * part.Brightness.Current));
        ref float t = ref SineTable.Start;
        uint p = _phase, inc = _inc;
        double y = _lp;
        for (int i = 0; i < left.Length; i++)
        {
            float x = SineTable.Lookup(ref t, p) + SecondHarmonic * SineTable.Lookup(ref t, p << 1);
            y += a * (x - y);
            left[i] = (float)y;
            right[i] = (float)y;
            p += inc;
        }
        _phase = p; _lp = y;
    }
}
