using System.Collections.Concurrent;
using Attune.Engine;
using Attune.Engine.Composition.Model;
using Attune.Server.Data;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace Attune.Server.Features.Live;

/// <summary>
/// Owns the running live sessions by id: loads the chorale model once, limits how many run at once, stores
/// every session's event log every few seconds (one writer, one transaction for all) and, at each end, its status and summary.
/// </summary>
internal sealed partial class LiveSessionManager : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<Guid, LiveSession> _sessions = new();
    private readonly Lock _startLock = new();
    private readonly Lazy<ChoraleNade> _model;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<LiveSessionManager> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly LiveScheduler _scheduler;
    private readonly Channel<LiveSession> _ended = Channel.CreateUnbounded<LiveSession>();
    private Task? _writer;
    private int _disposed;

    public LiveSessionManager(LiveOptions options, TimeProvider clock, LiveScheduler scheduler, IServiceScopeFactory scopes,
        ILogger<LiveSessionManager> logger)
    {
        _scheduler = scheduler;
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
    public LiveSession? TryStart(TherapySessionRecord row, TherapyProfile profile, LivePersonalizer.Choice? choice, out string? refusal)
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
            if (_sessions.ContainsKey(row.Id))
            {
                // Two connects raced for one planned session; the first one started it.
                refusal = "The session is live on another connection; reconnect with its resume token.";
                return null;
            }
            if (_sessions.Count >= Options.MaxSessions)
            {
                refusal = $"The server is running its maximum of {Options.MaxSessions} live sessions; try again later.";
                return null;
            }
            double cost = LiveSession.CostOf(profile);
            double load = _sessions.Values.Sum(s => s.Cost);
            if (load + cost > Options.MaxLoad)
            {
                refusal = $"The server is at its capacity ({load:0.#} of {Options.MaxLoad:0.#} pcm16-session units in use, this session needs {cost:0.#}); try again later.";
                return null;
            }
            var goal = GoalOf(row.Goal);
            var session = new LiveSession(row.Id, row.OwnerId, profile, goal, row.PlannedMinutes, model, Options, Clock, _scheduler, choice)
            {
                StartedAt = Clock.GetUtcNow().UtcDateTime,
            };
            _sessions[row.Id] = session;
            refusal = null;
            session.Start();
            _writer ??= Task.Run(() => WriteLoopAsync(_stopping.Token));
            _ = WhenFinishedAsync(session);
            return session;
        }
    }

    public static Engine.Adaptation.SessionGoal GoalOf(Data.SessionGoal goal) => goal switch
    {
        Data.SessionGoal.Sleep => Engine.Adaptation.SessionGoal.Sleep,
        Data.SessionGoal.Background => Engine.Adaptation.SessionGoal.Background,
        _ => Engine.Adaptation.SessionGoal.Settle,
    };

    /// <summary>When a session has ended, hands it to the writer (its last events and its end go in the next batch).</summary>
    private async Task WhenFinishedAsync(LiveSession session)
    {
        await session.Finished;
        _ended.Writer.TryWrite(session);
    }

    /// <summary>
    /// One writer for every session: every <see cref="LiveOptions.FlushSeconds"/>, or at once when a session ends, all
    /// unsaved event-log lines of all sessions go to the database in one transaction, with the started sessions' and
    /// the ended sessions' rows. One transaction per interval instead of one per session and one per start keeps
    /// SQLite's single writer (a blocking fsync per commit, under an async API) from tying up the thread pool that sends
    /// the audio when a hundred sessions start at once.
    /// </summary>
    private async Task WriteLoopAsync(CancellationToken ct)
    {
        var ended = new List<LiveSession>();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(ct))
                {
                    var interval = Task.Delay(TimeSpan.FromSeconds(Options.FlushSeconds), Clock, wait.Token);
                    await Task.WhenAny(interval, _ended.Reader.WaitToReadAsync(wait.Token).AsTask());
                    await wait.CancelAsync();
                }
                while (_ended.Reader.TryRead(out var session)) ended.Add(session);
                await WriteAsync(ended);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
            {
                StoreFailed(_logger, e);
            }
            finally
            {
                foreach (var session in ended) Close(session);
                ended.Clear();
            }
        }
    }

    /// <summary>
    /// All sessions' unsaved lines, the new sessions' start (status running, started-at, preset) and the ended sessions'
    /// rows with what the personaliser learned from them, in one SaveChanges (one transaction).
    /// </summary>
    private async Task WriteAsync(List<LiveSession> ended)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AttuneDbContext>();
        // Ended sessions leave the running set only after this batch, so the two lists overlap: each once.
        var sessions = _sessions.Values.Union(ended).ToList();
        foreach (var session in sessions) Drain(session, db);
        var starting = sessions.Where(s => !s.StartStored).ToList();
        var ids = starting.Concat(ended).Select(s => s.Id).Distinct().ToList();
        if (ids.Count > 0)
        {
            var rows = await db.TherapySessions.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id);
            foreach (var session in starting)
            {
                var row = rows[session.Id];
                row.Status = SessionStatus.Running;
                row.StartedAt = session.StartedAt;
                row.Preset = session.Choice?.Preset.Name;
            }
            var learners = new Dictionary<string, PersonalizerRecord>(StringComparer.Ordinal);
            foreach (var session in ended)
            {
                var row = rows[session.Id];
                row.Status = session.EndStatus;
                row.EndedAt = Clock.GetUtcNow().UtcDateTime;
                row.SummaryJson = session.Summary?.ToJsonString();
                await LivePersonalizer.LearnAsync(db, learners, session, row, row.EndedAt.Value);
            }
        }
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync();
        foreach (var session in starting) session.StartStored = true;
    }

    private static void Drain(LiveSession session, AttuneDbContext db)
    {
        while (session.Unsaved.TryDequeue(out var e))
        {
            db.SessionEvents.Add(new SessionEvent
            {
                SessionId = session.Id,
                TimeSeconds = e.TimeSeconds,
                Stage = e.Stage,
                Kind = e.Kind,
                DataJson = e.Data.ToJsonString(),
            });
        }
    }

    /// <summary>After its end is stored (or failed to be): the socket gets the summary, and the session is gone.</summary>
    private void Close(LiveSession session)
    {
        // Gone from the running set first: whoever reads "ended" may start the next session at once.
        _sessions.TryRemove(session.Id, out _);
        if (session.Connection is { } connection)
        {
            connection.SendText(LiveJson.Ended(session.Summary ?? []));
            connection.Complete();
        }
        session.Dispose();
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Host stopping: every running session ends at once (abandoned, reason server_stopped; no learning from it), its
    /// socket gets the summary, and the writer stores the last events and the ends before the host goes on stopping.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var session in _sessions.Values) session.Enqueue(new LiveCommand(LiveCommandKind.ServerStop));
        try
        {
            while (!_sessions.IsEmpty) await Task.Delay(20, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout passed; what is not stored yet is lost, and the next start marks it abandoned.
        }
    }

    /// <summary>Idempotent: the container disposes this once as itself and once as the hosted service it also is.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _stopping.Cancel();
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The chorale model {Path} could not be loaded")]
    private static partial void ModelFailed(ILogger logger, string path, Exception e);

    [LoggerMessage(Level = LogLevel.Error, Message = "Live sessions' events or ends could not be stored")]
    private static partial void StoreFailed(ILogger logger, Exception e);
}
