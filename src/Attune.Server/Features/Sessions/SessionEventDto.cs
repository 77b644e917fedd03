using System.Text.Json;

namespace Attune.Server.Features.Sessions;

/// <summary>One event, shaped like a line of the engine's event log: {"t","stage","kind","data"}.</summary>
public sealed record SessionEventDto(double? T, string? Stage, string? Kind, JsonElement? Data);
