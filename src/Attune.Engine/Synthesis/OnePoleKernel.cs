using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
    // Eight-lane prefix scan: input gain, c^1, c^2, c^4 (lane-masked) and c^(k+1) per lane.
    private Vector256<float> _scanGain, _scan1, _scan2, _scan4, _scanCarry;
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
        if (Width == 8)
        {
            float c1 = powers[1], c2 = powers[2], c4 = powers[4];
            _scanGain = Vector256.Create(gain);
            _scan1 = Vector256.Create(0f, c1, c1, c1, c1, c1, c1, c1);
            _scan2 = Vector256.Create(0f, 0f, c2, c2, c2, c2, c2, c2);
            _scan4 = Vector256.Create(0f, 0f, 0f, 0f, c4, c4, c4, c4);
            _scanCarry = _carry.AsVector256();
        }
    }

    /// <summary>Filters x in place from state s, then scales the output by gain; returns the new (unscaled) state.</summary>
    public float Apply(Span<float> x, float s, float gain = 1f)
    {
        int i = 0;
        if (Width == 8 && Vector256.IsHardwareAccelerated && x.Length >= Width)
        {
            // Hillis–Steele scan: after shifts by 1, 2 and 4 lanes each lane holds its whole in-vector sum.
            Span<Vector256<float>> v = MemoryMarshal.Cast<float, Vector256<float>>(x);
            Vector256<float> k0 = _scanGain, k1 = _scan1, k2 = _scan2, k4 = _scan4, carry = _scanCarry, g = Vector256.Create(gain);
            for (int b = 0; b < v.Length; b++)
            {
                Vector256<float> u = Scan(v[b] * k0, k1, k2, k4);
                Vector256<float> acc = Vector256.FusedMultiplyAdd(carry, Vector256.Create(s), u);
                s = acc.GetElement(7);
                v[b] = acc * g;
            }
            i = v.Length * Width;
        }
        else if (Vector.IsHardwareAccelerated && x.Length >= Width)
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

    /// <summary>Two signals through the same filter, interleaved so one's carry chain hides the other's latency.</summary>
    public void Apply2(Span<float> x, ref float sx, float gainX, Span<float> y, ref float sy, float gainY)
    {
        if (!(Width == 8 && Vector256.IsHardwareAccelerated) || x.Length != y.Length || x.Length % 8 != 0)
        {
            sx = Apply(x, sx, gainX);
            sy = Apply(y, sy, gainY);
            return;
        }
        Span<Vector256<float>> vx = MemoryMarshal.Cast<float, Vector256<float>>(x), vy = MemoryMarshal.Cast<float, Vector256<float>>(y);
        Vector256<float> k0 = _scanGain, k1 = _scan1, k2 = _scan2, k4 = _scan4, carry = _scanCarry;
        Vector256<float> gx = Vector256.Create(gainX), gy = Vector256.Create(gainY);
        float a = sx, b = sy;
        for (int i = 0; i < vx.Length; i++)
        {
            Vector256<float> u = Scan(vx[i] * k0, k1, k2, k4), w = Scan(vy[i] * k0, k1, k2, k4);
            Vector256<float> ax = Vector256.FusedMultiplyAdd(carry, Vector256.Create(a), u);
            Vector256<float> ay = Vector256.FusedMultiplyAdd(carry, Vector256.Create(b), w);
            a = ax.GetElement(7);
            b = ay.GetElement(7);
            vx[i] = ax * gx;
            vy[i] = ay * gy;
        }
        sx = a;
        sy = b;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Scan(Vector256<float> u, Vector256<float> k1, Vector256<float> k2, Vector256<float> k4)
    {
        u = Vector256.FusedMultiplyAdd(Vector256.Shuffle(u, Vector256.Create(0, 0, 1, 2, 3, 4, 5, 6)), k1, u);
        u = Vector256.FusedMultiplyAdd(Vector256.Shuffle(u, Vector256.Create(0, 0, 0, 1, 2, 3, 4, 5)), k2, u);
        return Vector256.FusedMultiplyAdd(Vector256.Shuffle(u, Vector256.Create(0, 0, 0, 0, 0, 1, 2, 3)), k4, u);
    }
}
