using Attune.Engine.Composition;
using Attune.Engine.Synthesis;

namespace Attune.Engine;

/// <summary>A ready-to-render programme: its pipeline, and the notes it plays (for MIDI export).</summary>
public sealed class TherapySession
{
    private readonly FractalTonePlayer? _fractal;

    internal TherapySession(RenderPipeline pipeline, FractalTonePlayer? fractal, MusicPlayer? music)
    {
        Pipeline = pipeline;
        _fractal = fractal;
        Music = music;
    }

    public RenderPipeline Pipeline { get; }

    /// <summary>The music player in music mode (its intent can be read while rendering); null otherwise.</summary>
    public MusicPlayer? Music { get; }

    /// <summary>Every note event played so far (empty for modes without notes).</summary>
    public IReadOnlyList<MusicEvent> PlayedEvents => Music?.PlayedEvents ?? _fractal?.PlayedEvents ?? [];

    /// <summary>The instrument of each part, in part order (empty for modes without notes).</summary>
    public IReadOnlyList<InstrumentKind> PartInstruments => Music?.PartInstruments ?? _fractal?.PartInstruments ?? [];

    /// <summary>Whether this programme plays notes that can be exported as MIDI.</summary>
    public bool PlaysNotes => Music is not null || _fractal is not null;

    /// <summary>The tempo written into an exported MIDI file (events carry exact frame times, so any tempo is faithful).</summary>
    public double MidiTempoBpm => Music?.InitialIntent.TempoBpm ?? _fractal?.Settings.NotesPerMinute ?? 60;
}
