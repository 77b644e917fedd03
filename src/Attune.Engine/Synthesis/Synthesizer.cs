using System.Runtime.CompilerServices;

namespace Attune.Engine.Synthesis;

/// <summary>
/// Turns timed <see cref="MusicEvent"/>s into stereo music: a fixed pool of voices split at event
/// frames for sample-accurate timing, a per-part mixer (smoothed gain, equal-power pan, reverb send)
/// and a shared FDN reverb return. Parts whose sound classes are excluded never sound.
/// Schedule from one control thread; Render from the audio thread.
/// </summary>
public sealed class Synthesizer : IAudioSource
{
    private readonly SpscQueue<MusicEvent> _queue;
    private readonly PartState[] _parts;
    private readonly Voice[] _voices;
    private readonly Reverb _reverb;
    private readonly float[] _sendL = new float[AudioFormat.BlockSize];
    private readonly float[] _sendR = new float[AudioFormat.BlockSize];
    private long _noteOrder;

    public Synthesizer(SynthSettings settings, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(random);
        Settings = settings;
        _queue = new SpscQueue<MusicEvent>(settings.EventQueueCapacity);
        _parts = new PartState[settings.Parts.Count];
        var used = new bool[Enum.GetValues<InstrumentKind>().Length];
        for (int p = 0; p < _parts.Length; p++)
        {
            PartSettings ps = settings.Parts[p];
            bool excluded = (InstrumentClasses.Of(ps.Kind) & settings.ExcludedClasses) != 0;
            _parts[p] = new PartState(ps, excluded);
            if (!excluded) used[(int)ps.Kind] = true;
        }
        // Build shared static tables now, not on the audio thread at the first note.
        RuntimeHelpers.RunClassConstructor(typeof(SineTable).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(ChimeGenerator).TypeHandle);
        RuntimeHelpers.RunClassConstructor(typeof(VectorSine).TypeHandle);
        _voices = new Voice[settings.MaxPolyphony];
        for (int v = 0; v < _voices.Length; v++)
        {
            var generators = new VoiceGenerator?[used.Length];
            for (int k = 0; k < used.Length; k++)
                if (used[k]) generators[k] = CreateGenerator((InstrumentKind)k, random.Fork());
            _voices[v] = new Voice(generators);
        }
        ReverbSettings r = settings.Reverb;
        _reverb = new Reverb(new ReverbSettings(r.DecaySeconds, r.Damping, r.Wet, dry: 0f));
    }

    public SynthSettings Settings { get; }

    /// <summary>Absolute frame of the next sample Render will produce.</summary>
    public long FramePosition { get; private set; }

    /// <summary>Voices currently sounding (never more than MaxPolyphony).</summary>
    public int ActiveVoices
    {
        get
        {
            int count = 0;
            foreach (Voice v in _voices) if (v.IsActive) count++;
            return count;
        }
    }

    /// <summary>
    /// Queues an event (control thread). Events must be scheduled in non-decreasing frame order;
    /// one whose frame has passed plays at the start of the next block. False when the queue is full.
    /// </summary>
    public bool Schedule(in MusicEvent e)
    {
        bool global = (e.Kind == MusicEventKind.AllNotesOff && e.Part < 0)
            || (e.Kind == MusicEventKind.Control && e.ControlKind == ControlKind.ReverbDecaySeconds);
        if (!global && (uint)e.Part >= (uint)_parts.Length)
            throw new ArgumentOutOfRangeException(nameof(e), e.Part, $"event part must be in 0..{_parts.Length - 1}");
        return _queue.TryEnqueue(e);
    }

