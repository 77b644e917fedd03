using Attune.Engine.Synthesis;

namespace Attune.Engine.Composition;

/// <summary>
/// Turns one chorale frame per beat into events for four parts: a sustained pad holding every
/// frame note (common tones are held, only changed notes move), a soft-keys line from the upper
/// voice (one note every 1–2 beats when calm, up to two per beat with arpeggiation through the
/// chord when aroused), a round bass on the lowest voice every other beat (the half-bar
/// downbeats), and a continuous texture. Attack, release, velocity, brightness and gain follow the
/// gliding intent. A part whose sound classes the profile excludes is never scheduled.
/// </summary>
internal sealed class Arranger
{
    public const int PadPart = 0, KeysPart = 1, BassPart = 2, TexturePart = 3;
    private const int MaxHeld = 16;
    // Part gains (dB) at LoudnessDb = 0: the pad carries the harmony, the texture stays in the background.
    public const float PadDb = -4f, KeysDb = -5f, BassDb = -6f, TextureDb = -22f;

    private readonly bool[] _plays = new bool[4];
    private readonly int[] _held = new int[MaxHeld];
    private int _heldCount;
    private double _keysCredit = 0.999; // the first beat gets a keys note
    private int _arpeggio, _lastKeys = -1;
    private long _beat;
    private bool _textureStarted;

    public Arranger(InstrumentKind textureKind, SoundClass excludedClasses, InstrumentKind leadKind = InstrumentKind.SoftKeys)
    {
        TextureKind = textureKind;
        PartInstruments = [InstrumentKind.WarmPad, leadKind, InstrumentKind.RoundBass, textureKind];
        for (int p = 0; p < _plays.Length; p++) _plays[p] = (InstrumentClasses.Of(PartInstruments[p]) & excludedClasses) == 0;
    }

    public InstrumentKind TextureKind { get; }

    /// <summary>The instrument of each part index, in part order.</summary>
    public IReadOnlyList<InstrumentKind> PartInstruments { get; }

    /// <summary>Whether a part is ever scheduled (false when the profile excludes one of its sound classes).</summary>
    public bool Plays(int part) => _plays[part];

    /// <summary>Stops scheduling every part that uses one of <paramref name="classes"/>; returns a bit per part newly stopped.</summary>
    public int Exclude(SoundClass classes)
    {
        int stopped = 0;
        for (int p = 0; p < _plays.Length; p++)
        {
            if (!_plays[p] || (InstrumentClasses.Of(PartInstruments[p]) & classes) == 0) continue;
            _plays[p] = false;
            stopped |= 1 << p;
        }
        return stopped;
    }

    /// <summary>The texture for a profile: Stream unless water sounds are excluded and wind is not.</summary>
    public static InstrumentKind TextureFor(SoundClass excludedClasses) =>
        (excludedClasses & InstrumentClasses.Of(InstrumentKind.Stream)) != 0
        && (excludedClasses & InstrumentClasses.Of(InstrumentKind.Wind)) == 0
            ? InstrumentKind.Wind
            : InstrumentKind.Stream;

    /// <summary>Arranges one beat starting at <paramref name="start"/>, <paramref name="beatFrames"/> long.</summary>
    public void Beat(ReadOnlySpan<int> frame, long start, long beatFrames, IntentGlide intent, EventSchedule schedule)
    {
        float loudness = (float)intent.LoudnessDb;
        float brightness = (float)intent.Brightness;
        double attack = intent.AttackSeconds;
        // Dynamics and articulation: louder intent strikes harder (velocity also opens the keys' FM index).
        float velocity = (float)(0.35 + 0.5 * (intent.LoudnessDb - MusicalIntent.MinLoudnessDb) / -MusicalIntent.MinLoudnessDb);

        Controls(schedule, start, PadPart, PadDb + loudness, brightness, Math.Min(3.0, 12 * attack), 1.5 + 15 * attack);
        Controls(schedule, start, KeysPart, KeysDb + loudness, brightness, attack, 0.3 + 4 * attack);
        Controls(schedule, start, BassPart, BassDb + loudness, brightness, 1.5 * attack, 0.2 + 3 * attack);
        if (_plays[TexturePart])
        {
            schedule.Add(MusicEvent.Control(start, TexturePart, ControlKind.PartGain, TextureDb + loudness));
            schedule.Add(MusicEvent.Control(start, TexturePart, ControlKind.Brightness, brightness));
            schedule.Add(MusicEvent.Control(start, TexturePart, ControlKind.Density, (float)intent.Density));
            if (!_textureStarted) schedule.Add(MusicEvent.NoteOn(start, TexturePart, 60, 0.6f));
            _textureStarted = true;
        }

        if (frame.Length > 0)
        {
            Pad(frame, start, velocity * 0.8f, schedule);
            if (_beat % 2 == 0) Bass(frame[0], start, beatFrames, velocity, schedule);
            Keys(frame, start, beatFrames, intent.OnsetsPerBeat, velocity, schedule);
        }
        _beat++;
    }

