using Attune.Engine.Fitting;

namespace Attune.Server.Features.Wizard;

/// <summary>One user's pitch match in progress; lock <see cref="Match"/> while answering (it is not thread-safe).</summary>
internal sealed class PitchMatchRun(Guid id, string userId, PitchMatch match, DateTimeOffset started)
{
    private long _lastUsedTicks = started.UtcTicks;

    public Guid Id { get; } = id;
    public string UserId { get; } = userId;
    public PitchMatch Match { get; } = match;

    /// <summary>Read by the purge while a request may set it, hence the atomic ticks.</summary>
    public DateTimeOffset LastUsed
    {
        get => new(Interlocked.Read(ref _lastUsedTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _lastUsedTicks, value.UtcTicks);
    }
}
