namespace Attune.Engine.Synthesis;

/// <summary>The sound source of one voice of one instrument; the owning <see cref="Voice"/> applies the envelope.</summary>
internal abstract class VoiceGenerator
{
    /// <summary>Prepares oscillators for a note and returns the instrument's default envelope.</summary>
    public abstract EnvelopeShape Start(int pitch, float velocity, PartState part);

    /// <summary>Overwrites left/right with the raw (un-enveloped) signal for the next frames; mono generators write left only.</summary>
    public abstract void Render(Span<float> left, Span<float> right, PartState part);

    /// <summary>True when the generator's own decay has died away (struck instruments).</summary>
    public virtual bool IsSilent => false;

    /// <summary>True when both channels would be identical: only left is written and mixed.</summary>
    public virtual bool IsMono => false;

    /// <summary>The generator's own loudness factor, for choosing which voice to steal.</summary>
    public virtual float Loudness => 1f;

    public static double PitchToHz(int pitch) => 440.0 * Math.Pow(2, (pitch - 69) / 12.0);

    /// <summary>One-pole low-pass coefficient for a cutoff (computed once per block).</summary>
    public static double OnePole(double cutoffHz) =>
        1 - Math.Exp(-2 * Math.PI * Math.Min(cutoffHz, AudioFormat.SampleRate * 0.45) / AudioFormat.SampleRate);
}
