using System.Numerics;
using System.Runtime.InteropServices;

namespace Attune.Engine.Synthesis;

/// <summary>
/// A one-pole low-pass s[k] = (1 − c)·x[k] + c·s[k−1] run a vector of frames at a time in closed form:
/// lane k of a vector is c^(k+1)·s_prev + Σ_{m≤k} (1 − c)·c^(k−m)·x[m], so only the last lane is
/// carried from one vector to the next and the per-sample dependency chain disappears.
/// </summary>
internal sealed class DampingKernel
{
    private readonly float _pole;
    private readonly Vector<float>[] _columns = new Vector<float>[Vector<float>.Count];
    private readonly Vector<float> _carry;

    public DampingKernel(double pole)
    {
        if (!(pole >= 0 && pole < 1)) throw new ArgumentOutOfRangeException(nameof(pole), pole, "pole must be in [0, 1)");
        _pole = (float)pole;
        int w = Vector<float>.Count;
        Span<float> lanes = stackalloc float[w];
        for (int m = 0; m < w; m++)
        {
            for (int k = 0; k < w; k++) lanes[k] = k >= m ? (float)((1 - pole) * Math.Pow(pole, k - m)) : 0f;
            _columns[m] = new Vector<float>(lanes);
        }
        for (int k = 0; k < w; k++) lanes[k] = (float)Math.Pow(pole, k + 1);
        _carry = new Vector<float>(lanes);
    }

    /// <summary>Filters x in place from state s, then scales it by gain; returns the new (unscaled) state.</summary>
    public float Apply(Span<float> x, float s, float gain)
    {
        int i = 0, w = Vector<float>.Count;
        if (Vector.IsHardwareAccelerated && x.Length >= w)
        {
            var v = MemoryMarshal.Cast<float, Vector<float>>(x);
            Vector<float>[] col = _columns;
            var g = new Vector<float>(gain);
            for (int b = 0; b < v.Length; b++)
            {
                int at = b * w;
                Vector<float> acc = _carry * new Vector<float>(s);
                for (int m = 0; m < col.Length; m++) acc += col[m] * new Vector<float>(x[at + m]);
                s = acc[w - 1];
                v[b] = acc * g;
            }
            i = v.Length * w;
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
