using System.Diagnostics;

namespace Attune.Server.Features.Live;

/// <summary>
/// Runs every live session on a few shared worker threads (one per core) instead of a thread per session: each piece
/// of work says when it next needs to run, and the workers take the earliest due first (earliest-deadline-first, so
/// under load every session falls behind by about the same amount instead of some starving). A piece of work never
/// runs on two workers at once; <see cref="Wake"/> (a message arrived) makes it due now, or right after its current run.
/// </summary>
internal sealed class LiveScheduler : IDisposable
{
    /// <summary>Returned by <see cref="ILiveWork.Service"/>: run again only when woken.</summary>
    public const long UntilWoken = long.MaxValue;

    /// <summary>Returned by <see cref="ILiveWork.Service"/>: finished, leave the scheduler.</summary>
    public const long Done = long.MinValue;

    private readonly object _gate = new();
    private readonly PriorityQueue<Queued, long> _queue = new();
    private readonly Thread[] _workers;
    private int _started;
    private bool _stopping;

    public LiveScheduler(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        _workers = new Thread[workers];
        for (int i = 0; i < workers; i++)
            _workers[i] = new Thread(Work) { IsBackground = true, Name = "attune-render-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    /// <summary>Work pieces added and not yet done.</summary>
    public int Count { get; private set; }

    /// <summary>Adds work, due now; the workers start with the first.</summary>
    public Slot Add(ILiveWork work)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
            foreach (var t in _workers) t.Start();
        var slot = new Slot(work);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            Count++;
            Schedule(slot, Stopwatch.GetTimestamp());
        }
        return slot;
    }

    /// <summary>Makes the work due now (or again right after the run in progress). Safe from any thread.</summary>
    public void Wake(Slot slot)
    {
        lock (_gate)
        {
            if (slot.Finished) return;
            if (slot.Running) slot.WakeRequested = true;
            else if (slot.Due > Stopwatch.GetTimestamp()) Schedule(slot, Stopwatch.GetTimestamp());
        }
    }

    /// <summary>Caller holds the gate. Queues the slot at <paramref name="due"/>; an older queue entry goes stale.</summary>
    private void Schedule(Slot slot, long due)
    {
        slot.Version++;
        slot.Due = due;
        if (due == UntilWoken) return;
        bool earliest = !_queue.TryPeek(out _, out long head) || due < head;
        _queue.Enqueue(new Queued(slot, slot.Version), due);
        // A worker may be sleeping until a later deadline: let it look again.
        if (earliest) Monitor.PulseAll(_gate);
    }

    private void Work()
    {
        Slot? done = null;
        long doneNext = 0;
        while (true)
        {
            Slot slot;
            // One lock both puts back the work just run and takes the next: half the lock traffic of two.
            lock (_gate)
            {
                if (done is not null) Return(done, doneNext);
                done = null;
                while (true)
                {
                    if (_stopping) return;
                    if (!_queue.TryPeek(out var head, out long due))
                    {
                        Monitor.Wait(_gate);
                        continue;
                    }
                    if (head.Version != head.Slot.Version)
                    {
                        _queue.Dequeue();
                        continue;
                    }
                    long now = Stopwatch.GetTimestamp();
                    if (due <= now)
                    {
                        _queue.Dequeue();
                        slot = head.Slot;
                        slot.Running = true;
                        slot.Due = UntilWoken;
                        break;
                    }
                    double ms = (due - now) * 1000.0 / Stopwatch.Frequency;
                    Monitor.Wait(_gate, TimeSpan.FromMilliseconds(Math.Clamp(ms, 1, 1000)));
                }
            }
            try
            {
                doneNext = slot.Work.Service(Stopwatch.GetTimestamp());
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Work handles its own failures; one that escapes ends that work, never the worker.
                Trace.TraceError("live work failed: " + e);
                doneNext = Done;
            }
            done = slot;
        }
    }

    /// <summary>Caller holds the gate. After a run: leaves for good, or is queued at its next time (now if woken meanwhile).</summary>
    private void Return(Slot slot, long next)
    {
        slot.Running = false;
        if (next == Done)
        {
            slot.Finished = true;
            slot.Version++;
            Count--;
            return;
        }
        if (slot.WakeRequested)
        {
            slot.WakeRequested = false;
            next = Math.Min(next, Stopwatch.GetTimestamp());
        }
        Schedule(slot, next);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopping = true;
            Monitor.PulseAll(_gate);
        }
        if (Volatile.Read(ref _started) == 0) return;
        foreach (var t in _workers)
        {
            if (t != Thread.CurrentThread) t.Join(TimeSpan.FromSeconds(5));
        }
    }

    /// <summary>One piece of work's place in the scheduler; its fields are guarded by the scheduler's lock.</summary>
    internal sealed class Slot(ILiveWork work)
    {
        public ILiveWork Work { get; } = work;
        internal long Due = UntilWoken;
        internal int Version;
        internal bool Running, WakeRequested, Finished;
    }

    private readonly record struct Queued(Slot Slot, int Version);
}
