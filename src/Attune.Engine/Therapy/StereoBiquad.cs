using System.Runtime.Intrinsics;

namespace Attune.Engine.Therapy;

/// <summary>
/// One second-order section in transposed direct form II, a0 = 1. The state holds the left channel
/// in lane 0 and the right in lane 1, so both channels run in one SIMD pass with separate state.
/// </summary>
internal struct StereoBiquad
{
    public readonly double B0, B1, B2, A1, A2;
    // The same coefficients broadcast to both lanes, read from memory in the loop to spare registers.
    public readonly Vector128<double> VB0, VB1, VB2, VA1, VA2;
    public Vector128<double> Z1, Z2;

    public StereoBiquad(double b0, double b1, double b2, double a1, double a2)
    {
        B0 = b0; B1 = b1; B2 = b2; A1 = a1; A2 = a2;
        VB0 = Vector128.Create(b0); VB1 = Vector128.Create(b1); VB2 = Vector128.Create(b2);
        VA1 = Vector128.Create(a1); VA2 = Vector128.Create(a2);
        Z1 = Vector128<double>.Zero;
        Z2 = Vector128<double>.Zero;
    }

    /// <summary>Complex gain at normalised angular frequency <paramref name="omega"/> (rad/sample).</summary>
    public readonly System.Numerics.Complex Response(double omega)
    {
        var z1 = System.Numerics.Complex.FromPolarCoordinates(1, -omega);
        var z2 = z1 * z1;
        return (B0 + B1 * z1 + B2 * z2) / (1 + A1 * z1 + A2 * z2);
    }
}
