using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Attune.Engine.Synthesis;

/// <summary>Warm pad: the shared PADsynth table read at two slightly detuned rates (stereo chorus), gently low-passed by brightness.</summary>
internal sealed class PadGenerator : VoiceGenerator
{
    private const double DetuneRatio = 0.0012; // ±2 cents between left and right
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
        const uint mask = (1u << PadTable.FracBits) - 1;
        const float scale = 1f / (1 << PadTable.FracBits);
        for (int i = 0; i < left.Length; i++)
        {
            nint k = (nint)(pl >> PadTable.FracBits);
            float x0 = Unsafe.Add(ref t, k);
            float x = x0 + (Unsafe.Add(ref t, k + 1) - x0) * ((pl & mask) * scale);
            nint m = (nint)(pr >> PadTable.FracBits);
            float y0 = Unsafe.Add(ref t, m);
            float y = y0 + (Unsafe.Add(ref t, m + 1) - y0) * ((pr & mask) * scale);
            left[i] = x;
            right[i] = y;
            pl += il;
            pr += ir;
        }
        _phaseL = pl; _phaseR = pr;
        // The recursive low-pass runs a vector of frames at a time over the table output.
        _lowPass.SetPole(1 - a);
        _lpL = _lowPass.Apply(left, _lpL);
        _lpR = _lowPass.Apply(right, _lpR);
    }
}
