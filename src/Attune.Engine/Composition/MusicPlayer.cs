using Attune.Engine.Composition.Model;
using Attune.Engine.Synthesis;

namespace Attune.Engine.Composition;

/// <summary>
/// Adaptive generative music: every beat (its length from the gliding tempo) the trained chorale
/// model samples a frame, steered by the intent (register window, 3–4 voices, temperature from
/// predictability, mode), and the <see cref="Arranger"/> turns it into pad, keys, bass and texture
/// events for a <see cref="Synthesizer"/>. With a tinnitus frequency in the profile a notch-support
/// layer adds energy around fT (see <see cref="NotchSupport"/>). Parts whose sound classes the
/// profile excludes never sound: the texture is Stream, or Wind when water sounds are excluded, or
/// none when both are; when noise-like classes are excluded the notch support turns tonal.
/// Same model, profile, intents and seed → same samples.
/// <see cref="SetIntent"/> may be called from a control thread; it takes effect at the next block.
/// Render allocates nothing once the first beats have been arranged.
/// </summary>
public sealed class MusicPlayer : IAudioSource
{
    public const int DefaultMaxRecordedEvents = 200_000;
    private const int MaxVoices = 4, MinVoices = 3;
    private const int RegisterBelow = 20, RegisterAbove = 16;
    private const int TemperatureSteps = 20;

    private readonly Synthesizer _synth;
    private readonly ChoraleSampler _sampler;
    private readonly Arranger _arranger;
    private readonly IntentGlide _glide;
    private readonly NotchSupport? _support;
    private readonly EventSchedule _schedule = new(1024);
    private readonly List<MusicEvent> _played;
    private readonly int _maxRecorded;
    private readonly int[] _notes = new int[ChoraleCorpus.KeyCount];
    // Sampler steering for every (mode, register, temperature step), built up front: no allocation per beat.
    private readonly SamplingSettings[] _steering;
    private ArousalRamp? _ramp;
    private MusicalIntent? _pendingIntent;
    private int _steeringIndex = -1;
    private long _nextBeat = AudioFormat.SampleRate / 10;
    private long _frame;
    private int _pendingExclusions, _sessionExcluded;

