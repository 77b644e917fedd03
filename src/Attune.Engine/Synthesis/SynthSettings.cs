namespace Attune.Engine.Synthesis;

/// <summary>
/// What a <see cref="Synthesizer"/> plays: its parts, the voice pool size, the reverb (its Wet level
/// is the send return; Dry is ignored) and the sound classes that must stay silent (misophonia).
/// </summary>
public sealed record SynthSettings
{
    public SynthSettings(IReadOnlyList<PartSettings> parts, int maxPolyphony = 24, ReverbSettings? reverb = null,
        SoundClass excludedClasses = SoundClass.None, int eventQueueCapacity = 4096)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count is < 1 or > 16)
            throw new ArgumentOutOfRangeException(nameof(parts), parts.Count, "parts must hold 1..16 parts");
        for (int i = 0; i < parts.Count; i++)
            if (parts[i] is null) throw new ArgumentException($"parts[{i}] is null", nameof(parts));
        if (maxPolyphony is < 1 or > 128)
            throw new ArgumentOutOfRangeException(nameof(maxPolyphony), maxPolyphony, "maxPolyphony must be in 1..128");
        if (eventQueueCapacity < 2 || (eventQueueCapacity & (eventQueueCapacity - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(eventQueueCapacity), eventQueueCapacity, "eventQueueCapacity must be a power of two ≥ 2");
        Parts = [.. parts];
        MaxPolyphony = maxPolyphony;
        Reverb = reverb ?? new ReverbSettings();
        ExcludedClasses = excludedClasses;
        EventQueueCapacity = eventQueueCapacity;
    }

    public IReadOnlyList<PartSettings> Parts { get; }
    public int MaxPolyphony { get; }
    public ReverbSettings Reverb { get; }
    public SoundClass ExcludedClasses { get; }
    public int EventQueueCapacity { get; }
}
