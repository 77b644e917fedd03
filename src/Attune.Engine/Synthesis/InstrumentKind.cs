namespace Attune.Engine.Synthesis;

/// <summary>The instruments and noise textures a synthesizer part can play.</summary>
public enum InstrumentKind
{
    WarmPad,
    SoftKeys,
    RoundBass,
    Chimes,
    Rain,
    Wind,
    Stream,
}
