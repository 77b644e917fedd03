namespace Attune.Engine.Synthesis;

/// <summary>The perceptual sound classes of each instrument, for misophonia exclusion.</summary>
public static class InstrumentClasses
{
    public static SoundClass Of(InstrumentKind kind) => kind switch
    {
        InstrumentKind.WarmPad => SoundClass.TonalSustained,
        InstrumentKind.SoftKeys => SoundClass.TonalStruck,
        InstrumentKind.RoundBass => SoundClass.TonalStruck | SoundClass.TonalSustained,
        InstrumentKind.Chimes => SoundClass.Metallic | SoundClass.TonalStruck,
        // Rain is rendered without droplet transients, so it is not PercussiveClicky.
        InstrumentKind.Rain => SoundClass.WaterLike,
        InstrumentKind.Wind => SoundClass.WindLike | SoundClass.Breathy,
        InstrumentKind.Stream => SoundClass.WaterLike,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown instrument kind"),
    };
}
