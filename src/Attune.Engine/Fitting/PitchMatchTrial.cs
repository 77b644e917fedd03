namespace Attune.Engine.Fitting;

/// <summary>One two-alternative trial: play tone A, then tone B, and ask which is closer to the tinnitus.</summary>
public sealed record PitchMatchTrial(int TrialId, double AHz, double BHz);
