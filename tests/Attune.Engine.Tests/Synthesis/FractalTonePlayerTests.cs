using Attune.Engine;
using Attune.Engine.Synthesis;
using static Attune.Engine.Tests.Synthesis.SynthTestAudio;

namespace Attune.Engine.Tests.Synthesis;

public class FractalTonePlayerTests
{
    private static readonly int[] PentatonicClasses = [0, 2, 4, 7, 9];

    private static List<int> Melody(FractalTonePlayer player, double minutes)
    {
        player.GenerateUntil(Frames(minutes * 60), schedule: false);
        var pitches = new List<int>();
        foreach (MusicEvent e in player.PlayedEvents)
            if (e.Kind == MusicEventKind.NoteOn && e.Part == 0) pitches.Add(e.Pitch);
        return pitches;
    }

    [Theory]
    [InlineData(67, 2)]
    [InlineData(60, 3)]
    [InlineData(79, 1)]
    public void Pitches_stay_in_the_pentatonic_register(int lowest, int octaves)
    {
        var player = new FractalTonePlayer(new FractalToneSettings(60f, lowest, octaves), new SeededRandom(1));
        List<int> pitches = Melody(player, 10);
        Assert.True(pitches.Count > 300);
        foreach (int p in pitches)
        {
            Assert.InRange(p, lowest, lowest + 12 * octaves);
            Assert.Contains((p - lowest) % 12, PentatonicClasses);
        }
        // The 1/f walk should reach most of the register.
        Assert.True(pitches.Distinct().Count() >= 4 * octaves);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Melody_moves_by_small_steps_and_never_repeats(ulong seed)
    {
        var player = new FractalTonePlayer(new FractalToneSettings(90f, 67, 2, density: 1f), new SeededRandom(seed));
        List<int> pitches = Melody(player, 10);
        int[] degrees = [.. pitches.Select(p => DegreeOf(p - 67))];

        int small = 0, leaps = 0;
        for (int i = 1; i < degrees.Length; i++)
        {
            int step = Math.Abs(degrees[i] - degrees[i - 1]);
            if (step <= 2) small++;
            if (step >= 5) leaps++;
        }
        int steps = degrees.Length - 1;
        Assert.True(small > 0.7 * steps, $"only {small}/{steps} steps are ≤ 2 scale degrees");
        Assert.True(leaps < 0.05 * steps, $"{leaps}/{steps} leaps of ≥ 5 degrees");

        var windows = new HashSet<string>();
        for (int i = 0; i + 16 <= pitches.Count; i++)
            Assert.True(windows.Add(string.Join(',', pitches.GetRange(i, 16))), $"16-note window at {i} repeats");
    }

    [Fact]
    public void Onset_rate_follows_tempo()
    {
        int Onsets(float npm) => Melody(new FractalTonePlayer(new FractalToneSettings(npm, density: 0.8f), new SeededRandom(4)), 10).Count;
        int slow = Onsets(30f), fast = Onsets(60f);
        Assert.InRange(slow, 30 * 10 * 0.8 * 0.85, 30 * 10 * 0.8 * 1.15);
        Assert.InRange((double)fast / slow, 1.8, 2.2);
    }

    [Fact]
    public void Tempo_can_change_while_playing()
    {
        var player = new FractalTonePlayer(new FractalToneSettings(20f, density: 1f), new SeededRandom(5));
        player.GenerateUntil(Frames(60), schedule: false);
        int first = player.PlayedEvents.Count(e => e.Kind == MusicEventKind.NoteOn && e.Part == 0);
        player.NotesPerMinute = 80f;
        player.GenerateUntil(Frames(120), schedule: false);
        int second = player.PlayedEvents.Count(e => e.Kind == MusicEventKind.NoteOn && e.Part == 0) - first;
        Assert.InRange(first, 18, 21);
        Assert.InRange(second, 76, 82);
        Assert.Throws<ArgumentOutOfRangeException>(() => player.NotesPerMinute = 120f);
    }

    [Fact]
    public void Same_seed_gives_same_melody_and_samples()
    {
        (float[] Left, float[] Right, List<MusicEvent> Events) Run(ulong seed)
        {
            var player = new FractalTonePlayer(new FractalToneSettings(90f, density: 1f), new SeededRandom(seed));
            var (l, r) = Render(player, Frames(4));
            return (l, r, [.. player.PlayedEvents]);
        }
        var a = Run(8);
        var b = Run(8);
        Assert.Equal(a.Left, b.Left);
        Assert.Equal(a.Right, b.Right);
        Assert.Equal(a.Events, b.Events);
        Assert.True(a.Events.Count(e => e.Kind == MusicEventKind.NoteOn) >= 5);
        Assert.True(MaxAbs(a.Left) > 0.02 && MaxAbs(a.Left) < 1.0);
        Assert.NotEqual(a.Events, Run(9).Events);
    }

    [Fact]
    public void Played_events_are_in_time_order_and_notes_are_released()
    {
        var player = new FractalTonePlayer(new FractalToneSettings(70f), new SeededRandom(6));
        player.GenerateUntil(Frames(300), schedule: false);
        var events = player.PlayedEvents;
        for (int i = 1; i < events.Count; i++) Assert.True(events[i].Frame >= events[i - 1].Frame);
        int ons = events.Count(e => e.Kind == MusicEventKind.NoteOn && e.Part == 0);
        int offs = events.Count(e => e.Kind == MusicEventKind.NoteOff);
        Assert.InRange(ons - offs, 0, 3);
    }

    private static int DegreeOf(int semitones) => 5 * (semitones / 12) + Array.IndexOf(PentatonicClasses, semitones % 12);
}
