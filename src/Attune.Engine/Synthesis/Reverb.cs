using System.Numerics;
using System.Runtime.InteropServices;

namespace Attune.Engine.Synthesis;

/// <summary>
/// Stereo feedback-delay-network reverb (Jot &amp; Chaigne 1991): 8 mutually prime delay lines, a
/// Householder feedback matrix, a one-pole damping low-pass per line, and per-line gains set so
/// the low-frequency energy falls 60 dB in the RT60 time. Allocation-free after construction.
/// Every loop delay is longer than a block, so a whole block of each line's output is known
/// before any of it is fed back: the network runs a block at a time, vectorised over frames.
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
    private const int Chunk = AudioFormat.BlockSize; // ≤ the shortest line, so a chunk never feeds itself

    private readonly float[][] _delay = new float[Lines][];
    private readonly int[] _index = new int[Lines];
    // Damping state per line. Float suffices: the loop itself stores float and the pole is ≤ 0.7.
    private readonly float[] _damp = new float[Lines];
    private readonly float[] _gain = new float[Lines];
    private readonly float[][] _diffuser = new float[4][];
    private readonly int[] _diffIndex = new int[4];
    private readonly float[][] _lineOut = new float[Lines][];
    private readonly float[] _inL = new float[Chunk], _inR = new float[Chunk], _sum = new float[Chunk];
    private readonly float[] _outL = new float[Chunk], _outR = new float[Chunk];
    private readonly OnePoleKernel _kernel;
    private double _appliedDecay;
    private SmoothedValue _decay, _wet, _dry;

    public Reverb(ReverbSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        for (int j = 0; j < Lines; j++)
        {
            _delay[j] = new float[DelayFrames[j]];
            _lineOut[j] = new float[Chunk];
        }
        for (int j = 0; j < 4; j++) _diffuser[j] = new float[DiffuserFrames[j]];
        _decay = new SmoothedValue(settings.DecaySeconds, 0.5);
        _wet = new SmoothedValue(settings.Wet, 0.05);
        _dry = new SmoothedValue(settings.Dry, 0.05);
        // Damping 0..1 maps to a pole 0..0.7: at most about −15 dB per pass at Nyquist.
        _kernel = new OnePoleKernel(settings.Damping * 0.7);
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
        for (int pos = 0; pos < left.Length; pos += Chunk)
        {
            int n = Math.Min(Chunk, left.Length - pos);
            ProcessChunk(left.Slice(pos, n), right.Slice(pos, n));
        }
    }

    private void ProcessChunk(Span<float> left, Span<float> right)
    {
        int n = left.Length;
        for (int i = 0; i < n && _decay.IsSmoothing; i++) _decay.Next();
        if (_decay.Current != _appliedDecay) SetGains(_decay.Current);

        Span<float> inL = _inL.AsSpan(0, n), inR = _inR.AsSpan(0, n), sum = _sum.AsSpan(0, n);
        Span<float> outL = _outL.AsSpan(0, n), outR = _outR.AsSpan(0, n);
        BlockMath.Offset(left, DenormalGuard, inL);
        BlockMath.Offset(right, DenormalGuard, inR);
        Diffuse(_diffuser[0], ref _diffIndex[0], inL);
        Diffuse(_diffuser[1], ref _diffIndex[1], inL);
        Diffuse(_diffuser[2], ref _diffIndex[2], inR);
        Diffuse(_diffuser[3], ref _diffIndex[3], inR);

        // Each line's output for the whole chunk, damped and scaled by its decay gain.
        sum.Clear();
        outL.Clear();
        outR.Clear();
        for (int j = 0; j < Lines; j += 2)
        {
            Span<float> y0 = _lineOut[j].AsSpan(0, n), y1 = _lineOut[j + 1].AsSpan(0, n);
            ReadRing(_delay[j], _index[j], y0);
            ReadRing(_delay[j + 1], _index[j + 1], y1);
            _kernel.Apply2(y0, ref _damp[j], _gain[j], y1, ref _damp[j + 1], _gain[j + 1]);
        }
        for (int j = 0; j < Lines; j++)
        {
            Span<float> y = _lineOut[j].AsSpan(0, n);
            BlockMath.MultiplyAdd(sum, y, 2f / Lines);
            // Left takes lines 0, 4 minus 2, 6; right takes 1, 5 minus 3, 7.
            BlockMath.MultiplyAdd((j & 1) == 0 ? outL : outR, y, (j & 2) == 0 ? 1f : -1f);
        }
        // Householder reflection I − (2/N)·11ᵀ (sum holds (2/N)·Σy): orthogonal, so the loop is lossless before the gains.
        for (int j = 0; j < Lines; j++)
        {
            Span<float> y = _lineOut[j].AsSpan(0, n);
            BlockMath.Reflect(y, sum, (j & 1) == 0 ? inL : inR, (j & 2) == 0 ? 1f : -1f);
            _index[j] = WriteRing(_delay[j], _index[j], y);
        }

        if (!_wet.IsSmoothing && !_dry.IsSmoothing)
        {
            float wet = _wet.Current * OutputScale, dry = _dry.Current;
            BlockMath.Blend(left, dry, outL, wet);
            BlockMath.Blend(right, dry, outR, wet);
            return;
        }
        for (int i = 0; i < n; i++)
        {
            float wet = _wet.Next() * OutputScale, dry = _dry.Next();
            left[i] = left[i] * dry + outL[i] * wet;
            right[i] = right[i] * dry + outR[i] * wet;
        }
    }

    /// <summary>
    /// Schroeder all-pass diffuser, in place. Within one contiguous stretch no slot is visited twice
    /// (a stretch never exceeds the delay), so every read precedes its slot's overwrite.
    /// </summary>
    private static void Diffuse(float[] buf, ref int idx, Span<float> x)
    {
        int pos = 0;
        while (pos < x.Length)
        {
            int len = Math.Min(x.Length - pos, buf.Length - idx);
            Span<float> d = buf.AsSpan(idx, len), s = x.Slice(pos, len);
            int i = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var vd = MemoryMarshal.Cast<float, Vector<float>>(d);
                var vs = MemoryMarshal.Cast<float, Vector<float>>(s);
                var g = new Vector<float>(DiffuserGain);
                for (int v = 0; v < vd.Length; v++)
                {
                    Vector<float> delayed = vd[v], w = vs[v] + g * delayed;
                    vd[v] = w;
                    vs[v] = delayed - g * w;
                }
                i = vd.Length * Vector<float>.Count;
            }
            for (; i < len; i++)
            {
                float delayed = d[i], w = s[i] + DiffuserGain * delayed;
                d[i] = w;
                s[i] = delayed - DiffuserGain * w;
            }
            pos += len;
            idx += len;
            if (idx == buf.Length) idx = 0;
        }
    }

    private static void ReadRing(float[] ring, int idx, Span<float> dst)
    {
        int first = Math.Min(dst.Length, ring.Length - idx);
        ring.AsSpan(idx, first).CopyTo(dst);
        ring.AsSpan(0, dst.Length - first).CopyTo(dst[first..]);
    }

    private static int WriteRing(float[] ring, int idx, ReadOnlySpan<float> src)
    {
        int first = Math.Min(src.Length, ring.Length - idx);
        src[..first].CopyTo(ring.AsSpan(idx));
        src[first..].CopyTo(ring);
        idx += src.Length;
        return idx >= ring.Length ? idx - ring.Length : idx;
    }

    private void SetGains(double rt60)
    {
        _appliedDecay = rt60;
        for (int j = 0; j < Lines; j++)
            _gain[j] = (float)Math.Pow(10, -3.0 * DelayFrames[j] / (rt60 * AudioFormat.SampleRate));
    }
}
