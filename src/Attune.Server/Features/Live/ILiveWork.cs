namespace Attune.Server.Features.Live;

/// <summary>Work the <see cref="LiveScheduler"/> runs: one call at a time, on whichever worker is free.</summary>
internal interface ILiveWork
{
    /// <summary>
    /// Does what is due at <paramref name="now"/> (a <see cref="System.Diagnostics.Stopwatch"/> timestamp) and returns when
    /// to run next: a timestamp, <see cref="LiveScheduler.UntilWoken"/>, or <see cref="LiveScheduler.Done"/> to leave the
    /// scheduler for good.
    /// </summary>
    long Service(long now);
}
