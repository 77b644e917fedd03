namespace Attune.Engine.Synthesis;

/// <summary>Round bass: a sine with a little second and third harmonic, low-passed; brightness adds harmonics and opens the filter.</summary>
internal sealed class BassGenerator : VoiceGenerator
{
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
        float b = part.Brightness.Current;
        double a = OnePole(_hz * (2.5 + 6 * b));
        // sin³ = (3 sin − sin 3x)/4: a cubic term adds the third harmonic without another table read.
        float h2 = 0.1f + 0.2f * b, h3 = 0.6f * b;
        ref float t = ref SineTable.Start;
        uint p = _phase, inc = _inc;
        double y = _lp;
        for (int i = 0; i < left.Length; i++)
        {
            float s1 = SineTable.Lookup(ref t, p);
            float x = s1 + h2 * SineTable.Lookup(ref t, p << 1) - h3 * s1 * s1 * s1;
            y += a * (x - y);
            left[i] = (float)y;
            right[i] = (float)y;
            p += inc;
        }
        _phase = p; _lp = y;
    }
}
