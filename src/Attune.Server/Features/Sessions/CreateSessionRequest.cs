namespace Attune.Server.Features.Sessions;

/// <summary>POST /api/sessions body: goal settle|sleep|background, planned length 1–600 minutes.</summary>
public sealed record CreateSessionRequest(string? Goal, int? PlannedMinutes);
