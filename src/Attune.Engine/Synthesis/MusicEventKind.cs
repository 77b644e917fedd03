namespace Attune.Engine.Synthesis;

/// <summary>What a <see cref="MusicEvent"/> does.</summary>
public enum MusicEventKind
{
    NoteOn,
    NoteOff,
    Control,
    /// <summary>Releases every sounding note of one part (or of all parts when Part is negative).</summary>
    AllNotesOff,
}
