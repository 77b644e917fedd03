namespace Attune.Server.Data;

/// <summary>One line of the engine's event log (Attune.Engine.Events.EventLog) stored against its session.</summary>
public sealed class SessionEvent
{
    public long Id { get; set; }
    public Guid SessionId { get; set; }
    public double TimeSeconds { get; set; }
    public required string Stage { get; set; }
    public required string Kind { get; set; }

    /// <summary>The event's payload, a JSON object.</summary>
    public string DataJson { get; set; } = "{}";
}
