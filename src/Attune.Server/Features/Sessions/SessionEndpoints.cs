using System.Globalization;
using System.Text.Json;
using Attune.Server.Data;
using Attune.Server.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Attune.Server.Features.Sessions;

/// <summary>/api/sessions: plan sessions, list and read them, append and read their event logs. Only the owner sees a session.</summary>
internal static class SessionEndpoints
{
    public static IServiceCollection AddSessions(this IServiceCollection services) => services.AddScoped<SessionService>();

    public static IEndpointRouteBuilder MapSessions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sessions").RequireAuthorization();
        group.MapPost("/", Create);
        group.MapGet("/", List);
        group.MapGet("/{id:guid}", Get);
        group.MapGet("/{id:guid}/events", ListEvents);
        group.MapPost("/{id:guid}/events", AppendEvents);
        return app;
    }

    private static async Task<Results<Created<SessionResponse>, ValidationProblem>> Create(
        CreateSessionRequest request, HttpContext http, SessionService sessions)
    {
        var (created, errors) = await sessions.CreateAsync(http.User.UserId(), request);
        return created is null ? errors.ToProblem() : TypedResults.Created($"/api/sessions/{created.Id}", created);
    }

    private static async Task<Ok<SessionResponse[]>> List(HttpContext http, SessionService sessions) =>
        TypedResults.Ok(await sessions.ListAsync(http.User.UserId()));

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> Get(Guid id, HttpContext http, AttuneDbContext db)
    {
        var row = await Owned(db, id, http.User.UserId());
        return row is null ? ApiProblems.NotFound("session") : TypedResults.Ok(SessionService.ToResponse(row));
    }

    /// <summary>Most events one page returns (a ten-hour session at 1 Hz holds 36,000 estimates alone).</summary>
    public const int MaxEventPage = 10_000;

    /// <summary>
    /// The session's events in time order, a page at a time: <c>offset</c> (≥ 0, default 0) and <c>limit</c>
    /// (1–10,000, default 10,000); the response's <c>X-Total-Count</c> header gives how many there are in all.
    /// </summary>
    private static async Task<Results<Ok<SessionEventDto[]>, ValidationProblem, ProblemHttpResult>> ListEvents(Guid id, HttpContext http,
        AttuneDbContext db, string? offset = null, string? limit = null)
    {
        if (await Owned(db, id, http.User.UserId()) is null) return ApiProblems.NotFound("session");
        var errors = new FieldErrors();
        int skip = 0, take = MaxEventPage;
        if (offset is not null && !(int.TryParse(offset, NumberStyles.None, CultureInfo.InvariantCulture, out skip)))
            errors.Add("offset", "must be a whole number ≥ 0");
        if (limit is not null && !(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) && take >= 1 && take <= MaxEventPage))
            errors.Add("limit", $"must be a whole number within 1–{MaxEventPage}");
        if (errors.Any) return errors.ToProblem();
        var events = db.SessionEvents.AsNoTracking().Where(e => e.SessionId == id);
        http.Response.Headers["X-Total-Count"] = (await events.CountAsync()).ToString(CultureInfo.InvariantCulture);
        var rows = await events.OrderBy(e => e.TimeSeconds).ThenBy(e => e.Id).Skip(skip).Take(take).ToListAsync();
        return TypedResults.Ok(rows.Select(e =>
        {
            using var data = JsonDocument.Parse(e.DataJson);
            return new SessionEventDto(e.TimeSeconds, e.Stage, e.Kind, data.RootElement.Clone());
        }).ToArray());
    }

    private static async Task<Results<Ok<AppendedEvents>, ValidationProblem, ProblemHttpResult>> AppendEvents(
        Guid id, HttpRequest request, AttuneDbContext db)
    {
        // Ownership first: another user's id must look unknown even when the body is bad.
        if (await Owned(db, id, request.HttpContext.User.UserId()) is null) return ApiProblems.NotFound("session");
        var (batch, readErrors) = await EventBatchReader.ReadAsync(request);
        if (readErrors.Any) return readErrors.ToProblem();
        var errors = EventBatchReader.Validate(batch);
        if (errors.Any) return errors.ToProblem();

        var rows = batch.Select(e => new SessionEvent
        {
            SessionId = id,
            TimeSeconds = e.T!.Value,
            Stage = e.Stage!,
            Kind = e.Kind!,
            DataJson = e.Data is { ValueKind: JsonValueKind.Object } d ? d.GetRawText() : "{}",
        }).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.SessionEvents.AddRange(rows);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return TypedResults.Ok(new AppendedEvents(rows.Count));
    }

    private static Task<TherapySessionRecord?> Owned(AttuneDbContext db, Guid id, string userId) =>
        db.TherapySessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.OwnerId == userId);
}
