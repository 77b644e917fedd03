namespace Attune.Engine.Tests;

public class TherapyProfileTests
{
    private static readonly TherapyProfile Profile = new(Conditions.Hyperacusis, justAudibleDbfs: -80, maxLufs: -35,
        ceilingDbtp: -6, excludedClasses: SoundClass.Metallic, calibrationDbaAtFullScale: 100);

    [Fact]
    public void WithExcludedClasses_changes_only_the_exclusions()
    {
        var p = Profile.WithExcludedClasses(SoundClass.Metallic | SoundClass.WaterLike);
        Assert.Equal(SoundClass.Metallic | SoundClass.WaterLike, p.ExcludedClasses);
        Assert.Equal((Profile.Conditions, Profile.JustAudibleDbfs, Profile.MaxLufs, Profile.CeilingDbtp, Profile.CalibrationDbaAtFullScale),
            (p.Conditions, p.JustAudibleDbfs, p.MaxLufs, p.CeilingDbtp, p.CalibrationDbaAtFullScale));
    }

    [Fact]
    public void WithNotch_adds_tinnitus_and_validates_the_frequency()
    {
        var p = Profile.WithNotch(4000, 0.5);
        Assert.Equal(4000, p.TinnitusHz);
        Assert.Equal(0.5, p.NotchOctaves);
        Assert.True(p.Has(Conditions.Tinnitus | Conditions.Hyperacusis));
        Assert.Equal(SoundClass.Metallic, p.ExcludedClasses);
        Assert.Equal("TinnitusHz", Assert.Throws<ProfileValidationException>(() => Profile.WithNotch(100, 1)).Field);
    }
}
