namespace Attune.Engine.Simulation;

/// <summary>What a virtual patient did during one step: skipped, and/or disliked (with the trigger class that caused it, or None).</summary>
public readonly record struct PatientReaction(bool Skipped, bool Disliked, SoundClass DislikeTrigger);
