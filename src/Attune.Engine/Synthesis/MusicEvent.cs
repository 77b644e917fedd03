namespace Attune.Engine.Synthesis;

/// <summary>One timed musical instruction for a <see cref="Synthesizer"/>, at an absolute sample frame.</summary>
public readonly record struct MusicEvent
{
    public MusicEvent(long frame, MusicEventKind kind, int part, int pitch, float velocity, ControlKind controlKind, float value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        if (pitch is < 0 or > 127)
            throw new ArgumentOutOfRangeException(nameof(pitch), pitch, "pitch must be a MIDI note number 0..127");
        if (!(velocity >= 0f && velocity <= 1f))
            throw new ArgumentOutOfRangeException(nameof(velocity), velocity, "velocity must be in 0..1");
        if (!float.IsFinite(value))
            throw new ArgumentOutOfRangeException(nameof(value), value, "control value must be finite");
        Frame = frame;
        Kind = kind;
        Part = part;
        Pitch = pitch;
        Velocity = velocity;
        ControlKind = controlKind;
        Value = value;
    }

    public long Frame { get; }
    public MusicEventKind Kind { get; }
    public int Part { get; }
    public int Pitch { get; }
    public float Velocity { get; }
    /// <summary>Which control a <see cref="MusicEventKind.Control"/> event sets (named after its type: <c>Control</c> is the factory).</summary>
    public ControlKind ControlKind { get; }
    public float Value { get; }

    public static MusicEvent NoteOn(long frame, int part, int pitch, float velocity) =>
        new(frame, MusicEventKind.NoteOn, part, pitch, velocity, default, 0f);

    public static MusicEvent NoteOff(long frame, int part, int pitch) =>
        new(frame, MusicEventKind.NoteOff, part, pitch, 0f, default, 0f);

    public static MusicEvent Control(long frame, int part, ControlKind control, float value) =>
        new(frame, MusicEventKind.Control, part, 0, 0f, control, value);

    /// <summary>Releases every note of <paramref name="part"/>, or of all parts when it is negative.</summary>
    public static MusicEvent AllNotesOff(long frame, int part = -1) =>
        new(frame, MusicEventKind.AllNotesOff, part, 0, 0f, default, 0f);
}
