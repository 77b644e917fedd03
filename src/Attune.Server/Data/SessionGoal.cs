namespace Attune.Server.Data;

/// <summary>What a session is for; it sets the controller's target and the session's shape.</summary>
public enum SessionGoal
{
    Settle,
    Sleep,
    Background,
}
