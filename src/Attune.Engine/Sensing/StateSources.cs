namespace Attune.Engine.Sensing;

/// <summary>Inputs that contributed to a <see cref="StateEstimate"/>.</summary>
[Flags]
public enum StateSources
{
    None = 0,
    HeartRate = 1,
    SelfReport = 2,
    Behaviour = 4,
}
