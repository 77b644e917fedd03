using Attune.Engine.Composition;
using Attune.Engine.Synthesis;
using static Attune.Engine.Tests.Composition.MusicTestAudio;

namespace Attune.Engine.Tests.Composition;

public class MusicPlayerPresetTests
{
    [Fact]
    public void A_presets_lead_and_texture_are_the_instruments_that_play()
    {
        var profile = new TherapyProfile(Conditions.Tinnitus, tinnitusHz: 6000);
        var player = new MusicPlayer(Model, profile, MusicalIntent.ForArousal(0.5), new SeededRandom(4),
            texture: InstrumentKind.Rain, lead: InstrumentKind.Chimes);
        Assert.Equal(InstrumentKind.Chimes, player.PartInstruments[1]);
        Assert.Equal(InstrumentKind.Rain, player.PartInstruments[3]);
        Render(player, 8);
        Assert.Contains(player.PlayedEvents, e => e.Part == 1 && e.Kind == MusicEventKind.NoteOn);
        Assert.Equal("lead", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new MusicPlayer(Model, profile, MusicalIntent.ForArousal(0.5), new SeededRandom(4), lead: InstrumentKind.Rain)).ParamName);
        Assert.Equal("texture", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new MusicPlayer(Model, profile, MusicalIntent.ForArousal(0.5), new SeededRandom(4), texture: InstrumentKind.WarmPad)).ParamName);
    }

    [Fact]
    public void Excluding_a_class_mid_session_stops_its_part_and_leaves_the_others_playing()
    {
        var profile = new TherapyProfile(Conditions.Tinnitus, tinnitusHz: 6000);
        MusicPlayer player = Player(0.5, profile, seed: 5);
        int texture = player.PartInstruments.ToList().IndexOf(InstrumentKind.Stream);
        Assert.True(texture >= 0, "the default texture is the stream");
        var left = new float[AudioFormat.BlockSize];
        var right = new float[AudioFormat.BlockSize];
        int blocksPer10s = 10 * AudioFormat.SampleRate / AudioFormat.BlockSize;
        for (int b = 0; b < blocksPer10s; b++) player.Render(left, right);
        Assert.Contains(player.PlayedEvents, e => e.Part == texture && e.Kind == MusicEventKind.NoteOn);

        player.Exclude(SoundClass.WaterLike);
        long excludedAt = player.FramePosition;
        for (int b = 0; b < 2 * blocksPer10s; b++) player.Render(left, right);
        Assert.Equal(SoundClass.WaterLike, player.SessionExcludedClasses);
        Assert.DoesNotContain(player.PlayedEvents, e => e.Part == texture && e.Kind == MusicEventKind.NoteOn && e.Frame >= excludedAt);
        Assert.Contains(player.PlayedEvents, e => e.Part == texture && e.Kind == MusicEventKind.AllNotesOff && e.Frame >= excludedAt);
        Assert.Contains(player.PlayedEvents, e => e.Part != texture && e.Kind == MusicEventKind.NoteOn && e.Frame >= excludedAt);
    }
}
