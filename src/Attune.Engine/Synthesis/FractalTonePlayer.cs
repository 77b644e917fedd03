namespace Attune.Engine.Synthesis;

/// <summary>
/// Fractal tones for tinnitus relief (in the manner of Widex Zen, Sweetow &amp; Sabes 2010): slow,
/// non-repeating chime melodies over a major pentatonic scale whose pitches follow a 1/f process,
/// one beat per note slot with rests, optionally over a soft pad drone, with reverb. Seeded: the
/// same seed and settings give the same melody and samples. Every note played is recorded.
/// Render and the setters belong to the audio thread.
/// </summary>
public sealed class FractalTonePlayer : IAudioSource
{
    private const int ChimePart = 0, PadPart = 1, MaxPendingOffs = 8;
    private static readonly int[] Pentatonic = [0, 2, 4, 7, 9];
    private readonly Synthesizer _synth;
    private readonly FractalMelody _melody;
    private readonly SeededRandom _random;
    private readonly List<MusicEvent> _played;
    private readonly int _maxRecorded;
    private readonly int _lowestNote;
    private readonly long[] _offFrames = new long[MaxPendingOffs];
    private readonly int[] _offPitches = new int[MaxPendingOffs];
    private int _pendingOffs;
    private long _nextBeat;
    private bool _droneStarted;
    private float _notesPerMinute, _density;

    public FractalTonePlayer(FractalToneSettings settings, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(random);
        Settings = settings;
        _notesPerMinute = settings.NotesPerMinute;
        _density = settings.Density;
        _lowestNote = settings.LowestNote;
        var parts = new List<PartSettings> { new(InstrumentKind.Chimes, 0f, 0f, 0.45f) };
        if (settings.PadDrone) parts.Add(new PartSettings(InstrumentKind.WarmPad, -14f, 0f, 0.6f));
        PartInstruments = [.. parts.Select(p => p.Kind)];
        _synth = new Synthesizer(new SynthSettings(parts, maxPolyphony: 16, new ReverbSettings(settings.ReverbSeconds, 0.4f, 0.8f)), random.Fork());
        _melody = new FractalMelody(random.Fork(), 5 * settings.RangeOctaves + 1);
        _random = random.Fork();
        _maxRecorded = settings.MaxRecordedEvents;
        _played = new List<MusicEvent>(_maxRecorded);
        _nextBeat = AudioFormat.SampleRate / 2; // first note after half a second
    }

    public FractalToneSettings Settings { get; }

    /// <summary>Every note on/off played so far, in time order (up to MaxRecordedEvents).</summary>
    public IReadOnlyList<MusicEvent> PlayedEvents => _played;

    /// <summary>The instrument of each part index used in <see cref="PlayedEvents"/> (for MIDI export).</summary>
    public IReadOnlyList<InstrumentKind> PartInstruments { get; }

    public long FramePosition => _synth.FramePosition;

    /// <summary>Notes per minute (20..90); takes effect from the next beat.</summary>
    public float NotesPerMinute
    {
        get => _notesPerMinute;
        set
        {
            FractalToneSettings.ValidateTempo(value, nameof(value));
            _notesPerMinute = value;
        }
    }

    /// <summary>Probability of a note on each beat (0.1..1).</summary>
    public float Density
    {
        get => _density;
        set
        {
            FractalToneSettings.ValidateDensity(value, nameof(value));
            _density = value;
        }
    }

    public void Render(Span<float> left, Span<float> right)
    {
        GenerateUntil(_synth.FramePosition + left.Length, schedule: true);
        _synth.Render(left, right);
    }

    /// <summary>Generates (and records) every event before <paramref name="frame"/>; tests call it without rendering.</summary>
    internal void GenerateUntil(long frame, bool schedule)
    {
        if (!_droneStarted)
        {
            _droneStarted = true;
            if (Settings.PadDrone) Emit(MusicEvent.NoteOn(0, PadPart, Math.Max(24, _lowestNote - 12), 0.5f), schedule);
        }
        while (true)
        {
            int earliest = EarliestOff();
            long offFrame = earliest >= 0 ? _offFrames[earliest] : long.MaxValue;
            long next = Math.Min(offFrame, _nextBeat);
            if (next >= frame) break;
            if (offFrame <= _nextBeat)
            {
                Emit(MusicEvent.NoteOff(offFrame, ChimePart, _offPitches[earliest]), schedule);
                _offFrames[earliest] = _offFrames[--_pendingOffs];
                _offPitches[earliest] = _offPitches[_pendingOffs];
            }
            else
            {
                Beat(schedule);
            }
        }
    }

    private void Beat(bool schedule)
    {
        long beatFrames = (long)(60.0 / _notesPerMinute * AudioFormat.SampleRate);
        long onset = _nextBeat;
        _nextBeat += beatFrames;
        if (_random.NextDouble() >= _density || _pendingOffs == MaxPendingOffs) return;
        int degree = _melody.NextDegree();
        int pitch = _lowestNote + 12 * (degree / 5) + Pentatonic[degree % 5];
        float velocity = (float)(0.45 + 0.3 * _random.NextDouble());
        // A gentle late sway (0–30 ms) keeps the line from sounding mechanical; note-offs stay on
        // the beat grid, so events remain in time order.
        long sway = (long)(_random.NextDouble() * 0.03 * AudioFormat.SampleRate);
        Emit(MusicEvent.NoteOn(onset + sway, ChimePart, pitch, velocity), schedule);
        _offFrames[_pendingOffs] = onset + beatFrames * (1 + _random.Next(3));
        _offPitches[_pendingOffs++] = pitch;
    }

    private int EarliestOff()
    {
        int best = -1;
        for (int i = 0; i < _pendingOffs; i++)
            if (best < 0 || _offFrames[i] < _offFrames[best]) best = i;
        return best;
    }

    private void Emit(in MusicEvent e, bool schedule)
    {
        if (schedule) _synth.Schedule(e);
        if (_played.Count < _maxRecorded) _played.Add(e);
    }
}
