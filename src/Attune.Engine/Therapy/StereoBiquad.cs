using System.Runtime.Intrinsics;

namespace Attune.Engine.Therapy;

/// <summary>
/// One second-order section in transposed direct form II, a0 = 1. The state holds the left channel
/// in lane 0 and the right in lane 1, so both channels run in one SIMD pass with separate state.
/// </summary>
internal struct StereoBiquad
{
    public double B0, B1, B2, A1, A2;
    public Vector128<double> Z1, Z2;

    public StereoBiquad(double b0, double b1, double b2, double a1, double a2)
    {
        B0 = b0; B1 = b1; B2 = b2; A1 = a1; A2 = a2;
        Z1 = Vector128<double>.Zero;
        Z2 = Vector128<double>.Zero;
    }

    public Vector128<double> Step(Vector128<double> x)
    {
        Vector128<double> y = x * B0 + Z1;
        Z1 = x * B1 - y * A1 + Z2;
        Z2 = x * B2 - y * A2;
        return y;
    }

    /// <summary>Complex gain at normalised angular frequency <paramref name="omega"/> (rad/sample).</summary>
    public readonly System.Numerics.Complex Response(double omega)
    {
        var z1 = System.Numerics.Complex.FromPolarCoordinates(1, -omega);
        var z2 = z1 * z1;
        return (B0 + B1 * z1 + B2 * z2) / (1 + A1 * z1 + A2 * z2);
    }
}
