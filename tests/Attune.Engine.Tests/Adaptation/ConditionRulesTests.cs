using Attune.Engine.Adaptation;
using Attune.Engine.Composition;

namespace Attune.Engine.Tests.Adaptation;

public class ConditionRulesTests
{
    [Fact]
    public void Hyperacusis_softens_hard_attacks_and_caps_the_level()
    {
        var profile = new TherapyProfile(Conditions.Hyperacusis);
        var loud = MusicalIntent.ForArousal(1); // −2 dB, 12 ms attack
        Assert.False(ConditionRules.Holds(profile, loud, ControllerSettings.Default));
        var fixedIntent = ConditionRules.Apply(profile, loud, ControllerSettings.Default);
        Assert.True(ConditionRules.Holds(profile, fixedIntent, ControllerSettings.Default));
        Assert.Equal(ControllerSettings.Default.HyperacusisMinAttackSeconds, fixedIntent.AttackSeconds, 12);
        Assert.Equal(ConditionRules.HyperacusisLoudnessCeilingDb, fixedIntent.LoudnessDb, 12);
        Assert.Equal(loud.TempoBpm, fixedIntent.TempoBpm);
    }

    [Fact]
    public void Without_hyperacusis_the_intent_is_unchanged()
    {
        var intent = MusicalIntent.ForArousal(1);
        Assert.Same(intent, ConditionRules.Apply(new TherapyProfile(Conditions.Tinnitus, tinnitusHz: 4000), intent, ControllerSettings.Default));
    }
}
