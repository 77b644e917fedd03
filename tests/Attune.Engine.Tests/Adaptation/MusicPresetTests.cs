using Attune.Engine.Adaptation;
using Attune.Engine.Composition;
using Attune.Engine.Composition.Model;
using Attune.Engine.Synthesis;
using CsCheck;

namespace Attune.Engine.Tests.Adaptation;

public class MusicPresetTests
{
    private static readonly Gen<MusicalIntent> IntentGen = Gen.Select(
        Gen.Select(Gen.Double[MusicalIntent.MinTempoBpm, MusicalIntent.MaxTempoBpm],
            Gen.Double[MusicalIntent.MinRegister, MusicalIntent.MaxRegister], Gen.Double[0, 1], Gen.Double[0, 1]),
        Gen.Select(Gen.Double[MusicalIntent.MinLoudnessDb, MusicalIntent.MaxLoudnessDb], Gen.Double[0, 1], Gen.Bool,
            Gen.Double[MusicalIntent.MinAttackSeconds, MusicalIntent.MaxAttackSeconds]),
        (a, b) => new MusicalIntent(a.Item1, a.Item2, a.Item3, a.Item4, b.Item1, b.Item2,
            b.Item3 ? ScaleMode.Major : ScaleMode.Minor, b.Item4));

    private static readonly Gen<MusicPreset> PresetGen = Gen.Select(
        Gen.Int[MusicPreset.MinRegisterOffset, MusicPreset.MaxRegisterOffset],
        Gen.Double[MusicPreset.MinTempoScale, MusicPreset.MaxTempoScale],
        Gen.Double[MusicPreset.MinBrightnessOffset, MusicPreset.MaxBrightnessOffset],
        Gen.Double[MusicPreset.MinDensityScale, MusicPreset.MaxDensityScale],
        Gen.Bool,
        (r, t, b, d, minor) => new MusicPreset("p", "a preset", minor ? ScaleMode.Minor : ScaleMode.Major, r, t, b, d));

    [Fact]
    public void Apply_stays_in_MusicalIntent_ranges_and_shifts_or_scales_each_cue()
    {
        Gen.Select(IntentGen, PresetGen).Sample((intent, preset) =>
        {
            var result = preset.Apply(intent);
            Assert.InRange(result.TempoBpm, MusicalIntent.MinTempoBpm, MusicalIntent.MaxTempoBpm);
            Assert.InRange(result.Register, MusicalIntent.MinRegister, MusicalIntent.MaxRegister);
            Assert.InRange(result.Density, 0, 1);
            Assert.InRange(result.Brightness, 0, 1);
            Assert.Equal(Math.Clamp(intent.TempoBpm * preset.TempoScale, 40, 140), result.TempoBpm, 9);
            Assert.Equal(Math.Clamp(intent.Register + preset.RegisterOffset, 48, 76), result.Register, 9);
            Assert.Equal(Math.Min(1, intent.Density * preset.DensityScale), result.Density, 9);
            Assert.Equal(Math.Clamp(intent.Brightness + preset.BrightnessOffset, 0, 1), result.Brightness, 9);
            Assert.Equal(preset.Mode, result.Mode);
            Assert.Equal(intent.LoudnessDb, result.LoudnessDb);
            Assert.Equal(intent.Predictability, result.Predictability);
            Assert.Equal(intent.AttackSeconds, result.AttackSeconds);
        }, iter: 2000);
    }

    [Fact]
    public void Extreme_preset_on_extreme_intent_is_clamped()
    {
        var preset = new MusicPreset("x", "extreme", registerOffset: 12, tempoScale: 1.3, brightnessOffset: 0.4, densityScale: 1.6);
        var result = preset.Apply(new MusicalIntent(120, 70, 0.9, 0.8, -2, 0.3));
        Assert.Equal(MusicalIntent.MaxTempoBpm, result.TempoBpm);
        Assert.Equal(MusicalIntent.MaxRegister, result.Register);
        Assert.Equal(1, result.Density);
        Assert.Equal(1, result.Brightness);

        var low = new MusicPreset("y", "extreme low", registerOffset: -12, tempoScale: 0.7, brightnessOffset: -0.4, densityScale: 0.4)
            .Apply(new MusicalIntent(50, 52, 0.1, 0.2, -12, 0.9));
        Assert.Equal(MusicalIntent.MinTempoBpm, low.TempoBpm);
        Assert.Equal(MusicalIntent.MinRegister, low.Register);
        Assert.Equal(0.04, low.Density, 12);
        Assert.Equal(0, low.Brightness);
    }

    [Fact]
    public void Classes_cover_pad_lead_bass_and_texture()
    {
        var chimesWind = new MusicPreset("c", "chimes", texture: InstrumentKind.Wind, leadInstrument: InstrumentKind.Chimes);
        Assert.Equal(SoundClass.TonalSustained | SoundClass.TonalStruck | SoundClass.Metallic | SoundClass.WindLike | SoundClass.Breathy,
            chimesWind.Classes);
        Assert.False(chimesWind.Avoids(SoundClass.Breathy));
        Assert.True(new MusicPreset("s", "stream").Avoids(SoundClass.Metallic | SoundClass.Breathy));
    }

    [Fact]
    public void Invalid_arguments_name_the_parameter_and_range()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new MusicPreset("p", "d", registerOffset: 13));
        Assert.Equal("registerOffset", e.ParamName);
        Assert.Contains("-12–12", e.Message);
        Assert.Equal("tempoScale", Assert.Throws<ArgumentOutOfRangeException>(() => new MusicPreset("p", "d", tempoScale: double.NaN)).ParamName);
        Assert.Equal("texture", Assert.Throws<ArgumentOutOfRangeException>(() => new MusicPreset("p", "d", texture: InstrumentKind.WarmPad)).ParamName);
        Assert.Equal("leadInstrument", Assert.Throws<ArgumentOutOfRangeException>(() => new MusicPreset("p", "d", leadInstrument: InstrumentKind.Rain)).ParamName);
        Assert.Equal("mode", Assert.Throws<ArgumentOutOfRangeException>(() => new MusicPreset("p", "d", ScaleMode.None)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new MusicPreset(" ", "d")).ParamName);
    }
}
