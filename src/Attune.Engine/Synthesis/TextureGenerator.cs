namespace Attune.Engine.Synthesis;

/// <summary>
/// Rain, wind and stream: independent white noise per channel through a band-pass whose centre
/// wanders slowly (a reflected random walk, smoothed), plus a low-passed body, with gentle level
/// motion. Everything moves per block and is ramped, so there are no transients.
/// </summary>
internal sealed class TextureGenerator : VoiceGenerator
{
    private readonly SeededRandom _random;
    private StateVariableFilter _bandL, _bandR, _bodyL, _bodyR;
    private uint _noiseL, _noiseR;
    private double _walkL, _walkR, _walkAmp, _smoothL, _smoothR, _smoothAmp;
    private float _amp;
    private double _pitchFactor;
    private readonly double _low, _high, _q, _bodyHz, _bodyWeight, _speed, _motion, _makeup;

    public TextureGenerator(InstrumentKind kind, SeededRandom random)
    {
        _random = random;
        // Band limits (Hz), Q, body low-pass (Hz) and weight, wander speed (per √s), level motion depth, make-up gain.
        (_low, _high, _q, _bodyHz, _bodyWeight, _speed, _motion, _makeup) = kind switch
        {
            InstrumentKind.Rain => (2000.0, 6000.0, 0.6, 700.0, 0.35, 0.08, 0.15, 1.6),
            InstrumentKind.Wind => (250.0, 1100.0, 3.0, 250.0, 0.25, 0.18, 0.55, 4.0),
            InstrumentKind.Stream => (500.0, 2000.0, 2.0, 400.0, 0.4, 0.5, 0.3, 3.0),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a noise texture"),
        };
    }

    public override EnvelopeShape Start(int pitch, float velocity, PartState part)
    {
        _noiseL = (uint)_random.NextUInt64() | 1;
        _noiseR = (uint)_random.NextUInt64() | 1;
        _walkL = _smoothL = _random.NextDouble();
        _walkR = _smoothR = _random.NextDouble();
        _walkAmp = _smoothAmp = 0.5;
        _amp = (float)((1 - _motion * part.Density.Current * 0.5) * _makeup);
        _pitchFactor = Math.Pow(2, (pitch - 60) / 24.0);
        _bandL.Reset(); _bandR.Reset(); _bodyL.Reset(); _bodyR.Reset();
        _bodyL.SetCoefficients(_bodyHz * _pitchFactor, 0.7);
        _bodyR.SetCoefficients(_bodyHz * _pitchFactor, 0.7);
        return new EnvelopeShape(2.0, 0, 1, 3.0);
    }

    public override void Render(Span<float> left, Span<float> right, PartState part)
    {
        int n = left.Length;
        double seconds = (double)n / AudioFormat.SampleRate;
        double step = _speed * Math.Sqrt(seconds);
        _walkL = Reflect(_walkL + step * _random.NextGaussian());
        _walkR = Reflect(_walkR + step * _random.NextGaussian());
        _walkAmp = Reflect(_walkAmp + step * 1.5 * _random.NextGaussian());
        // Per-block smoothing with a ~0.5 s time constant keeps every movement slow.
        double alpha = 1 - Math.Exp(-seconds / 0.5);
        _smoothL += alpha * (_walkL - _smoothL);
        _smoothR += alpha * (_walkR - _smoothR);
        _smoothAmp += alpha * (_walkAmp - _smoothAmp);

        float b = part.Brightness.Current;
        float density = part.Density.Current;
        double tilt = Math.Pow(2, (b - 0.5) * 1.5) * _pitchFactor;
        _bandL.SetCoefficients(_low * Math.Pow(_high / _low, _smoothL) * tilt, _q);
        _bandR.SetCoefficients(_low * Math.Pow(_high / _low, _smoothR) * tilt, _q);

        float target = (float)((1 - _motion * density * _smoothAmp) * _makeup);
        float amp = _amp, ampStep = (target - amp) / n;
        double body = _bodyWeight;
        uint nl = _noiseL, nr = _noiseR;
        // Filters copied to locals so their state stays in registers through the loop.
        StateVariableFilter bandL = _bandL, bandR = _bandR, bodyL = _bodyL, bodyR = _bodyR;
        const float noiseScale = 1f / 2147483648f;
        for (int i = 0; i < n; i++)
        {
            nl ^= nl << 13; nl ^= nl >> 17; nl ^= nl << 5;
            nr ^= nr << 13; nr ^= nr >> 17; nr ^= nr << 5;
            double xl = (int)nl * noiseScale, xr = (int)nr * noiseScale;
            amp += ampStep;
            left[i] = (float)((bandL.BandPass(xl) + body * bodyL.LowPass(xl)) * amp);
            right[i] = (float)((bandR.BandPass(xr) + body * bodyR.LowPass(xr)) * amp);
        }
        _bandL = bandL; _bandR = bandR; _bodyL = bodyL; _bodyR = bodyR;
        _noiseL = nl; _noiseR = nr; _amp = target;
    }

    private static double Reflect(double x) => x < 0 ? -x : x > 1 ? 2 - x : x;
}
