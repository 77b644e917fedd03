namespace Attune.Engine;

/// <summary>
/// A bounded single-producer/single-consumer queue: the control side enqueues, the render loop
/// dequeues at a block boundary. Lock-free and allocation-free after construction.
/// </summary>
public sealed class SpscQueue<T>
{
    private readonly T[] _items;
    private readonly int _mask;
    private long _head; // next slot to read (consumer)
    private long _tail; // next slot to write (producer)

    public SpscQueue(int capacityPowerOfTwo)
    {
        if (capacityPowerOfTwo < 2 || (capacityPowerOfTwo & (capacityPowerOfTwo - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(capacityPowerOfTwo), capacityPowerOfTwo, "capacity must be a power of two ≥ 2");
        _items = new T[capacityPowerOfTwo];
        _mask = capacityPowerOfTwo - 1;
    }

    public int Count => (int)(Volatile.Read(ref _tail) - Volatile.Read(ref _head));

    /// <summary>Producer side. Returns false when full (the item is not queued).</summary>
    public bool TryEnqueue(in T item)
    {
        long tail = _tail;
        if (tail - Volatile.Read(ref _head) >= _items.Length) return false;
        _items[tail & _mask] = item;
        Volatile.Write(ref _tail, tail + 1);
        return true;
    }

    /// <summary>Consumer side.</summary>
    public bool TryDequeue(out T item)
    {
        long head = _head;
        if (head >= Volatile.Read(ref _tail))
        {
            item = default!;
            return false;
        }
        item = _items[head & _mask];
        _items[head & _mask] = default!;
        Volatile.Write(ref _head, head + 1);
        return true;
    }

    /// <summary>Consumer side: looks at the next item without removing it.</summary>
    public bool TryPeek(out T item)
    {
        long head = _head;
        if (head >= Volatile.Read(ref _tail))
        {
            item = default!;
            return false;
        }
        item = _items[head & _mask];
        return true;
    }
}
