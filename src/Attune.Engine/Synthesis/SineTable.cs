using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Attune.Engine.Synthesis;

/// <summary>
/// A 4096-point sine table read with a 32-bit phase accumulator and linear interpolation
/// (error below 1e-7), so oscillators never call Math.Sin per sample.
/// </summary>
internal static class SineTable
{
    public const int Bits = 12;
    public const int Size = 1 << Bits;
    private const int FracBits = 32 - Bits;
    private const float FracScale = 1f / (1 << FracBits);

    /// <summary>Size + 1 entries: the guard point makes interpolation branch-free.</summary>
    public static readonly float[] Table = Build();

    /// <summary>Phase units (2^32 per cycle) per radian, for phase modulation.</summary>
    public const double PhasePerRadian = 4294967296.0 / (2 * Math.PI);

    public static uint Increment(double frequencyHz) =>
        (uint)(long)Math.Round(Math.Clamp(frequencyHz, 0, AudioFormat.SampleRate * 0.5) / AudioFormat.SampleRate * 4294967296.0);

    /// <summary>Start of the table for <see cref="Lookup"/>; the index is always in range, so no bounds checks.</summary>
    public static ref float Start => ref MemoryMarshal.GetArrayDataReference(Table);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Lookup(ref float table, uint phase)
    {
        nint i = (nint)(phase >> FracBits);
        float frac = (int)(phase & ((1u << FracBits) - 1)) * FracScale; // signed conversion is one instruction
        float a = Unsafe.Add(ref table, i);
        return a + (Unsafe.Add(ref table, i + 1) - a) * frac;
    }

    private static float[] Build()
    {
        var t = new float[Size + 1];
        for (int i = 0; i <= Size; i++) t[i] = (float)Math.Sin(2 * Math.PI * i / Size);
        return t;
    }
}
