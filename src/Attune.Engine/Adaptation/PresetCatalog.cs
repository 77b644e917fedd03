using Attune.Engine.Composition.Model;
using Attune.Engine.Synthesis;

namespace Attune.Engine.Adaptation;

/// <summary>
/// The presets the personaliser chooses among, and the filter that keeps only those a profile allows.
/// </summary>
/// <remarks>
/// Notch compatibility: a tinnitus notch (fT typically 3–8 kHz) should remove broadband energy, not
/// single narrow components. Two arrangements put narrow-band energy there: the Chimes lead (sparse
/// inharmonic partials at 1, 2.76, 5.40 and 8.93× the fundamental: a notch deletes single partials,
/// audibly changing the bell, and a lone high partial near fT can mimic the tinnitus tone) and the
/// Wind texture (the narrowest band, Q 3, whose centre wanders: as it sweeps through the notch the
/// wind drops in and out). Rain (Q 0.6) and Stream (Q 2) are broad enough to pass.
/// </remarks>
public static class PresetCatalog
{
    /// <summary>Eleven presets spanning mode, register, tempo band, brightness, density, texture and lead.</summary>
    public static IReadOnlyList<MusicPreset> Default { get; } =
    [
        new("neutral-stream", "the standard music with a flowing stream"),
        new("calm-piano-low", "calm piano in a low register",
            registerOffset: -6, tempoScale: 0.85, brightnessOffset: -0.1, densityScale: 0.8),
        new("sparse-night", "very sparse, slow and dark piano",
            registerOffset: -6, tempoScale: 0.85, brightnessOffset: -0.2, densityScale: 0.5),
        new("gentle-rain", "soft piano over gentle rain",
            tempoScale: 0.95, brightnessOffset: -0.05, densityScale: 0.9, texture: InstrumentKind.Rain),
        new("bright-lively", "brighter piano at a livelier pace in a higher register",
            registerOffset: 5, tempoScale: 1.1, brightnessOffset: 0.1, densityScale: 1.15),
        new("reflective-minor", "reflective minor-key piano",
            mode: ScaleMode.Minor, registerOffset: -2, tempoScale: 0.9, brightnessOffset: -0.05, densityScale: 0.9),
        new("deep-minor-rain", "dark, slow minor harmonies with rain",
            mode: ScaleMode.Minor, registerOffset: -6, tempoScale: 0.85, brightnessOffset: -0.15, densityScale: 0.7,
            texture: InstrumentKind.Rain),
        new("airy-wind", "sparse piano with soft wind",
            registerOffset: -3, tempoScale: 0.85, brightnessOffset: -0.1, densityScale: 0.6,
            texture: InstrumentKind.Wind, notchCompatible: false),
        new("high-chimes", "light chimes in a high register",
            registerOffset: 5, brightnessOffset: 0.05, densityScale: 0.8,
            leadInstrument: InstrumentKind.Chimes, notchCompatible: false),
        new("minor-chimes-wind", "minor-key chimes with wind",
            mode: ScaleMode.Minor, tempoScale: 0.9, densityScale: 0.7,
            texture: InstrumentKind.Wind, leadInstrument: InstrumentKind.Chimes, notchCompatible: false),
        new("steady-minor-stream", "steady minor-key piano with a stream, at a livelier pace",
            mode: ScaleMode.Minor, tempoScale: 1.1, densityScale: 1.1),
    ];

    /// <summary>The presets of <see cref="Default"/> that <paramref name="profile"/> allows.</summary>
    public static IReadOnlyList<MusicPreset> For(TherapyProfile profile) => For(profile, Default);

    /// <summary>
    /// The presets of <paramref name="presets"/> that play no sound class the profile excludes and,
    /// when the profile has tinnitus (the flag, or a matched fT, which turns the notch on), are
    /// notch-compatible. Order is kept; the result may be empty (e.g. tinnitus with water sounds excluded).
    /// </summary>
    public static IReadOnlyList<MusicPreset> For(TherapyProfile profile, IEnumerable<MusicPreset> presets)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(presets);
        bool needsNotch = profile.Has(Conditions.Tinnitus) || profile.TinnitusHz is not null;
        var allowed = new List<MusicPreset>();
        foreach (var preset in presets)
            if (profile.Allows(preset.Classes) && (!needsNotch || preset.NotchCompatible)) allowed.Add(preset);
        return allowed;
    }

    /// <summary>
    /// The presets the personaliser may choose from for <paramref name="profile"/>: those <see cref="For(TherapyProfile, IEnumerable{MusicPreset})"/>
    /// allows that <paramref name="state"/> has not ruled out; when none is left, those that only avoid the profile's
    /// excluded classes; when none of those either, all of <paramref name="presets"/> (the player still silences an
    /// excluded class). Never empty for a non-empty catalogue.
    /// </summary>
    public static IReadOnlyList<MusicPreset> Offerable(TherapyProfile profile, PersonalizerState state, IReadOnlyList<MusicPreset> presets)
    {
        ArgumentNullException.ThrowIfNull(state);
        var allowed = For(profile, presets).Where(state.Allows).ToList();
        if (allowed.Count == 0) allowed = presets.Where(m => profile.Allows(m.Classes)).ToList();
        return allowed.Count > 0 ? allowed : presets;
    }
}
