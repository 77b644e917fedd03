using System.Collections.Concurrent;
using System.Security.Cryptography;
using Attune.Engine.Fitting;

namespace Attune.Server.Features.Wizard;

/// <summary>
/// Pitch-match runs in memory, each owned by one user and dropped 30 minutes after its last use (a restart loses
/// them: a run is a few minutes of clicking, not data worth a table). A user keeps at most <see cref="MaxPerUser"/>
/// runs; starting another drops their oldest.
/// </summary>
internal sealed class PitchMatchRuns(TimeProvider clock)
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(30);
    public const int MaxPerUser = 4;

    private readonly ConcurrentDictionary<Guid, PitchMatchRun> _runs = new();

    public PitchMatchRun Start(string userId)
    {
        Purge();
        var mine = _runs.Where(r => r.Value.UserId == userId).OrderBy(r => r.Value.LastUsed).ToList();
        for (int i = 0; i <= mine.Count - MaxPerUser; i++) _runs.TryRemove(mine[i].Key, out _);
        var id = Guid.NewGuid();
        // The seed only shuffles tone order; a fresh one per run keeps the order unpredictable.
        var run = new PitchMatchRun(id, userId, new PitchMatch(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8))), clock.GetUtcNow());
        _runs[id] = run;
        return run;
    }

    /// <summary>The caller's live run, or null when it is unknown, expired or someone else's.</summary>
    public PitchMatchRun? Find(Guid id, string userId)
    {
        Purge();
        if (!_runs.TryGetValue(id, out var run) || run.UserId != userId) return null;
        run.LastUsed = clock.GetUtcNow();
        return run;
    }

    public void Remove(Guid id) => _runs.TryRemove(id, out _);

    private void Purge()
    {
        var cutoff = clock.GetUtcNow() - Expiry;
        foreach (var (id, run) in _runs)
        {
            if (run.LastUsed < cutoff) _runs.TryRemove(id, out _);
        }
    }
}
