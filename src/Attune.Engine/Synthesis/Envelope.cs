using System.Numerics;
using System.Runtime.InteropServices;

namespace Attune.Engine.Synthesis;

/// <summary>
/// A click-free amplitude envelope: linear attack, exponential decay to a sustain level,
/// exponential release; ends at −80 dB. Segments are written in closed form, eight frames per
/// vector, so no per-sample dependency chain limits speed. Mutable struct: keep it in a field.
/// </summary>
internal struct Envelope
{
    private const double EndLevel = 1e-4;
    private static readonly int Width = Vector<float>.Count;
    private int _stage; // 0 idle, 1 attack, 2 decay/sustain, 3 release
    private int _attackLength, _attackPos;
    private double _level, _decayCoef, _sustain, _releaseCoef;
    // k^(j+1) per lane and k^width for the decay and release coefficients.
    private Vector<float> _decayLanes, _releaseLanes;
    private double _decayStride, _releaseStride;

    public readonly bool IsActive => _stage != 0;
    public readonly bool IsReleasing => _stage == 3;
    /// <summary>Past the attack: from here on the level only falls or holds.</summary>
    public readonly bool IsPastAttack => _stage >= 2;
    public readonly float Level => (float)_level;

    /// <summary>decaySeconds is the time to fall 60 dB toward the sustain level (≤ 0: no decay).</summary>
    public void Start(double attackSeconds, double decaySeconds, double sustain, double releaseSeconds)
    {
        _attackLength = Math.Max(1, (int)Math.Round(attackSeconds * AudioFormat.SampleRate));
        _attackPos = 0;
        _decayCoef = decaySeconds > 0 ? Coefficient(decaySeconds) : 1.0;
        (_decayLanes, _decayStride) = Lanes(_decayCoef);
        _sustain = sustain;
        SetRelease(releaseSeconds);
        _level = 0;
        _stage = 1;
    }

    /// <summary>Releases with the release time given at Start.</summary>
    public void Release()
    {
        if (_stage != 0) _stage = 3;
    }

    public void Release(double releaseSeconds)
    {
        if (_stage == 0) return;
        SetRelease(releaseSeconds);
        _stage = 3;
    }

    public void Stop()
    {
        _stage = 0;
        _level = 0;
    }

    /// <summary>Writes envelope values into gains, one tight loop per stage.</summary>
    public void Render(Span<float> gains)
    {
        double level = _level;
        int i = 0, n = gains.Length;
        while (i < n)
        {
            switch (_stage)
            {
                case 1:
                    i = Attack(gains, i, ref level);
                    break;
                case 2:
                    if (Math.Abs(level - _sustain) < 1e-7)
                    {
                        // Settled: hold the sustain level exactly.
                        level = _sustain;
                        gains[i..].Fill((float)level);
                        i = n;
                        break;
                    }
                    // Decay: level − s shrinks geometrically toward the sustain level.
                    double excess = Geometric(gains[i..], level - _sustain, (float)_sustain, _decayCoef, _decayLanes, _decayStride);
                    level = _sustain + excess;
                    i = n;
                    if (_sustain <= 0 && level < EndLevel) Stop(ref level);
                    break;
                case 3:
                    level = Geometric(gains[i..], level, 0f, _releaseCoef, _releaseLanes, _releaseStride);
                    i = n;
                    if (level < EndLevel) Stop(ref level);
                    break;
                default:
                    gains[i..].Clear();
                    i = n;
                    break;
            }
        }
        _level = level;
    }

    /// <summary>Linear rise counted in whole frames, so block boundaries cannot shift the top by a frame.</summary>
    private int Attack(Span<float> gains, int i, ref double level)
    {
        int m = Math.Min(gains.Length - i, _attackLength - _attackPos), j = 0;
        Span<float> out_ = gains.Slice(i, m);
        double inv = 1.0 / _attackLength;
        if (Vector.IsHardwareAccelerated)
        {
            var lanes = VectorSine.LaneIndexFloat * new Vector<float>((float)inv);
            var vectors = MemoryMarshal.Cast<float, Vector<float>>(out_);
            for (int v = 0; v < vectors.Length; v++, j += Width)
                vectors[v] = new Vector<float>((float)((_attackPos + j + 1) * inv)) + lanes;
        }
        for (; j < m; j++) out_[j] = (float)((_attackPos + j + 1) * inv);
        _attackPos += m;
        level = _attackPos * inv;
        if (_attackPos >= _attackLength)
        {
            level = 1.0;
            _stage = 2;
        }
        return i + m;
    }

    /// <summary>gains[j] = offset + x·k^(j+1); returns x·k^n. The double x carries the state exactly across vectors.</summary>
    private static double Geometric(Span<float> gains, double x, float offset, double k, Vector<float> lanes, double stride)
    {
        int n = gains.Length, i = 0;
        if (Vector.IsHardwareAccelerated && n >= Width)
        {
            var vo = new Vector<float>(offset);
            var out_ = MemoryMarshal.Cast<float, Vector<float>>(gains);
            for (int v = 0; v < out_.Length; v++)
            {
                out_[v] = vo + new Vector<float>((float)x) * lanes;
                x *= stride;
            }
            i = out_.Length * Width;
        }
        for (; i < n; i++)
        {
            x *= k;
            gains[i] = (float)(offset + x);
        }
        return x;
    }

    private void SetRelease(double releaseSeconds)
    {
        _releaseCoef = Coefficient(releaseSeconds);
        (_releaseLanes, _releaseStride) = Lanes(_releaseCoef);
    }

    private static (Vector<float> Lanes, double Stride) Lanes(double k)
    {
        Span<float> lanes = stackalloc float[Vector<float>.Count];
        double p = 1;
        for (int j = 0; j < lanes.Length; j++) { p *= k; lanes[j] = (float)p; }
        return (new Vector<float>(lanes), p);
    }

    private void Stop(ref double level)
    {
        level = 0;
        _stage = 0;
    }

    private static double Coefficient(double t60Seconds) =>
        Math.Exp(Math.Log(0.001) / (Math.Max(t60Seconds, 0.005) * AudioFormat.SampleRate));
}
