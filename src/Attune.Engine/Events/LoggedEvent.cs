using System.Text.Json.Nodes;

namespace Attune.Engine.Events;

/// <summary>An event read back from a log: time in seconds from session start, the stage that wrote it, its kind and payload.</summary>
public sealed record LoggedEvent(double TimeSeconds, string Stage, string Kind, JsonObject Data);
