using Attune.Engine.Safety;

namespace Attune.Engine.Tests.Safety;

public class KWeightingTests
{
    [Fact]
    public void Coefficients_at_48k_match_BS1770_tables()
    {
        var k = KWeighting.Create(48_000);
        // ITU-R BS.1770-4 Table 1 (pre-filter) and Table 2 (RLB high-pass).
        Assert.Equal(1.53512485958697, k.Shelf.B0, 1e-8);
        Assert.Equal(-2.69169618940638, k.Shelf.B1, 1e-8);
        Assert.Equal(1.19839281085285, k.Shelf.B2, 1e-8);
        Assert.Equal(-1.69065929318241, k.Shelf.A1, 1e-8);
        Assert.Equal(0.73248077421585, k.Shelf.A2, 1e-8);
        Assert.Equal(1.0, k.HighPass.B0, 1e-12);
        Assert.Equal(-2.0, k.HighPass.B1, 1e-12);
        Assert.Equal(1.0, k.HighPass.B2, 1e-12);
        Assert.Equal(-1.99004745483398, k.HighPass.A1, 1e-8);
        Assert.Equal(0.99007225036621, k.HighPass.A2, 1e-8);
    }

    [Fact]
    public void Response_has_the_standard_shape()
    {
        var k = KWeighting.Create();
        // The −0.691 in BS.1770's loudness formula cancels the K-weighting gain at 997 Hz.
        Assert.Equal(0.691, 20 * Math.Log10(k.Magnitude(997)), 0.01);
        // The head shelf gives +4 dB at high frequencies.
        Assert.Equal(4.0, 20 * Math.Log10(k.Magnitude(12_000)), 0.1);
        // The RLB high-pass cuts low frequencies.
        Assert.True(20 * Math.Log10(k.Magnitude(20)) < -10);
    }
}
