using Attune.Engine.Synthesis;

namespace Attune.Engine;

/// <summary>A ready-to-render programme: its pipeline, and the notes it plays (for MIDI export).</summary>
public sealed class TherapySession
{
    private readonly FractalTonePlayer? _notes;

    internal TherapySession(RenderPipeline pipeline, FractalTonePlayer? notes)
    {
        Pipeline = pipeline;
        _notes = notes;
    }

    public RenderPipeline Pipeline { get; }

    /// <summary>Every note event played so far (empty for modes without notes).</summary>
    public IReadOnlyList<MusicEvent> PlayedEvents => _notes?.PlayedEvents ?? [];

    /// <summary>The instrument of each part, in part order (empty for modes without notes).</summary>
    public IReadOnlyList<InstrumentKind> PartInstruments => _notes?.PartInstruments ?? [];

    /// <summary>The tempo written into an exported MIDI file (one beat per possible note).</summary>
    public double MidiTempoBpm => _notes?.Settings.NotesPerMinute ?? 60;
}
