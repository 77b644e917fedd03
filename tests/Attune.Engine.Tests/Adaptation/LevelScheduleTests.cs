using Attune.Engine.Adaptation;

namespace Attune.Engine.Tests.Adaptation;

public class LevelScheduleTests
{
    private static readonly DateOnly Start = new(2026, 11, 2);

    [Theory]
    [InlineData(-3, 5)]   // before the start: the start level
    [InlineData(0, 5)]
    [InlineData(6, 5)]    // within the first week
    [InlineData(7, 7)]    // one step per completed week
    [InlineData(20, 9)]
    [InlineData(21, 11)]
    [InlineData(200, 12)] // capped
    public void Steps_once_per_completed_week_up_to_the_cap(int days, double expected)
    {
        var s = new LevelSchedule(Start, startDbAboveJustAudible: 5, weeklyStepDb: 2, maxDbAboveJustAudible: 12);
        Assert.Equal(expected, s.DbAboveJustAudible(Start.AddDays(days)), 9);
    }

    [Fact]
    public void Level_in_dbfs_is_relative_to_the_persons_just_audible_level()
    {
        var s = new LevelSchedule(Start, 5, 2, 12);
        var profile = new TherapyProfile(Conditions.Hyperacusis, justAudibleDbfs: -80);
        Assert.Equal(-73, s.LevelDbfs(profile, Start.AddDays(7)), 9);
    }

    [Fact]
    public void Bad_values_are_rejected_by_name()
    {
        Assert.Equal("weeklyStepDb", Assert.Throws<ArgumentOutOfRangeException>(() => new LevelSchedule(Start, 5, 10, 20)).ParamName);
        Assert.Equal("maxDbAboveJustAudible", Assert.Throws<ArgumentOutOfRangeException>(() => new LevelSchedule(Start, 10, 1, 5)).ParamName);
        Assert.Equal("startDbAboveJustAudible", Assert.Throws<ArgumentOutOfRangeException>(() => new LevelSchedule(Start, -1, 1, 5)).ParamName);
    }
}
