namespace Attune.Engine;

/// <summary>
/// Perceptual classes of sound that a misophonia trigger profile can exclude (THERAPY.md: a
/// tapping trigger excludes percussive clicks, a breathing trigger breathy textures, ...).
/// Every instrument and texture carries the classes it belongs to.
/// </summary>
[Flags]
public enum SoundClass
{
    None = 0,
    /// <summary>Sustained pitched tone with slow attack (pads, drones).</summary>
    TonalSustained = 1 << 0,
    /// <summary>Pitched tone with a struck or plucked onset (keys, bass).</summary>
    TonalStruck = 1 << 1,
    /// <summary>Bell-like, inharmonic, metallic (chimes).</summary>
    Metallic = 1 << 2,
    /// <summary>Short broadband onsets: taps, clicks, ticks.</summary>
    PercussiveClicky = 1 << 3,
    /// <summary>Air-like noise resembling breathing or sighing.</summary>
    Breathy = 1 << 4,
    /// <summary>Water-like textures: rain, stream, waves.</summary>
    WaterLike = 1 << 5,
    /// <summary>Wind-like slowly moving noise.</summary>
    WindLike = 1 << 6,
    /// <summary>Crackling, rustling, paper- or leaf-like noise.</summary>
    Rustling = 1 << 7,
    /// <summary>Steady broadband noise (white, pink, brown).</summary>
    SteadyNoise = 1 << 8,
}
