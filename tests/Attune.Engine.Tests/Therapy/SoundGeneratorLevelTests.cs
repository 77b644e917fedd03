using Attune.Engine.Therapy;

namespace Attune.Engine.Tests.Therapy;

public class SoundGeneratorLevelTests
{
    [Theory]
    [InlineData(-70, 5, -65)]
    [InlineData(-70, 10, -60)]
    [InlineData(-100, 0, -100)]
    public void Level_is_just_audible_plus_sensation_level(double justAudible, double above, double expected)
    {
        Assert.Equal(expected, SoundGeneratorLevel.FromSensationLevel(justAudible, above), 9);
    }

    [Fact]
    public void Mixing_point_is_five_to_ten_dB()
    {
        Assert.False(SoundGeneratorLevel.IsMixingPoint(4.9));
        Assert.True(SoundGeneratorLevel.IsMixingPoint(5));
        Assert.True(SoundGeneratorLevel.IsMixingPoint(10));
        Assert.False(SoundGeneratorLevel.IsMixingPoint(10.1));
    }

    [Theory]
    [InlineData(-70, -0.1, "dbAboveJustAudible")]
    [InlineData(-70, 30.1, "dbAboveJustAudible")]
    [InlineData(-121, 5, "justAudibleDbfs")]
    [InlineData(-19, 5, "justAudibleDbfs")]
    public void Out_of_range_inputs_throw_naming_the_parameter(double justAudible, double above, string name)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => SoundGeneratorLevel.FromSensationLevel(justAudible, above));
        Assert.Equal(name, ex.ParamName);
    }
}
