using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Attune.Engine.Safety;

/// <summary>
/// The same <see cref="Biquad"/> on left and right at once (lane 0 left, lane 1 right), with the same arithmetic in
/// the same order per lane, so each channel's result is bit-identical to the scalar filter's. Copy it to a local
/// for a loop and back afterwards, so its state stays in registers.
/// </summary>
internal struct StereoBiquad
{
    private readonly Vector128<double> _b0, _b1, _b2, _a1, _a2;
    private Vector128<double> _x1, _x2, _y1, _y2;

    public StereoBiquad(in Biquad c)
    {
        _b0 = Vector128.Create(c.B0);
        _b1 = Vector128.Create(c.B1);
        _b2 = Vector128.Create(c.B2);
        _a1 = Vector128.Create(c.A1);
        _a2 = Vector128.Create(c.A2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector128<double> Process(Vector128<double> x)
    {
        var y = _b0 * x + _b1 * _x1 + _b2 * _x2 - _a1 * _y1 - _a2 * _y2;
        _x2 = _x1; _x1 = x;
        _y2 = _y1; _y1 = y;
        return y;
    }
}
