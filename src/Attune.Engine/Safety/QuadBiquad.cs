using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Attune.Engine.Safety;

/// <summary>
/// The same <see cref="Biquad"/> on four independent signals at once, with the same arithmetic in the same order per
/// lane, so each lane's result is bit-identical to the scalar filter's. Copy it to a local for a loop and back.
/// </summary>
internal struct QuadBiquad
{
    private readonly Vector256<double> _b0, _b1, _b2, _a1, _a2;
    private Vector256<double> _x1, _x2, _y1, _y2;

    public QuadBiquad(in Biquad c)
    {
        _b0 = Vector256.Create(c.B0);
        _b1 = Vector256.Create(c.B1);
        _b2 = Vector256.Create(c.B2);
        _a1 = Vector256.Create(c.A1);
        _a2 = Vector256.Create(c.A2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Process(Vector256<double> x)
    {
        var y = _b0 * x + _b1 * _x1 + _b2 * _x2 - _a1 * _y1 - _a2 * _y2;
        _x2 = _x1; _x1 = x;
        _y2 = _y1; _y1 = y;
        return y;
    }
}
