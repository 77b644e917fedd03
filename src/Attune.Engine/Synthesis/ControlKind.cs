namespace Attune.Engine.Synthesis;

/// <summary>A continuous per-part control carried by a <see cref="MusicEvent"/>; every one is smoothed.</summary>
public enum ControlKind
{
    /// <summary>0 (dark) .. 1 (bright): filter cutoffs, FM index, upper-partial weights.</summary>
    Brightness,
    /// <summary>Attack time of new notes in seconds (clamped to each instrument's click-free minimum, at most 8 s).</summary>
    AttackSeconds,
    /// <summary>Release time of notes in seconds (at least 5 ms, at most 10 s).</summary>
    ReleaseSeconds,
    /// <summary>0..1: part level multiplier; for textures also the amount of motion.</summary>
    Density,
    /// <summary>Part gain in dB (−60..+12).</summary>
    PartGain,
    /// <summary>−1 (left) .. +1 (right), equal-power.</summary>
    Pan,
    /// <summary>0..1: how much of the part goes to the reverb.</summary>
    ReverbSend,
    /// <summary>Reverb RT60 in seconds (1..8); applies to the shared reverb, Part is ignored.</summary>
    ReverbDecaySeconds,
}
