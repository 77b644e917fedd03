using System.Numerics;
using System.Runtime.InteropServices;

namespace Attune.Engine.Synthesis;

/// <summary>
/// A one-pole low-pass s[k] = (1 − c)·x[k] + c·s[k−1] run a vector of frames at a time in closed form:
/// lane k of a vector is c^(k+1)·s_prev + Σ_{m≤k} (1 − c)·c^(k−m)·x[m], so only the last lane is
/// carried from one vector to the next and the per-sample dependency chain disappears. Float is
/// enough: with poles ≤ 0.98 (cutoffs ≥ 150 Hz) rounding stays near −110 dB and cannot build up.
/// </summary>
internal sealed class OnePoleKernel
{
    private static readonly int Width = Vector<float>.Count;
    private readonly Vector<float>[] _columns = new Vector<float>[Width];
    private Vector<float> _carry;
    private float _pole = float.NaN;

    // Vector<float>.Count is a power of two ≥ 4, so the paired sums below cover every lane.
    public OnePoleKernel(double pole = 0) => SetPole(pole);

    /// <summary>Sets the pole c (0 ≤ c &lt; 1); the lane tables are rebuilt only when it changes.</summary>
    public void SetPole(double pole)
    {
        if (!(pole >= 0 && pole < 1)) throw new ArgumentOutOfRangeException(nameof(pole), pole, "pole must be in [0, 1)");
        if ((float)pole == _pole) return;
        _pole = (float)pole;
        Span<float> powers = stackalloc float[Width + 1];
        double p = 1;
        for (int k = 0; k <= Width; k++, p *= pole) powers[k] = (float)p;
        Span<float> lanes = stackalloc float[Width];
        float gain = (float)(1 - pole);
        for (int m = 0; m < Width; m++)
        {
            for (int k = 0; k < Width; k++) lanes[k] = k >= m ? gain * powers[k - m] : 0f;
            _columns[m] = new Vector<float>(lanes);
        }
        _carry = new Vector<float>(powers.Slice(1, Width));
    }

    /// <summary>Filters x in place from state s, then scales the output by gain; returns the new (unscaled) state.</summary>
    public float Apply(Span<float> x, float s, float gain = 1f)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Width)
        {
            Span<Vector<float>> v = MemoryMarshal.Cast<float, Vector<float>>(x);
            ReadOnlySpan<Vector<float>> col = _columns;
            var g = new Vector<float>(gain);
            for (int b = 0; b < v.Length; b++)
            {
                ReadOnlySpan<float> block = x.Slice(b * Width, Width);
                // The input part does not depend on s, so it overlaps the previous vector's chain;
                // two partial sums halve its own latency.
                Vector<float> even = col[0] * new Vector<float>(block[0]), odd = col[1] * new Vector<float>(block[1]);
                for (int m = 2; m + 1 < col.Length; m += 2)
                {
                    even = Vector.FusedMultiplyAdd(col[m], new Vector<float>(block[m]), even);
                    odd = Vector.FusedMultiplyAdd(col[m + 1], new Vector<float>(block[m + 1]), odd);
                }
                Vector<float> acc = Vector.FusedMultiplyAdd(_carry, new Vector<float>(s), even + odd);
                s = acc[Width - 1];
                v[b] = acc * g;
            }
            i = v.Length * Width;
        }
        float c = _pole, a = 1 - c;
        for (; i < x.Length; i++)
        {
            s = a * x[i] + c * s;
            x[i] = s * gain;
        }
        return s;
    }
}