    /// <param name="texture">The texture part's instrument (Rain, Wind or Stream, e.g. from a preset); null picks one the profile allows.</param>
    /// <param name="lead">The melody part's instrument (SoftKeys or Chimes, e.g. from a preset).</param>
    public MusicPlayer(ChoraleNade model, TherapyProfile profile, MusicalIntent initial, SeededRandom random,
        int maxRecordedEvents = DefaultMaxRecordedEvents, InstrumentKind? texture = null, InstrumentKind lead = InstrumentKind.SoftKeys)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(random);
        if (maxRecordedEvents < 0)
            throw new ArgumentOutOfRangeException(nameof(maxRecordedEvents), maxRecordedEvents, "maxRecordedEvents must be ≥ 0");
        Profile = profile;
        InitialIntent = initial;
        _glide = new IntentGlide(initial);
        if (texture is InstrumentKind t && t is not (InstrumentKind.Rain or InstrumentKind.Wind or InstrumentKind.Stream))
            throw new ArgumentOutOfRangeException(nameof(texture), t, "texture must be Rain, Wind or Stream");
        if (lead is not (InstrumentKind.SoftKeys or InstrumentKind.Chimes))
            throw new ArgumentOutOfRangeException(nameof(lead), lead, "lead must be SoftKeys or Chimes");
        _arranger = new Arranger(texture ?? Arranger.TextureFor(profile.ExcludedClasses), profile.ExcludedClasses, lead);
        PartInstruments = _arranger.PartInstruments;
        PartSettings[] parts =
        [
            new(InstrumentKind.WarmPad, Arranger.PadDb, 0f, 0.5f),
            new(lead, Arranger.KeysDb, 0.25f, 0.35f),
            new(InstrumentKind.RoundBass, Arranger.BassDb, 0f, 0.1f),
            new(_arranger.TextureKind, Arranger.TextureDb, 0f, 0.3f),
        ];
        _synth = new Synthesizer(new SynthSettings(parts, maxPolyphony: 32, new ReverbSettings(3.5f, 0.4f, 0.7f),
            profile.ExcludedClasses), random.Fork());
        // The corpus is in C; a seeded transposition of −5..+6 semitones picks the key.
        int transposition = random.Next(12) - 5;
        Tonic = (transposition + 12) % 12;
        _steering = BuildSteering(transposition, Tonic);
        _sampler = new ChoraleSampler(model, SteeringFor(out _steeringIndex), random.NextUInt64());
        SeededRandom supportRandom = random.Fork();
        if (profile.TinnitusHz is double ft)
            _support = new NotchSupport(ft, profile.NotchOctaves, profile.ExcludedClasses, Tonic, supportRandom);
        _maxRecorded = maxRecordedEvents;
        _played = new List<MusicEvent>(maxRecordedEvents); // full capacity up front: recording never allocates
    }

    /// <summary>
    /// The player for a rendered session: arousal moves linearly from <paramref name="arousalStart"/>
    /// to <paramref name="arousalEnd"/> (each in [0, 1], 0.5 = baseline) over <paramref name="minutes"/>,
    /// each step through <see cref="MusicalIntent.ForArousal"/> and the glide.
    /// </summary>
    /// <param name="texture">The texture instrument (e.g. from a preset); null picks one the profile allows.</param>
    /// <param name="lead">The melody instrument (SoftKeys or Chimes).</param>
    /// <param name="maxRecordedEvents">Capacity of <see cref="PlayedEvents"/>, allocated up front (0 when nothing reads it, as in a live session).</param>
    public static MusicPlayer ForSession(ChoraleNade model, TherapyProfile profile, ulong seed,
        double arousalStart = 0.5, double arousalEnd = 0.5, double minutes = 30,
        InstrumentKind? texture = null, InstrumentKind lead = InstrumentKind.SoftKeys, int maxRecordedEvents = DefaultMaxRecordedEvents)
    {
        if (!(arousalStart >= 0 && arousalStart <= 1))
            throw new ArgumentOutOfRangeException(nameof(arousalStart), arousalStart, "arousalStart must be in 0–1");
        if (!(arousalEnd >= 0 && arousalEnd <= 1))
            throw new ArgumentOutOfRangeException(nameof(arousalEnd), arousalEnd, "arousalEnd must be in 0–1");
        if (!(minutes > 0 && minutes <= RenderSettings.MaxMinutes))
            throw new ArgumentOutOfRangeException(nameof(minutes), minutes, $"minutes must be in (0, {RenderSettings.MaxMinutes}]");
        var player = new MusicPlayer(model, profile, MusicalIntent.ForArousal(arousalStart), new SeededRandom(seed), maxRecordedEvents, texture, lead);
        player._ramp = new ArousalRamp(arousalStart, arousalEnd, (long)(minutes * 60 * AudioFormat.SampleRate));
        return player;
    }

    public TherapyProfile Profile { get; }

    public MusicalIntent InitialIntent { get; }

    /// <summary>Pitch class of the key's tonic (seeded).</summary>
    public int Tonic { get; }

    /// <summary>The intent now playing (the glide's position; allocates a record).</summary>
    public MusicalIntent CurrentIntent => _glide.Current;

    /// <summary>Where the glide is heading.</summary>
    public MusicalIntent TargetIntent => _glide.Target;

    /// <summary>Every note on/off played so far, in time order (up to the recording limit).</summary>
    public IReadOnlyList<MusicEvent> PlayedEvents => _played;

    /// <summary>The instrument of each part index used in <see cref="PlayedEvents"/> (for MIDI export).</summary>
    public IReadOnlyList<InstrumentKind> PartInstruments { get; }

    /// <summary>Whether a notch-support layer plays, and whether it is the tonal form.</summary>
    public bool HasNotchSupport => _support is { IsSilent: false };
    public bool NotchSupportIsTonal => _support is { IsTonal: true, IsSilent: false };

    public long FramePosition => _frame;

    /// <summary>Sets the intent to glide towards (any thread; read at the next block). Ends a session ramp.</summary>
    public void SetIntent(MusicalIntent target)
    {
        ArgumentNullException.ThrowIfNull(target);
        Volatile.Write(ref _pendingIntent, target);
    }

    /// <summary>
    /// Removes sound classes from the music from the next block on (any thread), e.g. after a dislike
    /// tagged with a trigger: the parts that use them fade out over 50 ms and are never scheduled again.
    /// </summary>
    public void Exclude(SoundClass classes) => Interlocked.Or(ref _pendingExclusions, (int)classes);

    /// <summary>Sound classes excluded during the session (on top of the profile's).</summary>
    public SoundClass SessionExcludedClasses => (SoundClass)Volatile.Read(ref _sessionExcluded);

    public void Render(Span<float> left, Span<float> right)
    {
        Step(left.Length, schedule: true);
        _synth.Render(left, right);
        _support?.AddTo(left, right);
    }

    /// <summary>Arranges (and records) every event before <paramref name="frame"/> without rendering audio; tests call it.</summary>
    internal void GenerateUntil(long frame)
    {
        while (_frame < frame) Step((int)Math.Min(AudioFormat.BlockSize, frame - _frame), schedule: false);
    }

    /// <summary>One block of control: intent hand-over, glide, the beats that start in the block, their events.</summary>
    private void Step(int n, bool schedule)
    {
        MusicalIntent? pending = Interlocked.Exchange(ref _pendingIntent, null);
        if (pending is not null)
        {
            _ramp = null;
            _glide.Target = pending;
        }
        else if (_ramp is not null)
        {
            _glide.Target = _ramp.At(_frame);
        }
        _glide.Advance((double)n / AudioFormat.SampleRate);
        int exclusions = Interlocked.Exchange(ref _pendingExclusions, 0);
        if (exclusions != 0) ApplyExclusions((SoundClass)exclusions);

        long end = _frame + n;
        while (_nextBeat < end) Beat();
        while (_schedule.TryTakeBefore(end, out MusicEvent e))
        {
            if (schedule) _synth.Schedule(e);
            if (e.Kind != MusicEventKind.Control && _played.Count < _maxRecorded) _played.Add(e);
        }
        _frame = end;
    }

    private void ApplyExclusions(SoundClass classes)
    {
        Volatile.Write(ref _sessionExcluded, _sessionExcluded | (int)classes);
        int stopped = _arranger.Exclude(classes);
        for (int part = 0; part < PartInstruments.Count; part++)
        {
            if ((stopped & (1 << part)) == 0) continue;
            // Pending notes go; the part's gain glides to silence (the synthesizer smooths it over 50 ms), then its voices end.
            _schedule.RemovePart(part);
            _schedule.Add(MusicEvent.Control(_frame, part, ControlKind.PartGain, -80f));
            _schedule.Add(MusicEvent.AllNotesOff(_frame + AudioFormat.SampleRate / 10, part));
        }
    }

    private void Beat()
    {
        long beatFrames = (long)Math.Round(60.0 / _glide.TempoBpm * AudioFormat.SampleRate);
        SamplingSettings steering = SteeringFor(out int index);
        if (index != _steeringIndex)
        {
            _steeringIndex = index;
            _sampler.Settings = steering;
        }
        int count = _sampler.NextFrame(_notes);
        _arranger.Beat(_notes.AsSpan(0, count), _nextBeat, beatFrames, _glide, _schedule);
        _nextBeat += beatFrames;
    }

    private SamplingSettings SteeringFor(out int index)
    {
        int mode = _glide.Mode == ScaleMode.Minor ? 1 : 0;
        int register = (int)Math.Round(_glide.Register) - MusicalIntent.MinRegister;
        int temperature = (int)Math.Round(_glide.Predictability * TemperatureSteps);
        index = (mode * (MusicalIntent.MaxRegister - MusicalIntent.MinRegister + 1) + register) * (TemperatureSteps + 1) + temperature;
        return _steering[index];
    }

    private static SamplingSettings[] BuildSteering(int transposition, int tonic)
    {
        int registers = MusicalIntent.MaxRegister - MusicalIntent.MinRegister + 1;
        var table = new SamplingSettings[2 * registers * (TemperatureSteps + 1)];
        int i = 0;
        foreach (ScaleMode mode in (ScaleMode[])[ScaleMode.Major, ScaleMode.Minor])
        {
            for (int r = 0; r < registers; r++)
            {
                int centre = MusicalIntent.MinRegister + r;
                for (int t = 0; t <= TemperatureSteps; t++)
                {
                    double predictability = (double)t / TemperatureSteps;
                    table[i++] = new SamplingSettings
                    {
                        Temperature = MusicalIntent.TemperatureFor(predictability),
                        LowestNote = centre - RegisterBelow,
                        HighestNote = centre + RegisterAbove,
                        MinVoices = MinVoices,
                        MaxVoices = MaxVoices,
                        Mode = mode,
                        Tonic = tonic,
                        Transposition = transposition,
                    };
                }
            }
        }
        return table;
    }
}
