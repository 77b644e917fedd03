namespace Attune.Engine.Synthesis;

/// <summary>Envelope times for one note: attack (s), decay to 60 dB below peak toward sustain (s, ≤ 0 none), sustain level, release (s).</summary>
internal readonly record struct EnvelopeShape(double Attack, double Decay, double Sustain, double Release);
