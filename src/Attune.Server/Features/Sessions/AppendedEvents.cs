namespace Attune.Server.Features.Sessions;

/// <summary>How many events a batch stored.</summary>
public sealed record AppendedEvents(int Stored);
