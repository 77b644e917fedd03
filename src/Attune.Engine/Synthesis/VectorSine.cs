using System.Numerics;
using System.Runtime.CompilerServices;

namespace Attune.Engine.Synthesis;

/// <summary>
/// Sine of <see cref="Vector{T}"/> lanes of 32-bit phases (2^32 per cycle): reflection into
/// [−π/2, π/2] and an odd Taylor polynomial to x^11 (error below 1e-7), so oscillators fill
/// several samples per instruction instead of reading a table sample by sample.
/// </summary>
internal static class VectorSine
{
    /// <summary>0, 1, 2, … per lane: multiplied by a phase increment it offsets each lane by one sample.</summary>
    public static readonly Vector<uint> LaneIndex = BuildLanes();

    /// <summary>0, 1, 2, … per lane as floats, for ramps written a vector at a time.</summary>
    public static readonly Vector<float> LaneIndexFloat = Vector.ConvertToSingle(Vector.AsVectorInt32(LaneIndex));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Sin(Vector<uint> phase)
    {
        Vector<float> x = Vector.ConvertToSingle(Vector.AsVectorInt32(phase)) * new Vector<float>((float)(Math.PI / 2147483648.0));
        var halfPi = new Vector<float>(MathF.PI / 2);
        var pi = new Vector<float>(MathF.PI);
        Vector<float> reflected = Vector.ConditionalSelect(Vector.LessThan(x, Vector<float>.Zero), -pi - x, pi - x);
        x = Vector.ConditionalSelect(Vector.GreaterThan(Vector.Abs(x), halfPi), reflected, x);
        Vector<float> x2 = x * x;
        Vector<float> p = new Vector<float>(-1f / 39916800f);
        p = p * x2 + new Vector<float>(1f / 362880f);
        p = p * x2 + new Vector<float>(-1f / 5040f);
        p = p * x2 + new Vector<float>(1f / 120f);
        p = p * x2 + new Vector<float>(-1f / 6f);
        p = p * x2 + Vector<float>.One;
        return p * x;
    }

    private static Vector<uint> BuildLanes()
    {
        var lanes = new uint[Vector<uint>.Count];
        for (int i = 0; i < lanes.Length; i++) lanes[i] = (uint)i;
        return new Vector<uint>(lanes);
    }
}