    public void Render(Span<float> left, Span<float> right)
    {
        int n = left.Length;
        if (n > AudioFormat.BlockSize || right.Length != n)
            throw new ArgumentException($"left and right must have equal length ≤ {AudioFormat.BlockSize} (got {left.Length}, {right.Length})", nameof(left));
        left.Clear();
        right.Clear();
        Span<float> sendL = _sendL.AsSpan(0, n), sendR = _sendR.AsSpan(0, n);
        sendL.Clear();
        sendR.Clear();

        long blockStart = FramePosition, blockEnd = blockStart + n;
        int pos = 0;
        while (pos < n)
        {
            while (_queue.TryPeek(out MusicEvent e) && e.Frame <= blockStart + pos)
            {
                _queue.TryDequeue(out _);
                Apply(e);
            }
            int end = n;
            if (_queue.TryPeek(out MusicEvent next) && next.Frame < blockEnd) end = (int)(next.Frame - blockStart);
            RenderSegment(pos, end - pos, left, right, sendL, sendR);
            pos = end;
        }

        _reverb.Process(sendL, sendR);
        BlockMath.MultiplyAdd(left, sendL, 1f);
        BlockMath.MultiplyAdd(right, sendR, 1f);
        FramePosition = blockEnd;
    }

    private void RenderSegment(int offset, int n, Span<float> left, Span<float> right, Span<float> sendL, Span<float> sendR)
    {
        foreach (PartState part in _parts)
        {
            // The first voice to write a bus in this segment clears it.
            part.BusUsed = false;
            part.BusStereo = false;
        }
        foreach (Voice voice in _voices)
            if (voice.IsActive) voice.Render(_parts, offset, n);
        foreach (PartState part in _parts) Mix(part, offset, n, left, right, sendL, sendR);
    }

    /// <summary>Per-part gain × density, equal-power pan and send, ramped linearly across the segment.</summary>
    private static void Mix(PartState part, int offset, int n, Span<float> left, Span<float> right, Span<float> sendL, Span<float> sendR)
    {
        float g0 = part.Gain.Current * part.Density.Current, p0 = part.Pan.Current, s0 = part.Send.Current;
        Advance(ref part.Gain, n);
        Advance(ref part.Density, n);
        Advance(ref part.Pan, n);
        Advance(ref part.Send, n);
        Advance(ref part.Brightness, n);
        if (!part.BusUsed) return;
        float g1 = part.Gain.Current * part.Density.Current, p1 = part.Pan.Current, s1 = part.Send.Current;
        PanGains(p0, out float l0, out float r0);
        PanGains(p1, out float l1, out float r1);
        l0 *= g0; r0 *= g0; l1 *= g1; r1 *= g1;
        float dl = (l1 - l0) / n, dr = (r1 - r0) / n, ds = (s1 - s0) / n;
        float[] busL = part.BusL, busR = part.BusStereo ? part.BusR : part.BusL;
        if (dl == 0 && dr == 0 && ds == 0)
        {
            // Steady controls: whole-vector multiply-adds.
            ReadOnlySpan<float> bl = busL.AsSpan(offset, n), br = busR.AsSpan(offset, n);
            BlockMath.MultiplyAdd(left.Slice(offset, n), bl, l0);
            BlockMath.MultiplyAdd(right.Slice(offset, n), br, r0);
            BlockMath.MultiplyAdd(sendL.Slice(offset, n), bl, l0 * s0);
            BlockMath.MultiplyAdd(sendR.Slice(offset, n), br, r0 * s0);
            return;
        }
        for (int i = 0; i < n; i++)
        {
            float a = busL[offset + i] * l0, b = busR[offset + i] * r0;
            left[offset + i] += a;
            right[offset + i] += b;
            sendL[offset + i] += a * s0;
            sendR[offset + i] += b * s0;
            l0 += dl; r0 += dr; s0 += ds;
        }
    }

    private static void Advance(ref SmoothedValue value, int frames)
    {
        for (int i = 0; i < frames && value.IsSmoothing; i++) value.Next();
    }

    // Equal-power law: cos/sin of (pan+1)·π/4, scaled by √2 so centre is unity in each channel.
    private static void PanGains(float pan, out float left, out float right)
    {
        double angle = (pan + 1) * Math.PI / 4;
        left = (float)(Math.Cos(angle) * Math.Sqrt(2));
        right = (float)(Math.Sin(angle) * Math.Sqrt(2));
    }

