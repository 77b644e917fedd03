using Attune.Engine;

namespace Attune.Server.Components.Patient;

/// <summary>Plain words for the engine's sound classes, and everyday misophonia triggers mapped onto them.</summary>
internal static class SoundWords
{
    public static readonly IReadOnlyList<(SoundClass Class, string Text)> Classes =
    [
        (SoundClass.TonalSustained, "Long held notes and drones"),
        (SoundClass.TonalStruck, "Plucked or struck notes (piano, bass)"),
        (SoundClass.Metallic, "Bells, chimes, clinking metal"),
        (SoundClass.PercussiveClicky, "Taps, clicks and ticks"),
        (SoundClass.Breathy, "Breath-like air sounds"),
        (SoundClass.WaterLike, "Water: rain, streams, waves"),
        (SoundClass.WindLike, "Wind"),
        (SoundClass.Rustling, "Rustling, crackling, paper"),
        (SoundClass.SteadyNoise, "Steady hiss or rushing noise"),
    ];

    /// <summary>A trigger leaves out every class of music sound that resembles it.</summary>
    public static readonly IReadOnlyList<(string Key, string Text, SoundClass[] Resembles)> Triggers =
    [
        ("eating", "Eating, chewing, lip smacking", [SoundClass.PercussiveClicky, SoundClass.WaterLike]),
        ("breathing", "Breathing, sniffing, sighing", [SoundClass.Breathy, SoundClass.WindLike]),
        ("tapping", "Tapping, typing, pen clicking", [SoundClass.PercussiveClicky]),
        ("rustling", "Rustling bags or paper", [SoundClass.Rustling]),
        ("slurping", "Slurping, dripping water", [SoundClass.WaterLike]),
        ("humming", "Humming or whistling", [SoundClass.TonalSustained]),
        ("clinking", "Clinking cutlery or keys", [SoundClass.Metallic]),
        ("hissing", "Hissing fans or air vents", [SoundClass.SteadyNoise, SoundClass.WindLike]),
    ];
}
