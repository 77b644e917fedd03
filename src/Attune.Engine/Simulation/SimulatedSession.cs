namespace Attune.Engine.Simulation;

/// <summary>One simulated session's results.</summary>
/// <param name="TrueArousalReduction">Hidden arousal, mean of the first minute minus mean of the last minute (positive = calmer).</param>
/// <param name="Reward">The personaliser's reward, from what the system measured (estimates, ratings, skips, dislikes).</param>
/// <param name="Preset">Name of the preset played.</param>
/// <param name="Skips">Skips during the session.</param>
/// <param name="Dislikes">Dislikes during the session.</param>
/// <param name="Minutes">Minutes listened.</param>
/// <param name="ConstraintViolations">Decisions that broke a condition rule (notch, exclusions, hyperacusis limits).</param>
/// <param name="RateViolations">Decisions that moved the music's arousal faster than the controller's limit.</param>
/// <param name="AudioSeconds">Seconds rendered through the full audio chain (0 when the session ran on intent features only).</param>
/// <param name="AudioRmsDbfs">RMS level of the rendered audio, dBFS (−∞ without audio).</param>
public sealed record SimulatedSession(double TrueArousalReduction, double Reward, string Preset, int Skips, int Dislikes,
    double Minutes, int ConstraintViolations, int RateViolations, double AudioSeconds = 0, double AudioRmsDbfs = double.NegativeInfinity);
