using Attune.Engine.Adaptation;
using Attune.Engine.Composition.Model;
using Attune.Engine.Synthesis;

namespace Attune.Engine.Tests.Adaptation;

public class PresetCatalogTests
{
    private static readonly IReadOnlyList<MusicPreset> All = PresetCatalog.Default;

    [Fact]
    public void Default_spans_every_dimension_with_unique_names()
    {
        Assert.InRange(All.Count, 8, 12);
        Assert.Equal(All.Count, All.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(All, p => p.Mode == ScaleMode.Minor);
        Assert.Contains(All, p => p.Mode == ScaleMode.Major);
        Assert.Contains(All, p => p.RegisterOffset < 0);
        Assert.Contains(All, p => p.RegisterOffset > 0);
        Assert.Contains(All, p => p.TempoScale < 1);
        Assert.Contains(All, p => p.TempoScale > 1);
        Assert.Contains(All, p => p.BrightnessOffset < 0);
        Assert.Contains(All, p => p.BrightnessOffset > 0);
        Assert.Contains(All, p => p.DensityScale < 1);
        Assert.Contains(All, p => p.DensityScale > 1);
        foreach (var texture in new[] { InstrumentKind.Rain, InstrumentKind.Wind, InstrumentKind.Stream })
            Assert.Contains(All, p => p.Texture == texture);
        Assert.Contains(All, p => p.LeadInstrument == InstrumentKind.Chimes);
    }

    [Fact]
    public void Everyone_gets_every_preset_when_nothing_is_excluded()
    {
        Assert.Equal(All, PresetCatalog.For(TherapyProfile.Default));
    }

    [Fact]
    public void A_notched_profile_gets_only_notch_compatible_presets()
    {
        var profile = new TherapyProfile(Conditions.Tinnitus, tinnitusHz: 4000);
        var allowed = PresetCatalog.For(profile);
        Assert.All(allowed, p => Assert.True(p.NotchCompatible, p.Name));
        Assert.Equal(All.Count(p => p.NotchCompatible), allowed.Count);
        Assert.True(allowed.Count < All.Count);
        // Narrow-band parts (Wind texture, Chimes lead) never reach a notch.
        Assert.DoesNotContain(allowed, p => p.Texture == InstrumentKind.Wind || p.LeadInstrument == InstrumentKind.Chimes);
    }

    [Fact]
    public void Misophonia_exclusions_rule_out_presets_using_the_class()
    {
        var noMetal = PresetCatalog.For(new TherapyProfile(Conditions.Misophonia, excludedClasses: SoundClass.Metallic));
        Assert.NotEmpty(noMetal);
        Assert.DoesNotContain(noMetal, p => p.LeadInstrument == InstrumentKind.Chimes);

        var noWater = PresetCatalog.For(new TherapyProfile(Conditions.Misophonia, excludedClasses: SoundClass.WaterLike));
        Assert.NotEmpty(noWater);
        Assert.All(noWater, p => Assert.Equal(InstrumentKind.Wind, p.Texture));

        var noBreath = PresetCatalog.For(new TherapyProfile(Conditions.Misophonia, excludedClasses: SoundClass.Breathy));
        Assert.Equal(All.Where(p => p.Texture != InstrumentKind.Wind), noBreath);
    }

    [Fact]
    public void Tinnitus_and_water_exclusion_together_leave_nothing()
    {
        // Only wind presets avoid water, and wind is not notch-compatible: the caller must fall back.
        var profile = new TherapyProfile(Conditions.Tinnitus | Conditions.Misophonia, tinnitusHz: 6000, excludedClasses: SoundClass.WaterLike);
        Assert.Empty(PresetCatalog.For(profile));
    }

    [Fact]
    public void Offerable_leaves_out_what_the_person_ruled_out_then_relaxes_the_notch_then_offers_all()
    {
        var state = PersonalizerState.Flat();
        state.ExcludeSoundClass(SoundClass.Metallic);
        var offered = PresetCatalog.Offerable(TherapyProfile.Default, state, All);
        Assert.NotEmpty(offered);
        Assert.DoesNotContain(offered, p => p.LeadInstrument == InstrumentKind.Chimes);
        Assert.Equal(PresetCatalog.For(TherapyProfile.Default).Count(state.Allows), offered.Count);

        // Tinnitus with water excluded: no notch-compatible preset is left, so the wind presets (no water) are offered.
        var noWater = new TherapyProfile(Conditions.Tinnitus | Conditions.Misophonia, tinnitusHz: 6000, excludedClasses: SoundClass.WaterLike);
        var relaxed = PresetCatalog.Offerable(noWater, PersonalizerState.Flat(), All);
        Assert.NotEmpty(relaxed);
        Assert.All(relaxed, p => Assert.Equal(InstrumentKind.Wind, p.Texture));

        // The person's own exclusions give way before the profile's: water ruled out by the person and wind by the
        // profile leave nothing, so the presets the profile allows are offered.
        var person = PersonalizerState.Flat();
        person.ExcludeSoundClass(SoundClass.WaterLike);
        var fallback = PresetCatalog.Offerable(new TherapyProfile(Conditions.Misophonia, excludedClasses: SoundClass.Breathy), person, All);
        Assert.Equal(PresetCatalog.For(new TherapyProfile(Conditions.Misophonia, excludedClasses: SoundClass.Breathy)), fallback);

        // Nothing avoids every class the profile excludes: the whole catalogue, never nothing.
        var last = PresetCatalog.Offerable(new TherapyProfile(Conditions.Misophonia, excludedClasses: SoundClass.WaterLike | SoundClass.Breathy),
            PersonalizerState.Flat(), All);
        Assert.Equal(All, last);
    }
}
