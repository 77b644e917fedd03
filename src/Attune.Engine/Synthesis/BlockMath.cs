using System.Numerics;
using System.Runtime.InteropServices;

namespace Attune.Engine.Synthesis;

/// <summary>Element-wise span arithmetic with <see cref="Vector{T}"/>; the JIT does not vectorise plain loops.</summary>
internal static class BlockMath
{
    /// <summary>dst = src + offset.</summary>
    public static void Offset(ReadOnlySpan<float> src, float offset, Span<float> dst)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var s = MemoryMarshal.Cast<float, Vector<float>>(src);
            var d = MemoryMarshal.Cast<float, Vector<float>>(dst);
            var k = new Vector<float>(offset);
            for (int v = 0; v < s.Length; v++) d[v] = s[v] + k;
            i = s.Length * Vector<float>.Count;
        }
        for (; i < src.Length; i++) dst[i] = src[i] + offset;
    }

    /// <summary>acc += x · k.</summary>
    public static void MultiplyAdd(Span<float> acc, ReadOnlySpan<float> x, float k)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var a = MemoryMarshal.Cast<float, Vector<float>>(acc);
            var s = MemoryMarshal.Cast<float, Vector<float>>(x);
            var vk = new Vector<float>(k);
            for (int v = 0; v < s.Length; v++) a[v] += s[v] * vk;
            i = s.Length * Vector<float>.Count;
        }
        for (; i < x.Length; i++) acc[i] += x[i] * k;
    }

    /// <summary>acc += x · g · k (g per frame).</summary>
    public static void MultiplyAdd(Span<float> acc, ReadOnlySpan<float> x, ReadOnlySpan<float> g, float k)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var a = MemoryMarshal.Cast<float, Vector<float>>(acc);
            var s = MemoryMarshal.Cast<float, Vector<float>>(x);
            var vg = MemoryMarshal.Cast<float, Vector<float>>(g);
            var vk = new Vector<float>(k);
            for (int v = 0; v < s.Length; v++) a[v] += s[v] * vg[v] * vk;
            i = s.Length * Vector<float>.Count;
        }
        for (; i < x.Length; i++) acc[i] += x[i] * g[i] * k;
    }

    /// <summary>x = x · a + y · b.</summary>
    public static void Blend(Span<float> x, float a, ReadOnlySpan<float> y, float b)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
            var vy = MemoryMarshal.Cast<float, Vector<float>>(y);
            Vector<float> va = new(a), vb = new(b);
            for (int v = 0; v < vx.Length; v++) vx[v] = vx[v] * va + vy[v] * vb;
            i = vx.Length * Vector<float>.Count;
        }
        for (; i < x.Length; i++) x[i] = x[i] * a + y[i] * b;
    }

    /// <summary>y = y − h + sign · input.</summary>
    public static void Reflect(Span<float> y, ReadOnlySpan<float> h, ReadOnlySpan<float> input, float sign)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vy = MemoryMarshal.Cast<float, Vector<float>>(y);
            var vh = MemoryMarshal.Cast<float, Vector<float>>(h);
            var vi = MemoryMarshal.Cast<float, Vector<float>>(input);
            var s = new Vector<float>(sign);
            for (int v = 0; v < vy.Length; v++) vy[v] = vy[v] - vh[v] + s * vi[v];
            i = vy.Length * Vector<float>.Count;
        }
        for (; i < y.Length; i++) y[i] = y[i] - h[i] + sign * input[i];
    }
}