    private void Controls(EventSchedule schedule, long frame, int part, float gainDb, float brightness, double attack, double release)
    {
        if (!_plays[part]) return;
        schedule.Add(MusicEvent.Control(frame, part, ControlKind.PartGain, gainDb));
        schedule.Add(MusicEvent.Control(frame, part, ControlKind.Brightness, brightness));
        schedule.Add(MusicEvent.Control(frame, part, ControlKind.AttackSeconds, (float)attack));
        schedule.Add(MusicEvent.Control(frame, part, ControlKind.ReleaseSeconds, (float)release));
    }

    /// <summary>Releases pad notes that left the chord and starts the new ones; common tones sustain.</summary>
    private void Pad(ReadOnlySpan<int> frame, long start, float velocity, EventSchedule schedule)
    {
        if (!_plays[PadPart]) return;
        for (int i = 0; i < _heldCount; i++)
            if (frame.IndexOf(_held[i]) < 0) schedule.Add(MusicEvent.NoteOff(start, PadPart, _held[i]));
        for (int i = 0; i < frame.Length; i++)
            if (_held.AsSpan(0, _heldCount).IndexOf(frame[i]) < 0) schedule.Add(MusicEvent.NoteOn(start, PadPart, frame[i], velocity));
        _heldCount = Math.Min(frame.Length, MaxHeld);
        frame[.._heldCount].CopyTo(_held);
    }

    /// <summary>The lowest voice's pitch class in the octave below C3, held for most of two beats.</summary>
    private void Bass(int lowest, long start, long beatFrames, float velocity, EventSchedule schedule)
    {
        if (!_plays[BassPart]) return;
        int pitch = lowest;
        while (pitch >= 48) pitch -= 12;
        schedule.Add(MusicEvent.NoteOn(start, BassPart, pitch, velocity));
        schedule.Add(MusicEvent.NoteOff(start + beatFrames * 19 / 10, BassPart, pitch));
    }

    /// <summary>
    /// Onsets on an eighth-note grid, spread evenly by accumulating OnsetsPerBeat credit (below one
    /// onset per beat only downbeats are used); the first onset of a beat takes the upper voice,
    /// later ones arpeggiate down through the chord.
    /// </summary>
    private void Keys(ReadOnlySpan<int> frame, long start, long beatFrames, double onsetsPerBeat, float velocity, EventSchedule schedule)
    {
        int slots = onsetsPerBeat < 1 ? 1 : 2;
        long slotFrames = beatFrames / slots;
        long length = (long)(Math.Min(2.0, 1.0 / onsetsPerBeat) * beatFrames * 0.9);
        for (int s = 0; s < slots; s++)
        {
            _keysCredit += onsetsPerBeat / slots;
            if (_keysCredit < 1) continue;
            _keysCredit -= 1;
            if (!_plays[KeysPart]) continue;
            int pitch;
            // The upper voice, unless it would restrike the last keys note: then the line moves through the chord.
            if ((s == 0 || frame.Length < 2) && (frame[^1] != _lastKeys || frame.Length < 2))
            {
                pitch = frame[^1];
                _arpeggio = 0;
            }
            else
            {
                _arpeggio = _arpeggio % (frame.Length - 1) + 1;
                pitch = frame[frame.Length - 1 - _arpeggio];
                // Keep the arpeggio above the bass register.
                while (pitch < 55) pitch += 12;
            }
            _lastKeys = pitch;
            long onset = start + s * slotFrames;
            schedule.Add(MusicEvent.NoteOn(onset, KeysPart, pitch, velocity * (s == 0 ? 1f : 0.85f)));
            schedule.Add(MusicEvent.NoteOff(onset + length, KeysPart, pitch));
        }
    }
}
