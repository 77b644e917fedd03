using System.Buffers.Binary;

namespace Attune.Engine.Synthesis;

/// <summary>
/// Writes played <see cref="MusicEvent"/>s as a Standard MIDI File (format 1, 480 ticks per
/// quarter, one track per part on its own channel with a General MIDI program), so another
/// synthesizer (e.g. FluidSynth) can render the same notes. Not for the audio thread.
/// </summary>
public static class MidiFileWriter
{
    public const int TicksPerQuarter = 480;

    /// <summary>General MIDI program (0-based) closest to each instrument.</summary>
    public static byte GeneralMidiProgram(InstrumentKind kind) => kind switch
    {
        InstrumentKind.WarmPad => 89,   // Pad 2 (warm)
        InstrumentKind.SoftKeys => 4,   // Electric Piano 1
        InstrumentKind.RoundBass => 33, // Electric Bass (finger)
        InstrumentKind.Chimes => 14,    // Tubular Bells
        InstrumentKind.Rain => 96,      // FX 1 (rain)
        InstrumentKind.Wind => 122,     // Seashore
        InstrumentKind.Stream => 122,   // Seashore
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown instrument kind"),
    };

    /// <summary>MIDI channel of a part: parts in order, skipping channel 10 (index 9, percussion).</summary>
    public static int ChannelOf(int part) => part < 9 ? part : part + 1;

    public static void Write(Stream stream, IReadOnlyList<MusicEvent> events, IReadOnlyList<InstrumentKind> partInstruments,
        double beatsPerMinute = 120)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(partInstruments);
        if (partInstruments.Count is < 1 or > 15)
            throw new ArgumentOutOfRangeException(nameof(partInstruments), partInstruments.Count, "partInstruments must list 1..15 parts");
        if (!(beatsPerMinute >= 10 && beatsPerMinute <= 400))
            throw new ArgumentOutOfRangeException(nameof(beatsPerMinute), beatsPerMinute, "beatsPerMinute must be in 10..400");

        Chunk(stream, "MThd", Header((ushort)(partInstruments.Count + 1)));
        Chunk(stream, "MTrk", TempoTrack(beatsPerMinute));
        double ticksPerFrame = beatsPerMinute / 60.0 * TicksPerQuarter / AudioFormat.SampleRate;
        for (int part = 0; part < partInstruments.Count; part++)
            Chunk(stream, "MTrk", PartTrack(events, part, partInstruments[part], ticksPerFrame));
    }

    public static void WriteFile(string path, IReadOnlyList<MusicEvent> events, IReadOnlyList<InstrumentKind> partInstruments,
        double beatsPerMinute = 120)
    {
        using var file = File.Create(path);
        Write(file, events, partInstruments, beatsPerMinute);
    }

    private static byte[] Header(ushort tracks)
    {
        var h = new byte[6];
        BinaryPrimitives.WriteUInt16BigEndian(h, 1);
        BinaryPrimitives.WriteUInt16BigEndian(h.AsSpan(2), tracks);
        BinaryPrimitives.WriteUInt16BigEndian(h.AsSpan(4), TicksPerQuarter);
        return h;
    }

    private static byte[] TempoTrack(double bpm)
    {
        var t = new MemoryStream();
        int microsPerQuarter = (int)Math.Round(60_000_000 / bpm);
        t.Write([0, 0xFF, 0x51, 3, (byte)(microsPerQuarter >> 16), (byte)(microsPerQuarter >> 8), (byte)microsPerQuarter]);
        t.Write([0, 0xFF, 0x58, 4, 4, 2, 24, 8]); // 4/4
        t.Write([0, 0xFF, 0x2F, 0]);
        return t.ToArray();
    }

    private static byte[] PartTrack(IReadOnlyList<MusicEvent> events, int part, InstrumentKind kind, double ticksPerFrame)
    {
        var t = new MemoryStream();
        byte ch = (byte)ChannelOf(part);
        byte[] name = System.Text.Encoding.ASCII.GetBytes(kind.ToString());
        t.WriteByte(0); t.WriteByte(0xFF); t.WriteByte(0x03); VarLen(t, name.Length); t.Write(name);
        t.Write([0, (byte)(0xC0 | ch), GeneralMidiProgram(kind)]);

        // Stable sort by frame, so simultaneous events keep their order.
        var mine = new List<(long Frame, int Index)>();
        for (int i = 0; i < events.Count; i++)
            if (events[i].Part == part || (events[i].Kind == MusicEventKind.AllNotesOff && events[i].Part < 0))
                mine.Add((events[i].Frame, i));
        mine.Sort((a, b) => a.Frame != b.Frame ? a.Frame.CompareTo(b.Frame) : a.Index.CompareTo(b.Index));

        long lastTick = 0;
        foreach (var (frame, index) in mine)
        {
            MusicEvent e = events[index];
            if (!TryMessage(e, ch, out byte status, out byte data1, out byte data2)) continue;
            long tick = (long)Math.Round(frame * ticksPerFrame);
            VarLen(t, tick - lastTick);
            lastTick = tick;
            t.Write([status, data1, data2]);
        }
        t.Write([0, 0xFF, 0x2F, 0]);
        return t.ToArray();
    }

    private static bool TryMessage(in MusicEvent e, byte ch, out byte status, out byte data1, out byte data2)
    {
        status = data1 = data2 = 0;
        switch (e.Kind)
        {
            case MusicEventKind.NoteOn:
                (status, data1, data2) = ((byte)(0x90 | ch), (byte)e.Pitch, (byte)Math.Clamp((int)Math.Round(e.Velocity * 127), 1, 127));
                return true;
            case MusicEventKind.NoteOff:
                (status, data1, data2) = ((byte)(0x80 | ch), (byte)e.Pitch, 64);
                return true;
            case MusicEventKind.AllNotesOff:
                (status, data1, data2) = ((byte)(0xB0 | ch), 123, 0);
                return true;
            case MusicEventKind.Control:
                int cc = e.ControlKind switch
                {
                    ControlKind.Brightness => 74,
                    ControlKind.PartGain => 7,
                    ControlKind.Pan => 10,
                    ControlKind.ReverbSend => 91,
                    _ => -1,
                };
                if (cc < 0) return false;
                double v = e.ControlKind switch
                {
                    ControlKind.PartGain => 127 * Math.Pow(10, Math.Min(e.Value, 0) / 40.0), // GM volume: 40·log10(v/127) dB
                    ControlKind.Pan => 64 + 63 * e.Value,
                    _ => 127 * e.Value,
                };
                (status, data1, data2) = ((byte)(0xB0 | ch), (byte)cc, (byte)Math.Clamp((int)Math.Round(v), 0, 127));
                return true;
            default:
                return false;
        }
    }

    private static void Chunk(Stream stream, string id, byte[] body)
    {
        stream.Write(System.Text.Encoding.ASCII.GetBytes(id));
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, body.Length);
        stream.Write(len);
        stream.Write(body);
    }

    /// <summary>MIDI variable-length quantity: 7 bits per byte, high bit set on all but the last.</summary>
    private static void VarLen(Stream s, long value)
    {
        Span<byte> buf = stackalloc byte[5];
        int n = 0;
        buf[n++] = (byte)(value & 0x7F);
        while ((value >>= 7) > 0) buf[n++] = (byte)(0x80 | (value & 0x7F));
        for (int i = n - 1; i >= 0; i--) s.WriteByte(buf[i]);
    }
}
