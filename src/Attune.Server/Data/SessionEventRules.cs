namespace Attune.Server.Data;

/// <summary>Limits on stored session events, shared by the model and the API's validation.</summary>
public static class SessionEventRules
{
    public const int MaxStageLength = 32;
    public const int MaxKindLength = 64;
    public const int MaxDataBytes = 4096;
    public const int MaxBatch = 1000;

    /// <summary>A day: longer than any session (600 min) with room for clock skew.</summary>
    public const double MaxTimeSeconds = 86_400;
}
