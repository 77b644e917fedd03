using Attune.Engine.Synthesis;

namespace Attune.Engine.Composition;

/// <summary>
/// Events arranged ahead of time, kept in frame order (stable: equal frames keep insertion order)
/// in a fixed array, so the synthesizer receives them in the non-decreasing order it requires.
/// </summary>
internal sealed class EventSchedule
{
    private readonly MusicEvent[] _events;
    private int _count;

    public EventSchedule(int capacity) => _events = new MusicEvent[capacity];

    public int Count => _count;

    public MusicEvent this[int index] => _events[index];

    /// <summary>Inserts in frame order; false (event dropped) when full.</summary>
    public bool Add(in MusicEvent e)
    {
        if (_count == _events.Length) return false;
        if (e.Kind == MusicEventKind.NoteOn) PullForwardOff(e.Part, e.Pitch, e.Frame);
        int i = _count++;
        while (i > 0 && _events[i - 1].Frame > e.Frame)
        {
            _events[i] = _events[i - 1];
            i--;
        }
        _events[i] = e;
        return true;
    }

    /// <summary>Drops every pending event of one part (the part has just been excluded).</summary>
    public void RemovePart(int part)
    {
        int kept = 0;
        for (int i = 0; i < _count; i++)
            if (_events[i].Part != part) _events[kept++] = _events[i];
        _count = kept;
    }

    /// <summary>Removes and returns the first event if it falls before <paramref name="frame"/>.</summary>
    public bool TryTakeBefore(long frame, out MusicEvent e)
    {
        if (_count == 0 || _events[0].Frame >= frame)
        {
            e = default;
            return false;
        }
        e = _events[0];
        Array.Copy(_events, 1, _events, 0, --_count);
        return true;
    }

    /// <summary>
    /// A pending note-off of the same part and pitch after a new note-on would silence the new note
    /// (the synthesizer releases every matching voice), so it moves to the note-on's frame, just before it.
    /// </summary>
    private void PullForwardOff(int part, int pitch, long frame)
    {
        for (int i = 0; i < _count; i++)
        {
            MusicEvent p = _events[i];
            if (p.Kind != MusicEventKind.NoteOff || p.Part != part || p.Pitch != pitch || p.Frame <= frame) continue;
            for (int j = i; j < _count - 1; j++) _events[j] = _events[j + 1];
            _count--;
            Add(MusicEvent.NoteOff(frame, part, pitch));
            return;
        }
    }
}
