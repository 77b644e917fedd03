namespace Attune.Engine.Synthesis;

/// <summary>
/// Stereo feedback-delay-network reverb (Jot &amp; Chaigne 1991): 8 mutually prime delay lines, a
/// Householder feedback matrix, a one-pole damping low-pass per line, and per-line gains set so
/// the low-frequency energy falls 60 dB in the RT60 time. Allocation-free after construction.
/// </summary>
public sealed class Reverb : IAudioProcessor
{
    private const int Lines = 8;
    // Prime lengths (30–57 ms at 48 kHz), so echoes of different lines rarely coincide.
    private static readonly int[] DelayFrames = [1447, 1601, 1789, 1931, 2137, 2311, 2503, 2713];
    private static readonly int[] DiffuserFrames = [229, 557, 241, 593];
    private const float DiffuserGain = 0.5f;
    private const float OutputScale = 0.35f;
    // Keeps the loop state away from denormals when the input goes silent; far below audibility.
    private const float DenormalGuard = 1e-20f;

    private readonly float[][] _delay = new float[Lines][];
    private readonly int[] _index = new int[Lines];
    private readonly double[] _damp = new double[Lines];
    private readonly double[] _gain = new double[Lines];
    private readonly float[][] _diffuser = new float[4][];
    private readonly int[] _diffIndex = new int[4];
    private double _dampCoef;
    private double _appliedDecay;
    private SmoothedValue _decay, _wet, _dry;

    public Reverb(ReverbSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        for (int j = 0; j < Lines; j++) _delay[j] = new float[DelayFrames[j]];
        for (int j = 0; j < 4; j++) _diffuser[j] = new float[DiffuserFrames[j]];
        _decay = new SmoothedValue(settings.DecaySeconds, 0.5);
        _wet = new SmoothedValue(settings.Wet, 0.05);
        _dry = new SmoothedValue(settings.Dry, 0.05);
        // Damping 0..1 maps to a pole 0..0.7: at most about −15 dB per pass at Nyquist.
        _dampCoef = settings.Damping * 0.7;
        SetGains(settings.DecaySeconds);
    }

    public float DecaySeconds => _decay.Target;

