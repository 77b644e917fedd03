using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using Attune.Server.Data;
using Attune.Server.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Attune.Server.Features.Live;

/// <summary>GET /api/sessions/{id}/live: the live session's WebSocket (docs/web-protocol.md, "Live session").</summary>
internal static class LiveEndpoints
{
    public const int MaxMessageBytes = 4096;

    public static IServiceCollection AddLiveSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(LiveOptions.From(configuration));
        services.AddSingleton(_ => new LiveScheduler(Environment.ProcessorCount));
        services.AddSingleton<LiveSessionManager>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveSessionManager>());
        services.AddSingleton<LivePersonalizer>();
        return services;
    }

    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/sessions/{id:guid}/live", Live).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> Live(Guid id, string? resume, string? local_hour, HttpContext http, AttuneDbContext db,
        LiveSessionManager manager, LivePersonalizer personalizer)
    {
        double? localHour = null;
        if (local_hour is not null)
        {
            if (!double.TryParse(local_hour, NumberStyles.Float, CultureInfo.InvariantCulture, out double h) || !(h >= 0 && h < 24))
            {
                var errors = new FieldErrors();
                errors.Add("local_hour", "must be the browser's local hour of the day, within 0–24 (24 excluded)");
                return errors.ToProblem();
            }
            localHour = h;
        }
        if (!http.WebSockets.IsWebSocketRequest) return Problem(StatusCodes.Status400BadRequest, "This address takes a WebSocket upgrade only.");
        if (!SameOrigin(http.Request)) return Problem(StatusCodes.Status403Forbidden, "The Origin header must be this server's own origin.");
        string userId = http.User.UserId();
        var row = await db.TherapySessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.OwnerId == userId);
        if (row is null) return ApiProblems.NotFound("session");

        bool resumed = manager.TryGet(id, out var session);
        if (resumed)
        {
            if (resume is null || !session.TokenMatches(resume))
                return Problem(StatusCodes.Status409Conflict, "The session is live on another connection; reconnect with its resume token.");
        }
        else
        {
            if (resume is not null)
                return Problem(StatusCodes.Status409Conflict, $"Nothing to resume: the session ended or its {manager.Options.ResumeWindowSeconds:0} s resume window passed.");
            if (row.Status != SessionStatus.Planned)
                return Problem(StatusCodes.Status409Conflict, $"The session has already run (status {row.Status.ToString().ToLowerInvariant()}); plan a new one.");
            var stored = await db.HearingProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId);
            var profile = (stored ?? new HearingProfile { UserId = userId }).ToTherapyProfile();
            var choice = await personalizer.ChooseAsync(db, userId, profile, LiveSessionManager.GoalOf(row.Goal), personalizer.HourOf(localHour),
                LiveSession.SeedOf(id), http.RequestAborted);
            session = manager.TryStart(row, profile, choice, out string? refusal)!;
            // The row's running status and start time go in the manager's next batch (within Live:FlushSeconds).
            if (session is null)
                return Problem(manager.TryGet(id, out _) ? StatusCodes.Status409Conflict : StatusCodes.Status503ServiceUnavailable, refusal!);
        }

        // No permessage-deflate, which browsers ask for: it cost a browser's session more CPU than rendering its audio
        // (PCM and Opus hardly compress). Said explicitly: once a Blazor circuit has connected (its hub accepts
        // compression), a plain AcceptWebSocketAsync() in this process was seen accepting it too.
        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { DangerousEnableCompression = false });
        await RunConnectionAsync(session, socket, resumed, http.RequestAborted);
        return Results.Empty;
    }

    private static async Task RunConnectionAsync(LiveSession session, WebSocket socket, bool resumed, CancellationToken aborted)
    {
        var connection = new LiveConnection(socket);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, connection.Closing.Token);
        session.Enqueue(new LiveCommand(LiveCommandKind.Attach) { Connection = connection, Resumed = resumed });
        var sending = connection.SendLoopAsync(linked.Token);
        try
        {
            await ReceiveLoopAsync(session, connection, linked.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Dropped: the session pauses and waits for the resume token.
        }
        session.Enqueue(new LiveCommand(LiveCommandKind.Detach) { Connection = connection });
        connection.Complete();
        await sending;
        connection.Closing.Dispose();
    }

    private static async Task ReceiveLoopAsync(LiveSession session, LiveConnection connection, CancellationToken ct)
    {
        var buffer = new byte[MaxMessageBytes];
        var socket = connection.Socket;
        while (socket.State == WebSocketState.Open)
        {
            int length = 0;
            bool tooLong = false;
            ValueWebSocketReceiveResult result;
            do
            {
                if (length == buffer.Length)
                {
                    tooLong = true;
                    length = 0;
                }
                result = await socket.ReceiveAsync(buffer.AsMemory(length), ct);
                length += result.Count;
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
            long arrival = Stopwatch.GetTimestamp();
            if (result.MessageType == WebSocketMessageType.Close) return;
            if (result.MessageType != WebSocketMessageType.Text)
                connection.SendText(LiveJson.Error("message", "must be a text JSON message"));
            else if (tooLong)
                connection.SendText(LiveJson.Error("message", $"must be at most {MaxMessageBytes} bytes"));
            else if (ClientMessageParser.Parse(buffer.AsSpan(0, length), arrival, out string field, out string detail) is { } command)
                session.Enqueue(command);
            else
                connection.SendText(LiveJson.Error(field, detail));
        }
    }

    /// <summary>Browsers always send Origin on a WebSocket handshake; it must be this server. Non-browser clients send none.</summary>
    private static bool SameOrigin(HttpRequest request)
    {
        string? origin = request.Headers.Origin;
        if (string.IsNullOrEmpty(origin)) return true;
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(statusCode: status, detail: detail);
}
