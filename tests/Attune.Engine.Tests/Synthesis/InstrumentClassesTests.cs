using Attune.Engine;
using Attune.Engine.Synthesis;

namespace Attune.Engine.Tests.Synthesis;

public class InstrumentClassesTests
{
    [Theory]
    [InlineData(InstrumentKind.WarmPad, SoundClass.TonalSustained)]
    [InlineData(InstrumentKind.SoftKeys, SoundClass.TonalStruck)]
    [InlineData(InstrumentKind.RoundBass, SoundClass.TonalStruck | SoundClass.TonalSustained)]
    [InlineData(InstrumentKind.Chimes, SoundClass.Metallic | SoundClass.TonalStruck)]
    [InlineData(InstrumentKind.Rain, SoundClass.WaterLike)]
    [InlineData(InstrumentKind.Wind, SoundClass.WindLike | SoundClass.Breathy)]
    [InlineData(InstrumentKind.Stream, SoundClass.WaterLike)]
    public void Each_instrument_has_its_classes(InstrumentKind kind, SoundClass expected) =>
        Assert.Equal(expected, InstrumentClasses.Of(kind));

    [Fact]
    public void No_instrument_is_clicky() // textures are rendered without transients
    {
        foreach (InstrumentKind k in Enum.GetValues<InstrumentKind>())
            Assert.Equal(SoundClass.None, InstrumentClasses.Of(k) & SoundClass.PercussiveClicky);
    }
}
