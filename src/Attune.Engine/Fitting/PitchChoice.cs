namespace Attune.Engine.Fitting;

/// <summary>The listener's answer to a pitch-match trial: which of the two tones is closer to the tinnitus.</summary>
public enum PitchChoice
{
    A,
    B,
}
