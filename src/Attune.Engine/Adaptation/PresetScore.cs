namespace Attune.Engine.Adaptation;

/// <summary>One preset's score in a decision: the Thompson sample w̃·x and the posterior mean μ·x.</summary>
public readonly record struct PresetScore(string Name, double Sampled, double Expected);
