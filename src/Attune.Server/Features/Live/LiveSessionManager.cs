using System.Collections.Concurrent;
using Attune.Engine;
using Attune.Engine.Composition.Model;
using Attune.Server.Data;
using Microsoft.EntityFrameworkCore;

namespace Attune.Server.Features.Live;

/// <summary>
/// Owns the running live sessions by id: loads the chorale model once, limits how many run at once, stores
/// each session's event log every few seconds and, at the end, its status and summary.
/// </summary>
internal sealed partial class LiveSessionManager : IDisposable
{
    private readonly ConcurrentDictionary<Guid, LiveSession> _sessions = new();
    private readonly Lock _startLock = new();
    private readonly Lazy<ChoraleNade> _model;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<LiveSessionManager> _logger;
    private readonly CancellationTokenSource _stopping = new();

    public LiveSessionManager(LiveOptions options, TimeProvider clock, IServiceScopeFactory scopes, ILogger<LiveSessionManager> logger)
    {
        Options = options;
        Clock = clock;
        _scopes = scopes;
        _logger = logger;
        _model = new Lazy<ChoraleNade>(() => ChoraleNade.Load(options.ModelPath), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public LiveOptions Options { get; }
    public TimeProvider Clock { get; }
    public int Count => _sessions.Count;

    public bool TryGet(Guid id, out LiveSession session) => _sessions.TryGetValue(id, out session!);

    /// <summary>The shared music model, or null (logged) when it cannot be loaded.</summary>
    public ChoraleNade? TryModel()
    {
        try
        {
            return _model.Value;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            ModelFailed(_logger, Options.ModelPath, e);
            return null;
        }
    }

    /// <summary>Starts a session's engine, or says why not (too many running; the model missing).</summary>
    public LiveSession? TryStart(TherapySessionRecord row, TherapyProfile profile, out string? refusal)
    {
        ChoraleNade model;
        try
        {
            model = _model.Value;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            ModelFailed(_logger, Options.ModelPath, e);
            refusal = "The music model is not available on this server.";
            return null;
        }
        lock (_startLock)
        {
            if (_sessions.Count >= Options.MaxSessions)
            {
                refusal = $"The server is running its maximum of {Options.MaxSessions} live sessions; try again later.";
                return null;
            }
            var goal = row.Goal switch
            {
                Data.SessionGoal.Sleep => Engine.Adaptation.SessionGoal.Sleep,
                Data.SessionGoal.Background => Engine.Adaptation.SessionGoal.Background,
                _ => Engine.Adaptation.SessionGoal.Settle,
            };
            var session = new LiveSession(row.Id, row.OwnerId, profile, goal, row.PlannedMinutes, model, Options, Clock);
            _sessions[row.Id] = session;
            refusal = null;
            session.Start();
            _ = RunAsync(session);
            return session;
        }
    }

    /// <summary>Stores the log every few seconds while the session runs, then its end.</summary>
    private async Task RunAsync(LiveSession session)
    {
        using var flushing = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        var flusher = FlushLoopAsync(session, flushing.Token);
        try
        {
            await session.Finished;
            await flushing.CancelAsync();
            await flusher;
            await FlushAsync(session);
            await StoreEndAsync(session);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or OperationCanceledException)
        {
            StoreFailed(_logger, session.Id, e);
        }
        finally
        {
            if (session.Connection is { } connection)
            {
                connection.SendText(LiveJson.Ended(session.Summary ?? []));
                connection.Complete();
            }
            _sessions.TryRemove(session.Id, out _);
            session.Dispose();
        }
    }

    private async Task FlushLoopAsync(LiveSession session, CancellationToken ct)
    {
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(Options.FlushSeconds), Clock, ct);
                await FlushAsync(session);
            }
        }
        catch (OperationCanceledException)
        {
            // The session ended; RunAsync stores the rest.
        }
        catch (DbUpdateException e)
        {
            StoreFailed(_logger, session.Id, e);
        }
    }

    /// <summary>Stores the log lines written since the last flush, all in one batch (a scope of its own).</summary>
    private async Task FlushAsync(LiveSession session)
    {
        var rows = new List<SessionEvent>();
        while (session.Unsaved.TryDequeue(out var e))
        {
            rows.Add(new SessionEvent
            {
                SessionId = session.Id,
                TimeSeconds = e.TimeSeconds,
                Stage = e.Stage,
                Kind = e.Kind,
                DataJson = e.Data.ToJsonString(),
            });
        }
        if (rows.Count == 0) return;
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttuneDbContext>();
        db.SessionEvents.AddRange(rows);
        await db.SaveChangesAsync();
    }

    private async Task StoreEndAsync(LiveSession session)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttuneDbContext>();
        var row = await db.TherapySessions.SingleAsync(s => s.Id == session.Id);
        row.Status = session.EndStatus;
        row.EndedAt = Clock.GetUtcNow().UtcDateTime;
        row.SummaryJson = session.Summary?.ToJsonString();
        await db.SaveChangesAsync();
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The chorale model {Path} could not be loaded")]
    private static partial void ModelFailed(ILogger logger, string path, Exception e);

    [LoggerMessage(Level = LogLevel.Error, Message = "Live session {Id} could not store its events or end")]
    private static partial void StoreFailed(ILogger logger, Guid id, Exception e);
}
