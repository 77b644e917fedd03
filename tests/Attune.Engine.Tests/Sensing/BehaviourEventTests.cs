using Attune.Engine.Sensing;

namespace Attune.Engine.Tests.Sensing;

public class BehaviourEventTests
{
    [Fact]
    public void Factories_set_kind_time_and_only_their_own_fields()
    {
        Assert.Equal(BehaviourKind.Skip, BehaviourEvent.Skip(1).Kind);
        Assert.Equal(BehaviourKind.Pause, BehaviourEvent.Pause(2).Kind);
        Assert.Equal(BehaviourKind.Resume, BehaviourEvent.Resume(3).Kind);
        Assert.Equal(BehaviourKind.EarlyStop, BehaviourEvent.EarlyStop(4).Kind);
        var v = BehaviourEvent.VolumeChange(5, -3.5);
        Assert.Equal(BehaviourKind.VolumeChange, v.Kind);
        Assert.Equal(-3.5, v.VolumeDeltaDb);
        Assert.Equal(SoundClass.None, v.DislikedClasses);
        Assert.Equal(5, v.TimeSeconds);
        Assert.Equal(0, BehaviourEvent.Skip(1).VolumeDeltaDb);
    }

    [Fact]
    public void A_dislike_carries_its_trigger_sound_classes()
    {
        var d = BehaviourEvent.Dislike(10, SoundClass.PercussiveClicky | SoundClass.Breathy);
        Assert.Equal(BehaviourKind.Dislike, d.Kind);
        Assert.Equal(SoundClass.PercussiveClicky | SoundClass.Breathy, d.DislikedClasses);
        Assert.Equal(SoundClass.None, BehaviourEvent.Dislike(10).DislikedClasses);
    }

    [Fact]
    public void Unknown_sound_class_flags_are_rejected()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BehaviourEvent.Dislike(1, (SoundClass)(1 << 20)));
        Assert.Equal("dislikedClasses", ex.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(60.01)]
    [InlineData(-60.01)]
    [InlineData(double.NaN)]
    public void Volume_delta_must_be_nonzero_within_60_dB(double db)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BehaviourEvent.VolumeChange(1, db));
        Assert.Contains("60", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(-60)]
    public void Volume_delta_limits_are_inclusive(double db) =>
        Assert.Equal(db, BehaviourEvent.VolumeChange(1, db).VolumeDeltaDb);

    [Theory]
    [InlineData(-0.001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Time_must_be_finite_and_not_negative(double t)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BehaviourEvent.Skip(t));
        Assert.Equal(nameof(BehaviourEvent.TimeSeconds), ex.ParamName);
    }
}
