namespace Attune.Engine.Safety;

/// <summary>Which loudness rule bound the governor's gain.</summary>
internal enum GovernorRule
{
    None,
    MaxLoudness,
    Slew,
    Momentary,
}
