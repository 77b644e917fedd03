using System.Collections.Concurrent;
using System.Diagnostics;
using Attune.Server.Features.Live;

namespace Attune.Server.Tests.Features.Live;

/// <summary>The shared render scheduler with scripted work: timing, earliest deadline first, one run at a time, wake, done, failures.</summary>
public sealed class LiveSchedulerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>Work whose answers are scripted by a function of its call number; records every call.</summary>
    private sealed class ScriptedWork(string name, Func<int, long, long> next, ConcurrentQueue<(string Name, long At)>? calls = null) : ILiveWork
    {
        private int _running, _calls;
        public readonly TaskCompletionSource<int> Overlapped = new();
        public int Calls => Volatile.Read(ref _calls);
        public Action? During { get; init; }

        public long Service(long now)
        {
            if (Interlocked.Exchange(ref _running, 1) != 0) Overlapped.TrySetResult(1);
            calls?.Enqueue((name, now));
            During?.Invoke();
            int n = Interlocked.Increment(ref _calls);
            Volatile.Write(ref _running, 0);
            return next(n, now);
        }
    }

    private static long In(double ms) => Stopwatch.GetTimestamp() + (long)(ms * Stopwatch.Frequency / 1000);

    private static async Task Until(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < Patience, "timed out");
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Runs_work_no_earlier_than_the_time_it_asked_for()
    {
        using var scheduler = new LiveScheduler(2);
        var calls = new ConcurrentQueue<(string, long At)>();
        long askedFor = 0;
        var work = new ScriptedWork("a", (n, now) => n == 1 ? askedFor = now + Stopwatch.Frequency / 10 : LiveScheduler.Done, calls);
        scheduler.Add(work);
        await Until(() => work.Calls == 2);
        var at = calls.Select(c => c.At).ToArray();
        Assert.True(at[1] >= askedFor, $"second run {(at[1] - askedFor) * 1000.0 / Stopwatch.Frequency:0.0} ms before its time");
        Assert.Equal(0, scheduler.Count);
    }

    [Fact]
    public async Task Takes_the_earliest_deadline_first()
    {
        using var scheduler = new LiveScheduler(1);
        var calls = new ConcurrentQueue<(string Name, long At)>();
        // One worker, busy for 150 ms first, so all three are overdue when it comes back: it must take them by deadline, not by arrival.
        var blocker = new ScriptedWork("blocker", (_, _) => LiveScheduler.Done) { During = () => Thread.Sleep(150) };
        scheduler.Add(blocker);
        long baseAt = In(20);
        var works = new[] { ("late", 30), ("early", 10), ("middle", 20) }
            .Select(w => new ScriptedWork(w.Item1, (n, _) => n == 1 ? baseAt + w.Item2 * Stopwatch.Frequency / 1000 : LiveScheduler.Done, calls))
            .ToArray();
        foreach (var w in works) scheduler.Add(w);
        await Until(() => works.All(w => w.Calls == 2));
        var secondRuns = calls.Where(c => c.Name != "blocker").Skip(3).Select(c => c.Name).ToArray();
        Assert.Equal(["early", "middle", "late"], secondRuns);
    }

    [Fact]
    public async Task Never_runs_one_piece_of_work_on_two_workers_at_once_however_often_it_is_woken()
    {
        using var scheduler = new LiveScheduler(2);
        var work = new ScriptedWork("a", (n, now) => n < 300 ? now : LiveScheduler.Done) { During = () => Thread.SpinWait(2000) };
        var slot = scheduler.Add(work);
        var waker = Task.Run(async () =>
        {
            while (work.Calls < 300)
            {
                scheduler.Wake(slot);
                await Task.Yield();
            }
        }, TestContext.Current.CancellationToken);
        await Until(() => work.Calls >= 300);
        await waker;
        Assert.False(work.Overlapped.Task.IsCompleted, "two workers ran the same work at once");
    }

    [Fact]
    public async Task Wake_runs_waiting_work_at_once_and_work_woken_while_running_runs_again()
    {
        using var scheduler = new LiveScheduler(2);
        var release = new ManualResetEventSlim(false);
        var inFirstRun = new ManualResetEventSlim(false);
        var work = new ScriptedWork("a", (n, _) => n < 3 ? LiveScheduler.UntilWoken : LiveScheduler.Done)
        {
            During = () =>
            {
                inFirstRun.Set();
                release.Wait(Patience);
            },
        };
        var slot = scheduler.Add(work);
        Assert.True(inFirstRun.Wait(Patience, TestContext.Current.CancellationToken));
        scheduler.Wake(slot);          // while running: must run again after this run
        release.Set();
        await Until(() => work.Calls == 2);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Equal(2, work.Calls);   // then it waits (UntilWoken) …
        scheduler.Wake(slot);          // … until woken
        await Until(() => work.Calls == 3);
        await Until(() => scheduler.Count == 0);
    }

    [Fact]
    public async Task Done_work_leaves_and_is_not_run_again_when_woken()
    {
        using var scheduler = new LiveScheduler(1);
        var work = new ScriptedWork("a", (_, _) => LiveScheduler.Done);
        var slot = scheduler.Add(work);
        await Until(() => scheduler.Count == 0);
        scheduler.Wake(slot);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Equal(1, work.Calls);
    }

    [Fact]
    public async Task A_failing_piece_of_work_leaves_and_the_workers_keep_serving_the_others()
    {
        using var scheduler = new LiveScheduler(1);
        var failing = new ScriptedWork("bad", (_, _) => throw new InvalidOperationException("boom"));
        var healthy = new ScriptedWork("good", (n, now) => n < 5 ? now : LiveScheduler.Done);
        scheduler.Add(failing);
        scheduler.Add(healthy);
        await Until(() => healthy.Calls == 5);
        await Until(() => scheduler.Count == 0);
        Assert.Equal(1, failing.Calls);
    }
}
