using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Attune.Engine.Synthesis;

/// <summary>Warm pad: the shared PADsynth table read at two slightly detuned rates (stereo chorus), gently low-passed by brightness.</summary>
internal sealed class PadGenerator : VoiceGenerator
{
    private const double DetuneRatio = 0.0012; // ±2 cents between left and right
    private const uint FracMask = (1u << PadTable.FracBits) - 1;
    private const float FracScale = 1f / (1 << PadTable.FracBits);
    private readonly float[] _table = PadTable.Table;
    private readonly OnePoleKernel _lowPass = new();
    private uint _phaseL, _phaseR, _incL, _incR;
    private float _lpL, _lpR;
    private double _hz;

    public PadGenerator(SeededRandom random)
    {
        _phaseL = (uint)random.NextUInt64();
        _phaseR = _phaseL + 0x80000000u; // half a table apart: decorrelated
    }

    public override EnvelopeShape Start(int pitch, float velocity, PartState part)
    {
        _hz = PitchToHz(pitch);
        double rate = _hz / PadTable.BaseFrequency * (1 << PadTable.FracBits);
        _incL = (uint)Math.Round(rate * (1 + DetuneRatio));
        _incR = (uint)Math.Round(rate * (1 - DetuneRatio));
        _lpL = 0;
        _lpR = 0;
        return new EnvelopeShape(1.5, 0, 1, 3.0);
    }

    public override void Render(Span<float> left, Span<float> right, PartState part)
    {
        float b = part.Brightness.Current;
        double a = OnePole(Math.Clamp(_hz * (1.5 + 24 * b * b), 150, 16000));
        // Indices are always < Length and the table has a guard point, so reads skip bounds checks.
        ref float t = ref MemoryMarshal.GetArrayDataReference(_table);
        uint pl = _phaseL, pr = _phaseR, il = _incL, ir = _incR;
        int n = Math.Min(left.Length, right.Length), i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 8 <= n; i += 8)
            {
                Read8(ref t, pl, il).CopyTo(left[i..]);
                Read8(ref t, pr, ir).CopyTo(right[i..]);
                pl += il * 8;
                pr += ir * 8;
            }
        }
        for (; i < n; i++)
        {
            left[i] = Read(ref t, pl);
            right[i] = Read(ref t, pr);
            pl += il;
            pr += ir;
        }
        _phaseL = pl; _phaseR = pr;
        // The recursive low-pass runs a vector of frames at a time over the table output.
        _lowPass.SetPole(1 - a);
        _lowPass.Apply2(left, ref _lpL, 1f, right, ref _lpR, 1f);
    }

    /// <summary>Eight consecutive interpolated reads: scalar loads, vector arithmetic (no gather without unsafe code).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Read8(ref float t, uint p, uint inc)
    {
        const int shift = PadTable.FracBits;
        uint p1 = p + inc, p2 = p1 + inc, p3 = p2 + inc, p4 = p3 + inc, p5 = p4 + inc, p6 = p5 + inc, p7 = p6 + inc;
        nint k0 = (nint)(p >> shift), k1 = (nint)(p1 >> shift), k2 = (nint)(p2 >> shift), k3 = (nint)(p3 >> shift);
        nint k4 = (nint)(p4 >> shift), k5 = (nint)(p5 >> shift), k6 = (nint)(p6 >> shift), k7 = (nint)(p7 >> shift);
        Vector256<float> a = Vector256.Create(Unsafe.Add(ref t, k0), Unsafe.Add(ref t, k1), Unsafe.Add(ref t, k2), Unsafe.Add(ref t, k3),
            Unsafe.Add(ref t, k4), Unsafe.Add(ref t, k5), Unsafe.Add(ref t, k6), Unsafe.Add(ref t, k7));
        Vector256<float> b = Vector256.Create(Unsafe.Add(ref t, k0 + 1), Unsafe.Add(ref t, k1 + 1), Unsafe.Add(ref t, k2 + 1), Unsafe.Add(ref t, k3 + 1),
            Unsafe.Add(ref t, k4 + 1), Unsafe.Add(ref t, k5 + 1), Unsafe.Add(ref t, k6 + 1), Unsafe.Add(ref t, k7 + 1));
        Vector256<uint> phases = Vector256.Create(p, p1, p2, p3, p4, p5, p6, p7);
        Vector256<float> frac = Vector256.ConvertToSingle((phases & Vector256.Create(FracMask)).AsInt32()) * Vector256.Create(FracScale);
        return a + (b - a) * frac;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Read(ref float t, uint p)
    {
        nint k = (nint)(p >> PadTable.FracBits);
        float x0 = Unsafe.Add(ref t, k);
        // Signed conversion of the fraction: uint → float costs several instructions without AVX-512.
        return x0 + (Unsafe.Add(ref t, k + 1) - x0) * ((int)(p & FracMask) * FracScale);
    }
}
