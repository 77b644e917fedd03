using System.Text.Json;
using Attune.Server.Data;
using Attune.Server.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Attune.Server.Features.Sessions;

/// <summary>
/// Planning a session and listing a person's sessions, with one set of rules for the JSON API
/// (<see cref="SessionEndpoints"/>) and the app's live and history views (Components/Patient).
/// </summary>
internal sealed class SessionService(AttuneDbContext db, TimeProvider clock)
{
    /// <summary>Plans a session (status planned); the session, or the field errors (and nothing stored).</summary>
    public async Task<(SessionResponse? Created, FieldErrors Errors)> CreateAsync(string userId, CreateSessionRequest request)
    {
        var errors = new FieldErrors();
        if (!TryParseGoal(request.Goal, out var goal))
            errors.Add("goal", "must be one of: settle, sleep, background");
        if (request.PlannedMinutes is not int minutes
            || minutes < TherapySessionRecord.MinPlannedMinutes || minutes > TherapySessionRecord.MaxPlannedMinutes)
            errors.Add("plannedMinutes", $"must be within {TherapySessionRecord.MinPlannedMinutes}–{TherapySessionRecord.MaxPlannedMinutes} minutes");
        if (errors.Any) return (null, errors);

        var row = new TherapySessionRecord
        {
            Id = Guid.NewGuid(),
            OwnerId = userId,
            Goal = goal,
            PlannedMinutes = request.PlannedMinutes!.Value,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Status = SessionStatus.Planned,
        };
        db.TherapySessions.Add(row);
        await db.SaveChangesAsync();
        return (ToResponse(row), errors);
    }

    /// <summary>The person's sessions, newest first.</summary>
    public async Task<SessionResponse[]> ListAsync(string userId)
    {
        var rows = await db.TherapySessions.AsNoTracking().Where(s => s.OwnerId == userId)
            .OrderByDescending(s => s.CreatedAt).ToListAsync();
        return [.. rows.Select(ToResponse)];
    }

    public static SessionResponse ToResponse(TherapySessionRecord s)
    {
        JsonElement? summary = null;
        if (s.SummaryJson is not null)
        {
            using var doc = JsonDocument.Parse(s.SummaryJson);
            summary = doc.RootElement.Clone();
        }
        return new SessionResponse(s.Id, JsonNamingPolicy.CamelCase.ConvertName(s.Goal.ToString()), s.PlannedMinutes,
            JsonNamingPolicy.CamelCase.ConvertName(s.Status.ToString()), s.CreatedAt, s.StartedAt, s.EndedAt, summary);
    }

    private static bool TryParseGoal(string? text, out SessionGoal goal)
    {
        goal = default;
        return text is not null && !int.TryParse(text, out _) && Enum.TryParse(text, ignoreCase: true, out goal) && Enum.IsDefined(goal);
    }
}
