using System.Buffers.Binary;
using System.Text;
using Attune.Engine;
using Attune.Engine.Synthesis;

namespace Attune.Engine.Tests.Synthesis;

public class MidiFileWriterTests
{
    /// <summary>What the tiny reader found in one track.</summary>
    private sealed record Track(int NoteOns, int NoteOffs, List<(int Program, int Channel)> Programs, int? MicrosPerQuarter, List<long> NoteOnTicks);

    [Fact]
    public void Written_file_parses_back_with_matching_notes()
    {
        InstrumentKind[] parts = [InstrumentKind.WarmPad, InstrumentKind.Chimes, InstrumentKind.RoundBass];
        var events = new List<MusicEvent>
        {
            MusicEvent.NoteOn(0, 0, 48, 0.5f),
            MusicEvent.NoteOn(24_000, 1, 72, 0.8f),   // half a second = one beat at 120 BPM
            MusicEvent.Control(30_000, 1, ControlKind.Brightness, 0.5f),
            MusicEvent.NoteOff(48_000, 1, 72),
            MusicEvent.NoteOn(48_000, 1, 74, 0.6f),
            MusicEvent.NoteOn(50_000, 2, 36, 0.9f),
            MusicEvent.NoteOff(96_000, 1, 74),
            MusicEvent.NoteOff(96_000, 2, 36),
            MusicEvent.NoteOff(200_000, 0, 48),
        };
        var stream = new MemoryStream();
        MidiFileWriter.Write(stream, events, parts, beatsPerMinute: 120);
        byte[] file = stream.ToArray();

        Assert.Equal("MThd", Encoding.ASCII.GetString(file, 0, 4));
        Assert.Equal(6, BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(4)));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(8)));
        Assert.Equal(parts.Length + 1, BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(10)));
        Assert.Equal(480, BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(12)));

        List<Track> tracks = ReadTracks(file, 14);
        Assert.Equal(parts.Length + 1, tracks.Count);
        Assert.Equal(500_000, tracks[0].MicrosPerQuarter);
        for (int p = 0; p < parts.Length; p++)
        {
            Track t = tracks[p + 1];
            Assert.Equal(events.Count(e => e.Part == p && e.Kind == MusicEventKind.NoteOn), t.NoteOns);
            Assert.Equal(events.Count(e => e.Part == p && e.Kind == MusicEventKind.NoteOff), t.NoteOffs);
            Assert.Equal([(MidiFileWriter.GeneralMidiProgram(parts[p]), p)], t.Programs);
        }
        Assert.Equal([480L, 960L], tracks[2].NoteOnTicks);
        Assert.Equal(89, MidiFileWriter.GeneralMidiProgram(InstrumentKind.WarmPad));
        Assert.Equal(14, MidiFileWriter.GeneralMidiProgram(InstrumentKind.Chimes));
    }

    [Fact]
    public void Fractal_tone_session_exports()
    {
        var player = new FractalTonePlayer(new FractalToneSettings(50f), new SeededRandom(3));
        player.GenerateUntil(AudioFormat.SampleRate * 120L, schedule: false);
        var stream = new MemoryStream();
        MidiFileWriter.Write(stream, player.PlayedEvents, player.PartInstruments, player.NotesPerMinute);
        List<Track> tracks = ReadTracks(stream.ToArray(), 14);
        Assert.Equal(player.PlayedEvents.Count(e => e.Kind == MusicEventKind.NoteOn && e.Part == 0), tracks[1].NoteOns);
        Assert.Equal(1, tracks[2].NoteOns); // the drone
    }

    [Fact]
    public void Channel_ten_is_skipped()
    {
        Assert.Equal(8, MidiFileWriter.ChannelOf(8));
        Assert.Equal(10, MidiFileWriter.ChannelOf(9));
    }

    private static List<Track> ReadTracks(byte[] file, int offset)
    {
        var tracks = new List<Track>();
        while (offset < file.Length)
        {
            Assert.Equal("MTrk", Encoding.ASCII.GetString(file, offset, 4));
            int length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(offset + 4));
            int pos = offset + 8, end = pos + length;
            int ons = 0, offs = 0;
            int? tempo = null;
            var programs = new List<(int, int)>();
            var onTicks = new List<long>();
            long tick = 0;
            bool ended = false;
            while (pos < end)
            {
                long delta = 0;
                byte b;
                do { b = file[pos++]; delta = (delta << 7) | (uint)(b & 0x7F); } while ((b & 0x80) != 0);
                tick += delta;
                byte status = file[pos++];
                if (status == 0xFF)
                {
                    byte type = file[pos++];
                    int len = file[pos++];
                    if (type == 0x51) tempo = (file[pos] << 16) | (file[pos + 1] << 8) | file[pos + 2];
                    if (type == 0x2F) ended = true;
                    pos += len;
                }
                else if ((status & 0xF0) == 0xC0) programs.Add((file[pos++], status & 0x0F));
                else
                {
                    byte d1 = file[pos++], d2 = file[pos++];
                    if ((status & 0xF0) == 0x90 && d2 > 0) { ons++; onTicks.Add(tick); }
                    else if ((status & 0xF0) == 0x80) offs++;
                    _ = d1;
                }
            }
            Assert.Equal(end, pos);
            Assert.True(ended, "track must end with an end-of-track meta event");
            tracks.Add(new Track(ons, offs, programs, tempo, onTicks));
            offset = end;
        }
        return tracks;
    }
}
