namespace Attune.Engine;

/// <summary>The kinds of therapy sound the engine renders.</summary>
public enum TherapyMode
{
    /// <summary>Fractal tones: slow, non-repeating consonant chimes (as in Widex Zen).</summary>
    Fractal,

    /// <summary>A sound generator: coloured noise set relative to the person's just-audible level (TRT mixing point).</summary>
    Noise,

    /// <summary>Music from the trained chorale model, arranged for the engine's instruments and steered by arousal.</summary>
    Music,

    /// <summary>EXPERIMENTAL acoustic coordinated-reset tones around fT (Tass; Desyncra).</summary>
    CoordinatedReset,
}
