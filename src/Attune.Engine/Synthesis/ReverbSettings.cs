namespace Attune.Engine.Synthesis;

/// <summary>Feedback-delay-network reverb settings: RT60 (1..8 s), high-frequency damping (0..1), wet and dry levels (0..1).</summary>
public sealed record ReverbSettings
{
    public ReverbSettings(float decaySeconds = 3.5f, float damping = 0.35f, float wet = 1f, float dry = 0f)
    {
        if (!(decaySeconds >= 1f && decaySeconds <= 8f))
            throw new ArgumentOutOfRangeException(nameof(decaySeconds), decaySeconds, "decaySeconds must be in 1..8");
        if (!(damping >= 0f && damping <= 1f))
            throw new ArgumentOutOfRangeException(nameof(damping), damping, "damping must be in 0..1");
        if (!(wet >= 0f && wet <= 1f))
            throw new ArgumentOutOfRangeException(nameof(wet), wet, "wet must be in 0..1");
        if (!(dry >= 0f && dry <= 1f))
            throw new ArgumentOutOfRangeException(nameof(dry), dry, "dry must be in 0..1");
        DecaySeconds = decaySeconds;
        Damping = damping;
        Wet = wet;
        Dry = dry;
    }

    public float DecaySeconds { get; }
    public float Damping { get; }
    public float Wet { get; }
    public float Dry { get; }
}
