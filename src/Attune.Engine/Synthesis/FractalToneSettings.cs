namespace Attune.Engine.Synthesis;

/// <summary>
/// Fractal-tone therapy settings: tempo in notes per minute (20..90), lowest MIDI note (36..96)
/// and range in octaves (1..4) of the pentatonic register, density = probability of a note on
/// each beat (0.1..1), an optional soft pad drone, reverb RT60 (1..8 s), and how many played
/// events are kept for MIDI export.
/// </summary>
public sealed record FractalToneSettings
{
    public FractalToneSettings(float notesPerMinute = 40f, int lowestNote = 67, int rangeOctaves = 2, float density = 0.75f,
        bool padDrone = true, float reverbSeconds = 5f, int maxRecordedEvents = 65_536)
    {
        ValidateTempo(notesPerMinute, nameof(notesPerMinute));
        if (lowestNote is < 36 or > 96)
            throw new ArgumentOutOfRangeException(nameof(lowestNote), lowestNote, "lowestNote must be a MIDI note in 36..96");
        if (rangeOctaves is < 1 or > 4 || lowestNote + 12 * rangeOctaves > 120)
            throw new ArgumentOutOfRangeException(nameof(rangeOctaves), rangeOctaves, "rangeOctaves must be in 1..4 and keep the top note ≤ 120");
        ValidateDensity(density, nameof(density));
        if (!(reverbSeconds >= 1f && reverbSeconds <= 8f))
            throw new ArgumentOutOfRangeException(nameof(reverbSeconds), reverbSeconds, "reverbSeconds must be in 1..8");
        if (maxRecordedEvents is < 0 or > 10_000_000)
            throw new ArgumentOutOfRangeException(nameof(maxRecordedEvents), maxRecordedEvents, "maxRecordedEvents must be in 0..10,000,000");
        NotesPerMinute = notesPerMinute;
        LowestNote = lowestNote;
        RangeOctaves = rangeOctaves;
        Density = density;
        PadDrone = padDrone;
        ReverbSeconds = reverbSeconds;
        MaxRecordedEvents = maxRecordedEvents;
    }

    public float NotesPerMinute { get; }
    public int LowestNote { get; }
    public int RangeOctaves { get; }
    public float Density { get; }
    public bool PadDrone { get; }
    public float ReverbSeconds { get; }
    public int MaxRecordedEvents { get; }

    internal static void ValidateTempo(float notesPerMinute, string name)
    {
        if (!(notesPerMinute >= 20f && notesPerMinute <= 90f))
            throw new ArgumentOutOfRangeException(name, notesPerMinute, "notes per minute must be in 20..90");
    }

    internal static void ValidateDensity(float density, string name)
    {
        if (!(density >= 0.1f && density <= 1f))
            throw new ArgumentOutOfRangeException(name, density, "density must be in 0.1..1");
    }
}
