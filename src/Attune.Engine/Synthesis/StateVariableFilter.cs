using System.Runtime.CompilerServices;

namespace Attune.Engine.Synthesis;

/// <summary>
/// Topology-preserving state-variable filter (trapezoidal integration, after A. Simper, "Solving
/// the continuous SVF equations using trapezoidal integration", 2013); coefficients set per block,
/// state in double. Mutable struct: keep it in a field.
/// </summary>
internal struct StateVariableFilter
{
    private double _a1, _a2, _a3, _k, _ic1, _ic2;

    public void SetCoefficients(double cutoffHz, double q)
    {
        double g = Math.Tan(Math.PI * Math.Clamp(cutoffHz, 10, AudioFormat.SampleRate * 0.45) / AudioFormat.SampleRate);
        _k = 1.0 / q;
        _a1 = 1.0 / (1.0 + g * (g + _k));
        _a2 = g * _a1;
        _a3 = g * _a2;
    }

    public void Reset() { _ic1 = 0; _ic2 = 0; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double BandPass(double x)
    {
        Tick(x, out double v1, out _);
        return v1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double LowPass(double x)
    {
        Tick(x, out _, out double v2);
        return v2;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double HighPass(double x)
    {
        Tick(x, out double v1, out double v2);
        return x - _k * v1 - v2;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Tick(double v0, out double v1, out double v2)
    {
        double v3 = v0 - _ic2;
        v1 = _a1 * _ic1 + _a2 * v3;
        v2 = _ic2 + _a2 * _ic1 + _a3 * v3;
        _ic1 = 2 * v1 - _ic1;
        _ic2 = 2 * v2 - _ic2;
    }
}
