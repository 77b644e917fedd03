using System.Numerics;
using System.Runtime.InteropServices;

namespace Attune.Engine.Composition.Model;

/// <summary>SIMD kernels for the model's dense loops; each runs in a fixed order, so results are deterministic on one machine.</summary>
internal static class VectorMath
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var va = MemoryMarshal.Cast<float, Vector<float>>(a);
        var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
        var sum = Vector<float>.Zero;
        for (int i = 0; i < va.Length; i++) sum += va[i] * vb[i];
        float s = Vector.Sum(sum);
        for (int i = va.Length * Vector<float>.Count; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    /// <summary>dst += scale * src.</summary>
    public static void AddScaled(Span<float> dst, ReadOnlySpan<float> src, float scale)
    {
        var vd = MemoryMarshal.Cast<float, Vector<float>>(dst);
        var vs = MemoryMarshal.Cast<float, Vector<float>>(src);
        var k = new Vector<float>(scale);
        for (int i = 0; i < vd.Length; i++) vd[i] += vs[i] * k;
        for (int i = vd.Length * Vector<float>.Count; i < dst.Length; i++) dst[i] += src[i] * scale;
    }

    /// <summary>dst += src.</summary>
    public static void Add(Span<float> dst, ReadOnlySpan<float> src)
    {
        var vd = MemoryMarshal.Cast<float, Vector<float>>(dst);
        var vs = MemoryMarshal.Cast<float, Vector<float>>(src);
        for (int i = 0; i < vd.Length; i++) vd[i] += vs[i];
        for (int i = vd.Length * Vector<float>.Count; i < dst.Length; i++) dst[i] += src[i];
    }

    /// <summary>dst = logistic(src).</summary>
    public static void Sigmoid(ReadOnlySpan<float> src, Span<float> dst)
    {
        var vs = MemoryMarshal.Cast<float, Vector<float>>(src);
        var vd = MemoryMarshal.Cast<float, Vector<float>>(dst);
        var lo = new Vector<float>(-30f);
        var hi = new Vector<float>(30f);
        for (int i = 0; i < vs.Length; i++)
        {
            var x = Vector.Min(Vector.Max(vs[i], lo), hi);
            vd[i] = Vector<float>.One / (Vector<float>.One + Vector.Exp(-x));
        }
        for (int i = vs.Length * Vector<float>.Count; i < src.Length; i++) dst[i] = Logistic(src[i]);
    }

    /// <summary>dst = tanh(src).</summary>
    public static void Tanh(ReadOnlySpan<float> src, Span<float> dst)
    {
        for (int i = 0; i < src.Length; i++) dst[i] = MathF.Tanh(src[i]);
    }

    public static float Logistic(float x) => 1f / (1f + MathF.Exp(-Math.Clamp(x, -30f, 30f)));

    /// <summary>log(1 + e^x) without overflow; −log p(on) = Softplus(−x), −log p(off) = Softplus(x) for logit x.</summary>
    public static double Softplus(double x) => x > 0 ? x + Math.Log(1.0 + Math.Exp(-x)) : Math.Log(1.0 + Math.Exp(x));
}
