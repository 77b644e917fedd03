namespace Attune.Engine.Composition.Model;

/// <summary>
/// Steering for <see cref="ChoraleSampler"/>. All constraints act inside the NADE's key-by-key
/// sampling, so every frame honours them; <see cref="Validate"/> names any bad field.
/// </summary>
public sealed record SamplingSettings
{
    /// <summary>Logit divisor: below 1 more predictable, above 1 more surprising. Allowed 0.05–10.</summary>
    public double Temperature { get; init; } = 1.0;

    /// <summary>Lowest MIDI note allowed to sound (21–108).</summary>
    public int LowestNote { get; init; } = ChoraleCorpus.LowestKey;

    /// <summary>Highest MIDI note allowed to sound (21–108, ≥ <see cref="LowestNote"/>).</summary>
    public int HighestNote { get; init; } = ChoraleCorpus.HighestKey;

    /// <summary>Fewest notes per frame (0–88).</summary>
    public int MinVoices { get; init; }

    /// <summary>Most notes per frame (≥ <see cref="MinVoices"/>, ≤ 88).</summary>
    public int MaxVoices { get; init; } = ChoraleCorpus.KeyCount;

    public ScaleMode Mode { get; init; } = ScaleMode.None;

    /// <summary>
    /// Semitones added to every note the model proposes (−12–12), before the range and forbidden
    /// pitches apply: the corpus is in C major/minor, so this moves the music to another key.
    /// </summary>
    public int Transposition { get; init; }

    /// <summary>Pitch class of the chosen key's tonic (0 = C … 11 = B).</summary>
    public int Tonic { get; init; }

    /// <summary>Logit bonus for tonic-triad notes (half of it) and penalty for notes outside the scale (all of it), 0–10.</summary>
    public double ModeStrength { get; init; } = 2.0;

    /// <summary>MIDI notes (21–108) that must never sound.</summary>
    public IReadOnlyList<int> ForbiddenPitches { get; init; } = [];

    /// <summary>Pitch classes (0–11) that must never sound.</summary>
    public IReadOnlyList<int> ForbiddenPitchClasses { get; init; } = [];

    public void Validate()
    {
        if (!(Temperature >= 0.05 && Temperature <= 10)) throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "Temperature must be in [0.05, 10]");
        CheckNote(nameof(LowestNote), LowestNote);
        CheckNote(nameof(HighestNote), HighestNote);
        if (HighestNote < LowestNote) throw new ArgumentOutOfRangeException(nameof(HighestNote), HighestNote, $"HighestNote must be ≥ LowestNote ({LowestNote})");
        if (MaxVoices is < 0 or > ChoraleCorpus.KeyCount) throw new ArgumentOutOfRangeException(nameof(MaxVoices), MaxVoices, "MaxVoices must be in [0, 88]");
        if (MinVoices < 0 || MinVoices > MaxVoices) throw new ArgumentOutOfRangeException(nameof(MinVoices), MinVoices, $"MinVoices must be in [0, MaxVoices={MaxVoices}]");
        if (Transposition is < -12 or > 12) throw new ArgumentOutOfRangeException(nameof(Transposition), Transposition, "Transposition must be in [-12, 12] semitones");
        if (!Enum.IsDefined(Mode)) throw new ArgumentOutOfRangeException(nameof(Mode), Mode, "Mode must be None, Major or Minor");
        if (Tonic is < 0 or > 11) throw new ArgumentOutOfRangeException(nameof(Tonic), Tonic, "Tonic must be a pitch class in [0, 11]");
        if (!(ModeStrength >= 0 && ModeStrength <= 10)) throw new ArgumentOutOfRangeException(nameof(ModeStrength), ModeStrength, "ModeStrength must be in [0, 10]");
        ArgumentNullException.ThrowIfNull(ForbiddenPitches);
        ArgumentNullException.ThrowIfNull(ForbiddenPitchClasses);
        foreach (int p in ForbiddenPitches) CheckNote(nameof(ForbiddenPitches), p);
        foreach (int pc in ForbiddenPitchClasses)
        {
            if (pc is < 0 or > 11) throw new ArgumentOutOfRangeException(nameof(ForbiddenPitchClasses), pc, "ForbiddenPitchClasses entries must be in [0, 11]");
        }
        int allowed = 0;
        for (int note = Math.Max(LowestNote, ChoraleCorpus.LowestKey + Transposition); note <= Math.Min(HighestNote, ChoraleCorpus.HighestKey + Transposition); note++)
        {
            if (IsAllowed(note)) allowed++;
        }
        if (allowed < MinVoices)
            throw new ArgumentException($"MinVoices: {MinVoices} voices requested but only {allowed} notes are allowed by the range, transposition and forbidden pitches", nameof(MinVoices));
    }

    /// <summary>Whether a MIDI note passes the register range and the forbidden lists.</summary>
    public bool IsAllowed(int note)
    {
        if (note < LowestNote || note > HighestNote) return false;
        foreach (int p in ForbiddenPitches)
        {
            if (p == note) return false;
        }
        foreach (int pc in ForbiddenPitchClasses)
        {
            if (pc == note % 12) return false;
        }
        return true;
    }

    private static void CheckNote(string name, int note)
    {
        if (note is < ChoraleCorpus.LowestKey or > ChoraleCorpus.HighestKey)
            throw new ArgumentOutOfRangeException(name, note, $"{name} must be a MIDI note in [{ChoraleCorpus.LowestKey}, {ChoraleCorpus.HighestKey}]");
    }
}
