using Attune.Engine;
using Attune.Engine.Composition;
using Attune.Engine.Synthesis;
using static Attune.Engine.Tests.Composition.MusicTestAudio;

namespace Attune.Engine.Tests.Composition;

public class ArrangerTests
{
    private static readonly int[][] Chords = [[48, 55, 64, 72], [43, 55, 62, 71], [45, 57, 64, 72], [41, 57, 65, 69]];

    /// <summary>Arranges beats of a fixed chord cycle and returns every event, in the order the schedule releases them.</summary>
    private static List<MusicEvent> Arrange(double arousal, int beats, SoundClass excluded = SoundClass.None)
    {
        var arranger = new Arranger(Arranger.TextureFor(excluded), excluded);
        var glide = new IntentGlide(MusicalIntent.ForArousal(arousal));
        var schedule = new EventSchedule(1024);
        var events = new List<MusicEvent>();
        long beatFrames = (long)(60 / glide.TempoBpm * AudioFormat.SampleRate), start = 0;
        for (int b = 0; b < beats; b++)
        {
            arranger.Beat(Chords[b % Chords.Length], start, beatFrames, glide, schedule);
            start += beatFrames;
            while (schedule.TryTakeBefore(start, out MusicEvent e)) events.Add(e);
        }
        while (schedule.TryTakeBefore(long.MaxValue, out MusicEvent e)) events.Add(e);
        return events;
    }

    private static int NoteOns(List<MusicEvent> events, int part) => events.Count(e => e.Kind == MusicEventKind.NoteOn && e.Part == part);

    [Fact]
    public void Calm_intent_plays_fewer_keys_onsets_than_aroused_and_bass_on_half_bars()
    {
        int calm = NoteOns(Arrange(0.1, 200), Arranger.KeysPart), aroused = NoteOns(Arrange(0.9, 200), Arranger.KeysPart);
        // 0.5·4^Density onsets per beat: 0.64 at arousal 0.1, 1.56 at 0.9.
        Assert.InRange(calm, 120, 135);
        Assert.InRange(aroused, 300, 320);
        Assert.Equal(100, NoteOns(Arrange(0.5, 200), Arranger.BassPart));
    }

    [Fact]
    public void Pad_holds_common_tones_and_moves_only_changed_notes()
    {
        List<MusicEvent> events = Arrange(0.5, 2);
        // Chord 1 → 2 keeps G3 (55): four note-ons, then three offs and three ons.
        Assert.Equal(7, NoteOns(events, Arranger.PadPart));
        Assert.Equal(3, events.Count(e => e.Kind == MusicEventKind.NoteOff && e.Part == Arranger.PadPart));
    }

    [Fact]
    public void Events_come_out_in_time_order_and_no_note_off_cuts_a_later_note()
    {
        List<MusicEvent> events = Arrange(0.9, 400);
        for (int i = 1; i < events.Count; i++) Assert.True(events[i].Frame >= events[i - 1].Frame);
        var sounding = new HashSet<(int, int)>();
        foreach (MusicEvent e in events)
        {
            if (e.Kind == MusicEventKind.NoteOn) Assert.True(sounding.Add((e.Part, e.Pitch)) || e.Part == Arranger.PadPart, $"{e} restarts a sounding note");
            if (e.Kind == MusicEventKind.NoteOff) Assert.True(sounding.Remove((e.Part, e.Pitch)), $"{e} has no note to end");
        }
    }

    [Theory]
    [InlineData(SoundClass.TonalStruck, new[] { Arranger.KeysPart, Arranger.BassPart })]
    [InlineData(SoundClass.WaterLike | SoundClass.WindLike, new[] { Arranger.TexturePart })]
    [InlineData(SoundClass.TonalSustained, new[] { Arranger.PadPart, Arranger.BassPart })]
    public void Excluded_sound_classes_are_never_scheduled(SoundClass excluded, int[] silentParts)
    {
        List<MusicEvent> events = Arrange(0.9, 64, excluded);
        var profile = new TherapyProfile(Conditions.Misophonia, excludedClasses: excluded);
        MusicPlayer player = Player(0.9, profile);
        Render(player, 10);
        foreach (int part in silentParts)
        {
            Assert.DoesNotContain(events, e => e.Part == part);
            Assert.DoesNotContain(player.PlayedEvents, e => e.Part == part);
        }
        for (int part = 0; part < 4; part++)
            if (!silentParts.Contains(part)) Assert.Contains(player.PlayedEvents, e => e.Part == part && e.Kind == MusicEventKind.NoteOn);
    }

    [Fact]
    public void Texture_falls_back_to_wind_when_water_is_excluded()
    {
        Assert.Equal(InstrumentKind.Stream, Arranger.TextureFor(SoundClass.None));
        Assert.Equal(InstrumentKind.Wind, Arranger.TextureFor(SoundClass.WaterLike));
        Assert.Equal(InstrumentKind.Stream, Arranger.TextureFor(SoundClass.WaterLike | SoundClass.WindLike));
    }
}
