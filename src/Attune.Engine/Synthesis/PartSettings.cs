namespace Attune.Engine.Synthesis;

/// <summary>One mixer part: its instrument, gain (dB), equal-power pan (−1..1) and reverb send (0..1).</summary>
public sealed record PartSettings
{
    public PartSettings(InstrumentKind kind, float gainDb = 0f, float pan = 0f, float reverbSend = 0.3f)
    {
        if (!Enum.IsDefined(kind))
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown instrument kind");
        if (!(gainDb >= -60f && gainDb <= 12f))
            throw new ArgumentOutOfRangeException(nameof(gainDb), gainDb, "gainDb must be in −60..12");
        if (!(pan >= -1f && pan <= 1f))
            throw new ArgumentOutOfRangeException(nameof(pan), pan, "pan must be in −1..1");
        if (!(reverbSend >= 0f && reverbSend <= 1f))
            throw new ArgumentOutOfRangeException(nameof(reverbSend), reverbSend, "reverbSend must be in 0..1");
        Kind = kind;
        GainDb = gainDb;
        Pan = pan;
        ReverbSend = reverbSend;
    }

    public InstrumentKind Kind { get; }
    public float GainDb { get; }
    public float Pan { get; }
    public float ReverbSend { get; }
}
