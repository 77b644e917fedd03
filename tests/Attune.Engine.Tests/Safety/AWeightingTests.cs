using Attune.Engine.Safety;

namespace Attune.Engine.Tests.Safety;

public class AWeightingTests
{
    [Theory]
    // IEC 61672-1:2013 Table 3, A-weighting design goals (dB); tolerances well inside class 1 (±1 dB at 4 kHz, +2/−3 dB at 10 kHz).
    [InlineData(31.5, -39.4, 0.2)]
    [InlineData(100, -19.1, 0.1)]
    [InlineData(1000, 0.0, 0.01)]
    [InlineData(4000, 1.0, 0.25)]
    [InlineData(10_000, -2.5, 0.3)]
    public void Response_matches_IEC_61672(double hz, double expectedDb, double tolerance)
    {
        var a = AWeighting.Create();
        Assert.Equal(expectedDb, 20 * Math.Log10(a.Magnitude(hz)), tolerance);
    }
}