    /// <summary>Sets RT60 (1..8 s); glides over half a second.</summary>
    public void SetDecay(float seconds)
    {
        if (!(seconds >= 1f && seconds <= 8f))
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "decay seconds must be in 1..8");
        _decay.SetTarget(seconds);
    }

    /// <summary>Sets wet and dry levels (0..1 each); smoothed.</summary>
    public void SetMix(float wet, float dry)
    {
        if (!(wet >= 0f && wet <= 1f)) throw new ArgumentOutOfRangeException(nameof(wet), wet, "wet must be in 0..1");
        if (!(dry >= 0f && dry <= 1f)) throw new ArgumentOutOfRangeException(nameof(dry), dry, "dry must be in 0..1");
        _wet.SetTarget(wet);
        _dry.SetTarget(dry);
    }

    public void Process(Span<float> left, Span<float> right)
    {
        if (right.Length != left.Length)
            throw new ArgumentException($"left ({left.Length}) and right ({right.Length}) must have equal length", nameof(right));
        int n = left.Length;
        for (int i = 0; i < n && _decay.IsSmoothing; i++) _decay.Next();
        if (_decay.Current != _appliedDecay) SetGains(_decay.Current);

        float[] d0 = _delay[0], d1 = _delay[1], d2 = _delay[2], d3 = _delay[3];
        float[] d4 = _delay[4], d5 = _delay[5], d6 = _delay[6], d7 = _delay[7];
        int i0 = _index[0], i1 = _index[1], i2 = _index[2], i3 = _index[3];
        int i4 = _index[4], i5 = _index[5], i6 = _index[6], i7 = _index[7];
        double s0 = _damp[0], s1 = _damp[1], s2 = _damp[2], s3 = _damp[3];
        double s4 = _damp[4], s5 = _damp[5], s6 = _damp[6], s7 = _damp[7];
        double g0 = _gain[0], g1 = _gain[1], g2 = _gain[2], g3 = _gain[3];
        double g4 = _gain[4], g5 = _gain[5], g6 = _gain[6], g7 = _gain[7];
        double c = _dampCoef;
        float[] a0 = _diffuser[0], a1 = _diffuser[1], a2 = _diffuser[2], a3 = _diffuser[3];
        int j0 = _diffIndex[0], j1 = _diffIndex[1], j2 = _diffIndex[2], j3 = _diffIndex[3];
        bool mixSteady = !_wet.IsSmoothing && !_dry.IsSmoothing;
        float wetConst = _wet.Current * OutputScale, dryConst = _dry.Current;

        for (int i = 0; i < n; i++)
        {
            float inL = Diffuse(a1, ref j1, Diffuse(a0, ref j0, left[i] + DenormalGuard));
            float inR = Diffuse(a3, ref j3, Diffuse(a2, ref j2, right[i] + DenormalGuard));

            // One-pole low-pass (damping) and decay gain on each line's output.
            s0 = d0[i0] + c * (s0 - d0[i0]); double y0 = s0 * g0;
            s1 = d1[i1] + c * (s1 - d1[i1]); double y1 = s1 * g1;
            s2 = d2[i2] + c * (s2 - d2[i2]); double y2 = s2 * g2;
            s3 = d3[i3] + c * (s3 - d3[i3]); double y3 = s3 * g3;
            s4 = d4[i4] + c * (s4 - d4[i4]); double y4 = s4 * g4;
            s5 = d5[i5] + c * (s5 - d5[i5]); double y5 = s5 * g5;
            s6 = d6[i6] + c * (s6 - d6[i6]); double y6 = s6 * g6;
            s7 = d7[i7] + c * (s7 - d7[i7]); double y7 = s7 * g7;

            double outL = y0 - y2 + y4 - y6;
            double outR = y1 - y3 + y5 - y7;
            // Householder reflection I − (2/N)·11ᵀ: orthogonal, so the loop is lossless before the gains.
            double h = (y0 + y1 + y2 + y3 + y4 + y5 + y6 + y7) * (2.0 / Lines);
            d0[i0] = (float)(y0 - h + inL);
            d1[i1] = (float)(y1 - h + inR);
            d2[i2] = (float)(y2 - h - inL);
            d3[i3] = (float)(y3 - h - inR);
            d4[i4] = (float)(y4 - h + inL);
            d5[i5] = (float)(y5 - h + inR);
            d6[i6] = (float)(y6 - h - inL);
            d7[i7] = (float)(y7 - h - inR);
            if (++i0 == d0.Length) i0 = 0;
            if (++i1 == d1.Length) i1 = 0;
            if (++i2 == d2.Length) i2 = 0;
            if (++i3 == d3.Length) i3 = 0;
            if (++i4 == d4.Length) i4 = 0;
            if (++i5 == d5.Length) i5 = 0;
            if (++i6 == d6.Length) i6 = 0;
            if (++i7 == d7.Length) i7 = 0;

            float wet = wetConst, dry = dryConst;
            if (!mixSteady) { wet = _wet.Next() * OutputScale; dry = _dry.Next(); }
            left[i] = left[i] * dry + (float)outL * wet;
            right[i] = right[i] * dry + (float)outR * wet;
        }

        _index[0] = i0; _index[1] = i1; _index[2] = i2; _index[3] = i3;
        _index[4] = i4; _index[5] = i5; _index[6] = i6; _index[7] = i7;
        _damp[0] = s0; _damp[1] = s1; _damp[2] = s2; _damp[3] = s3;
        _damp[4] = s4; _damp[5] = s5; _damp[6] = s6; _damp[7] = s7;
        _diffIndex[0] = j0; _diffIndex[1] = j1; _diffIndex[2] = j2; _diffIndex[3] = j3;
    }

    /// <summary>Schroeder all-pass diffuser: thickens the input so the tail starts dense.</summary>
    private static float Diffuse(float[] buf, ref int idx, float x)
    {
        float delayed = buf[idx];
        float v = x + DiffuserGain * delayed;
        buf[idx] = v;
        if (++idx == buf.Length) idx = 0;
        return delayed - DiffuserGain * v;
    }

    private void SetGains(double rt60)
    {
        _appliedDecay = rt60;
        for (int j = 0; j < Lines; j++)
            _gain[j] = Math.Pow(10, -3.0 * DelayFrames[j] / (rt60 * AudioFormat.SampleRate));
    }
}
