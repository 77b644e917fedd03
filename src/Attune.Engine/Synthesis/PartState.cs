namespace Attune.Engine.Synthesis;

/// <summary>One mixer part's live state: smoothed controls, note defaults and its pre-allocated bus.</summary>
internal sealed class PartState
{
    public PartState(PartSettings settings, bool excluded)
    {
        Kind = settings.Kind;
        Excluded = excluded;
        Gain = new SmoothedValue((float)Decibels.ToGain(settings.GainDb), 0.05);
        Pan = new SmoothedValue(settings.Pan, 0.05);
        Send = new SmoothedValue(settings.ReverbSend, 0.05);
        Brightness = new SmoothedValue(0.5f, 0.2);
        Density = new SmoothedValue(1f, 0.3);
    }

    public InstrumentKind Kind { get; }
    /// <summary>Misophonia exclusion: the part never sounds.</summary>
    public bool Excluded { get; }
    public SmoothedValue Gain;
    public SmoothedValue Pan;
    public SmoothedValue Send;
    public SmoothedValue Brightness;
    public SmoothedValue Density;
    /// <summary>Attack and release overrides in seconds; NaN keeps the instrument's default.</summary>
    public float AttackSeconds = float.NaN;
    public float ReleaseSeconds = float.NaN;
    public readonly float[] BusL = new float[AudioFormat.BlockSize];
    public readonly float[] BusR = new float[AudioFormat.BlockSize];
    /// <summary>Whether any voice wrote to the bus in the current segment.</summary>
    public bool BusUsed;
    /// <summary>Whether BusR holds the right channel; otherwise BusL serves both (mono voices only).</summary>
    public bool BusStereo;
}
