using System.Text.Json;

namespace Attune.Server.Features.Sessions;

/// <summary>A therapy session as the API shows it.</summary>
public sealed record SessionResponse(
    Guid Id,
    string Goal,
    int PlannedMinutes,
    string Status,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? EndedAt,
    JsonElement? Summary);
