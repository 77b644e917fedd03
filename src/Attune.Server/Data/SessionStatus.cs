namespace Attune.Server.Data;

/// <summary>Where a session is in its life.</summary>
public enum SessionStatus
{
    Planned,
    Running,
    Ended,
    Abandoned,
}
