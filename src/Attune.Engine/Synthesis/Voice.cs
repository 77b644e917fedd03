namespace Attune.Engine.Synthesis;

/// <summary>
/// One slot of the synthesizer's fixed voice pool. It owns a generator for every instrument the
/// synthesizer uses, so a slot can be stolen across parts: the old note fades out over 5 ms, then
/// the pending note starts in the same slot, keeping the pool size a hard polyphony limit.
/// </summary>
internal sealed class Voice
{
    private const int StealFadeFrames = AudioFormat.SampleRate / 200; // 5 ms
    // −100 dB: a voice this quiet is below 16-bit resolution, so freeing it is inaudible.
    private const float SilentLevel = 1e-5f;
    private readonly VoiceGenerator?[] _generators;
    private readonly float[] _left = new float[AudioFormat.BlockSize];
    private readonly float[] _right = new float[AudioFormat.BlockSize];
    private readonly float[] _gain = new float[AudioFormat.BlockSize];
    private VoiceGenerator? _generator;
    private PartState? _part;
    private Envelope _envelope;
    private float _velocityGain;
    private int _fadeRemaining;
    private bool _hasPending;
    private int _pendingPart, _pendingPitch;
    private float _pendingVelocity;
    private long _pendingOrder;

    public Voice(VoiceGenerator?[] generatorsByKind) => _generators = generatorsByKind;

    public bool IsActive { get; private set; }
    public int Part { get; private set; } = -1;
    public int Pitch { get; private set; }
    public long Order { get; private set; }
    public bool IsStealing => _fadeRemaining > 0;
    public bool IsReleasing => _envelope.IsReleasing;

    /// <summary>
    /// Current loudness estimate for stealing: envelope × generator decay × velocity. A note still in
    /// its attack counts at its peak, so a chord struck into a full pool does not steal its own notes.
    /// </summary>
    public float Level => IsActive ? (_envelope.IsPastAttack ? _envelope.Level : 1f) * _velocityGain * (_generator?.Loudness ?? 0f) : 0f;

    public void Start(PartState[] parts, int part, int pitch, float velocity, long order)
    {
        PartState state = parts[part];
        _part = state;
        _generator = _generators[(int)state.Kind]!;
        Part = part;
        Pitch = pitch;
        Order = order;
        // Soft velocity curve: quiet notes stay audible, loud ones are not harsh.
        _velocityGain = (0.25f + 0.75f * velocity) * VoiceLevel(state.Kind);
        EnvelopeShape shape = _generator.Start(pitch, velocity, state);
        double minAttack = state.Kind == InstrumentKind.SoftKeys ? 0.005 : 0.002;
        double attack = float.IsNaN(state.AttackSeconds) ? shape.Attack : Math.Max(minAttack, state.AttackSeconds);
        double release = float.IsNaN(state.ReleaseSeconds) ? shape.Release : state.ReleaseSeconds;
        _envelope.Start(attack, shape.Decay, shape.Sustain, release);
        _fadeRemaining = 0;
        IsActive = true;
    }

    public void Release()
    {
        if (float.IsNaN(_part!.ReleaseSeconds)) _envelope.Release();
        else _envelope.Release(_part.ReleaseSeconds);
    }

    public void CancelPending() => _hasPending = false;

    /// <summary>Fades the sounding note out fast, then starts the given note in this slot.</summary>
    public void Steal(int part, int pitch, float velocity, long order)
    {
        if (!IsStealing) _fadeRemaining = StealFadeFrames;
        _hasPending = true;
        _pendingPart = part;
        _pendingPitch = pitch;
        _pendingVelocity = velocity;
        _pendingOrder = order;
        Order = order;
    }

    public bool HasPendingNote(int part, int pitch) => _hasPending && _pendingPart == part && _pendingPitch == pitch;

    /// <summary>Whether a pending note belongs to the part (any part when negative).</summary>
    public bool HasPendingForPart(int part) => _hasPending && (part < 0 || _pendingPart == part);

    /// <summary>Adds n frames at offset into the part's bus; starts a pending note once a steal fade ends.</summary>
    public void Render(PartState[] parts, int offset, int n)
    {
        PartState part = _part!;
        Span<float> l = _left.AsSpan(0, n), r = _right.AsSpan(0, n), g = _gain.AsSpan(0, n);
        _generator!.Render(l, r, part);
        _envelope.Render(g);
        float vg = _velocityGain;
        bool fadeEnded = false;
        if (_fadeRemaining > 0)
        {
            for (int i = 0; i < n; i++)
            {
                g[i] *= vg * _fadeRemaining / (float)StealFadeFrames;
                if (_fadeRemaining > 0) _fadeRemaining--;
            }
            fadeEnded = _fadeRemaining == 0;
            vg = 1f;
        }
        if (!part.BusUsed) part.BusL.AsSpan(offset, n).Clear();
        BlockMath.MultiplyAdd(part.BusL.AsSpan(offset, n), l, g, vg);
        if (!_generator.IsMono)
        {
            // Mono voices so far wrote BusL only, and it stands for both channels.
            if (!part.BusStereo) part.BusL.AsSpan(offset, n).CopyTo(part.BusR.AsSpan(offset, n));
            part.BusStereo = true;
            BlockMath.MultiplyAdd(part.BusR.AsSpan(offset, n), r, g, vg);
        }
        part.BusUsed = true;

        if (fadeEnded || !_envelope.IsActive || _generator.IsSilent || (_envelope.IsPastAttack && Level < SilentLevel))
        {
            IsActive = false;
            _envelope.Stop();
            Part = -1;
            if (_hasPending)
            {
                _hasPending = false;
                Start(parts, _pendingPart, _pendingPitch, _pendingVelocity, _pendingOrder);
            }
        }
    }

    public void Kill()
    {
        IsActive = false;
        _hasPending = false;
        _fadeRemaining = 0;
        _envelope.Stop();
        Part = -1;
    }

    /// <summary>Per-instrument level so one full-velocity voice peaks near −12 dBFS and a chord has headroom.</summary>
    private static float VoiceLevel(InstrumentKind kind) => kind switch
    {
        InstrumentKind.WarmPad => 0.25f,
        InstrumentKind.SoftKeys => 0.28f,
        InstrumentKind.RoundBass => 0.3f,
        InstrumentKind.Chimes => 0.18f,
        InstrumentKind.Rain => 0.3f,
        InstrumentKind.Wind => 0.15f,
        _ => 0.12f,
    };
}
