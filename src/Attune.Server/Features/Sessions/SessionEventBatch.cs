namespace Attune.Server.Features.Sessions;

/// <summary>POST /api/sessions/{id}/events JSON body; stored all together or not at all.</summary>
public sealed record SessionEventBatch(IReadOnlyList<SessionEventDto>? Events);