    private void Apply(in MusicEvent e)
    {
        switch (e.Kind)
        {
            case MusicEventKind.NoteOn:
                if (e.Velocity <= 0f) NoteOff(e.Part, e.Pitch);
                else NoteOn(e.Part, e.Pitch, e.Velocity);
                break;
            case MusicEventKind.NoteOff:
                NoteOff(e.Part, e.Pitch);
                break;
            case MusicEventKind.AllNotesOff:
                foreach (Voice v in _voices)
                {
                    if (v.HasPendingForPart(e.Part)) v.CancelPending();
                    if (v.IsActive && (e.Part < 0 || v.Part == e.Part) && !v.IsStealing) v.Release();
                }
                break;
            case MusicEventKind.Control:
                ApplyControl(e);
                break;
        }
    }

    private void NoteOn(int part, int pitch, float velocity)
    {
        if (_parts[part].Excluded) return;
        long order = ++_noteOrder;
        Voice? free = null, victim = null;
        float victimLevel = float.MaxValue;
        foreach (Voice v in _voices)
        {
            if (!v.IsActive) { free = v; break; }
            if (v.IsStealing) continue;
            float level = v.Level;
            // Quietest wins; among equals the oldest.
            if (level < victimLevel || (level == victimLevel && v.Order < victim!.Order))
            {
                victim = v;
                victimLevel = level;
            }
        }
        if (free is not null) free.Start(_parts, part, pitch, velocity, order);
        else if (victim is not null) victim.Steal(part, pitch, velocity, order);
        else StealOldestPending(part, pitch, velocity, order);
    }

    /// <summary>Every slot is already fading for a steal: replace the oldest pending note.</summary>
    private void StealOldestPending(int part, int pitch, float velocity, long order)
    {
        Voice oldest = _voices[0];
        foreach (Voice v in _voices) if (v.Order < oldest.Order) oldest = v;
        oldest.Steal(part, pitch, velocity, order);
    }

    private void NoteOff(int part, int pitch)
    {
        foreach (Voice v in _voices)
        {
            if (v.HasPendingNote(part, pitch)) v.CancelPending();
            else if (v.IsActive && v.Part == part && v.Pitch == pitch && !v.IsReleasing && !v.IsStealing) v.Release();
        }
    }

    private void ApplyControl(in MusicEvent e)
    {
        if (e.ControlKind == ControlKind.ReverbDecaySeconds)
        {
            _reverb.SetDecay(Math.Clamp(e.Value, 1f, 8f));
            return;
        }
        PartState part = _parts[e.Part];
        switch (e.ControlKind)
        {
            case ControlKind.Brightness: part.Brightness.SetTarget(Math.Clamp(e.Value, 0f, 1f)); break;
            case ControlKind.AttackSeconds: part.AttackSeconds = Math.Clamp(e.Value, 0.002f, 8f); break;
            case ControlKind.ReleaseSeconds: part.ReleaseSeconds = Math.Clamp(e.Value, 0.005f, 10f); break;
            case ControlKind.Density: part.Density.SetTarget(Math.Clamp(e.Value, 0f, 1f)); break;
            case ControlKind.PartGain:
                part.Gain.SetTarget(e.Value <= -60f ? 0f : (float)Decibels.ToGain(Math.Min(e.Value, 12f)));
                break;
            case ControlKind.Pan: part.Pan.SetTarget(Math.Clamp(e.Value, -1f, 1f)); break;
            case ControlKind.ReverbSend: part.Send.SetTarget(Math.Clamp(e.Value, 0f, 1f)); break;
        }
    }

    private static VoiceGenerator CreateGenerator(InstrumentKind kind, SeededRandom random) => kind switch
    {
        InstrumentKind.WarmPad => new PadGenerator(random),
        InstrumentKind.SoftKeys => new KeysGenerator(),
        InstrumentKind.RoundBass => new BassGenerator(),
        InstrumentKind.Chimes => new ChimeGenerator(),
        _ => new TextureGenerator(kind, random),
    };
}
