using System.Buffers.Binary;
using Concentus;

namespace Attune.Engine.Audio;

/// <summary>
/// Decodes an Ogg Opus file (RFC 7845, channel mapping family 0) to 48 kHz stereo, applying pre-skip,
/// output gain and end trimming, so claims about lossy files are checked on what a listener hears.
/// </summary>
public static class OggOpusReader
{
    private const int MaxFrameSamples = 5760; // 120 ms at 48 kHz, the longest Opus packet

    /// <summary>True if the file starts with an Ogg page whose first packet is an OpusHead.</summary>
    internal static bool LooksLikeOpus(ReadOnlySpan<byte> fileStart) =>
        fileStart.Length >= 36 && fileStart[..4].SequenceEqual("OggS"u8) && fileStart.Slice(28, 8).SequenceEqual("OpusHead"u8);

    public static DecodedAudio Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Read(File.ReadAllBytes(path));
    }

    public static DecodedAudio Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Read(copy.ToArray());
    }

    /// <summary>Decodes a whole file held in memory; malformed data throws <see cref="InvalidDataException"/>.</summary>
    public static DecodedAudio Read(ReadOnlySpan<byte> file)
    {
        List<OggPacket> packets = OggPageReader.ReadPackets(file);
        if (packets.Count < 2)
            throw new InvalidDataException("Ogg Opus: stream has no OpusTags header");
        OpusHead head = ParseHead(packets[0].Data);
        if (packets[1].Data.Length < 8 || !packets[1].Data.AsSpan(0, 8).SequenceEqual("OpusTags"u8))
            throw new InvalidDataException("Ogg Opus: second packet is not OpusTags");

        IOpusDecoder decoder = ManagedOpus.CreateStereoDecoder();
        var pcm = new float[MaxFrameSamples * 2];
        var left = new List<float>();
        var right = new List<float>();
        long lastGranule = -1;
        for (int i = 2; i < packets.Count; i++)
        {
            OggPacket packet = packets[i];
            if (packet.Data.Length == 0)
                throw new InvalidDataException($"Ogg Opus: empty audio packet on page {packet.PageSequence}");
            int frames;
            try
            {
                frames = decoder.Decode(packet.Data, pcm, MaxFrameSamples, false);
            }
            catch (Exception e) when (e is not InvalidDataException)
            {
                throw new InvalidDataException($"Ogg Opus: packet on page {packet.PageSequence} could not be decoded: {e.Message}", e);
            }
            if (frames < 0)
                throw new InvalidDataException($"Ogg Opus: packet on page {packet.PageSequence} failed to decode (code {frames})");
            for (int f = 0; f < frames; f++)
            {
                left.Add(pcm[2 * f]);
                right.Add(pcm[2 * f + 1]);
            }
            if (packet.Granule >= 0)
                lastGranule = packet.Granule;
        }
        if (lastGranule < 0)
            lastGranule = left.Count;

        // Granule counts from the start including pre-skip; the final page's granule trims the padded tail.
        long end = Math.Min(lastGranule, left.Count);
        int length = (int)Math.Max(0, end - head.PreSkip);
        float gain = (float)Decibels.ToGain(head.OutputGainQ8 / 256.0);
        var outLeft = new float[length];
        var outRight = new float[length];
        for (int i = 0; i < length; i++)
        {
            outLeft[i] = left[head.PreSkip + i] * gain;
            outRight[i] = right[head.PreSkip + i] * gain;
        }
        return new DecodedAudio(outLeft, outRight, head.InputSampleRate, head.Channels);
    }

    internal readonly record struct OpusHead(int Channels, int PreSkip, int InputSampleRate, int OutputGainQ8);

    internal static OpusHead ParseHead(ReadOnlySpan<byte> data)
    {
        if (data.Length < 19 || !data[..8].SequenceEqual("OpusHead"u8))
            throw new InvalidDataException("Ogg Opus: first packet is not a 19+ byte OpusHead");
        int version = data[8];
        if (version >> 4 != 0)
            throw new InvalidDataException($"Ogg Opus: unsupported OpusHead version {version}");
        int channels = data[9];
        int preSkip = BinaryPrimitives.ReadUInt16LittleEndian(data[10..]);
        uint inputRate = BinaryPrimitives.ReadUInt32LittleEndian(data[12..]);
        int gain = BinaryPrimitives.ReadInt16LittleEndian(data[16..]);
        int family = data[18];
        if (family != 0 || channels is < 1 or > 2)
            throw new InvalidDataException($"Ogg Opus: only mapping family 0 with 1–2 channels is supported (family {family}, {channels} channels)");
        int rate = inputRate is 0 or > 768_000 ? AudioFormat.SampleRate : (int)inputRate;
        return new OpusHead(channels, preSkip, rate, gain);
    }
}
