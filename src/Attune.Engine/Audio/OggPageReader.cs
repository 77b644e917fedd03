using System.Buffers.Binary;

namespace Attune.Engine.Audio;

/// <summary>Demuxes the first logical stream of an Ogg file (RFC 3533), verifying every page's CRC.</summary>
internal static class OggPageReader
{
    private const int HeaderBytes = 27;

    /// <summary>Parses all pages of <paramref name="data"/>; malformed input throws <see cref="InvalidDataException"/>.</summary>
    public static List<OggPacket> ReadPackets(ReadOnlySpan<byte> data)
    {
        var packets = new List<OggPacket>();
        var partial = new List<byte>();
        bool haveSerial = false;
        uint serial = 0;
        uint expectedSequence = 0;
        int offset = 0;
        bool sawEos = false;
        while (offset < data.Length && !sawEos)
        {
            if (data.Length - offset < HeaderBytes)
                throw new InvalidDataException($"Ogg: truncated page header at byte {offset} ({data.Length - offset} bytes left, need {HeaderBytes})");
            ReadOnlySpan<byte> header = data[offset..];
            if (!header[..4].SequenceEqual("OggS"u8))
                throw new InvalidDataException($"Ogg: missing 'OggS' capture pattern at byte {offset}");
            if (header[4] != 0)
                throw new InvalidDataException($"Ogg: unsupported stream structure version {header[4]} at byte {offset}");
            byte flags = header[5];
            long granule = BinaryPrimitives.ReadInt64LittleEndian(header[6..]);
            uint pageSerial = BinaryPrimitives.ReadUInt32LittleEndian(header[14..]);
            uint sequence = BinaryPrimitives.ReadUInt32LittleEndian(header[18..]);
            uint storedCrc = BinaryPrimitives.ReadUInt32LittleEndian(header[22..]);
            int segmentCount = header[26];
            if (data.Length - offset < HeaderBytes + segmentCount)
                throw new InvalidDataException($"Ogg: truncated segment table at byte {offset}");
            ReadOnlySpan<byte> lacing = header.Slice(HeaderBytes, segmentCount);
            int bodyLength = 0;
            foreach (byte l in lacing) bodyLength += l;
            int pageLength = HeaderBytes + segmentCount + bodyLength;
            if (data.Length - offset < pageLength)
                throw new InvalidDataException($"Ogg: truncated page {sequence} at byte {offset} (needs {pageLength} bytes, {data.Length - offset} left)");
            uint crc = OggCrc.Compute(header[..22]);
            crc = OggCrc.Compute([0, 0, 0, 0], crc);
            crc = OggCrc.Compute(header[26..pageLength], crc);
            if (crc != storedCrc)
                throw new InvalidDataException($"Ogg: CRC mismatch on page {sequence} at byte {offset} (stored 0x{storedCrc:X8}, computed 0x{crc:X8})");
            if (!haveSerial)
            {
                if ((flags & 0x02) == 0)
                    throw new InvalidDataException("Ogg: first page lacks the beginning-of-stream flag");
                serial = pageSerial;
                haveSerial = true;
                expectedSequence = sequence;
            }
            if (pageSerial == serial)
            {
                if (sequence != expectedSequence)
                    throw new InvalidDataException($"Ogg: page sequence gap (expected {expectedSequence}, found {sequence})");
                expectedSequence++;
                if ((flags & 0x01) == 0 && partial.Count > 0)
                    throw new InvalidDataException($"Ogg: page {sequence} does not continue the unfinished packet of the previous page");
                ReadOnlySpan<byte> body = header.Slice(HeaderBytes + segmentCount, bodyLength);
                int pos = 0;
                int lastCompleted = -1;
                for (int i = 0; i < segmentCount; i++)
                    if (lacing[i] < 255) lastCompleted = i;
                for (int i = 0; i < segmentCount; i++)
                {
                    foreach (byte b in body.Slice(pos, lacing[i])) partial.Add(b);
                    pos += lacing[i];
                    if (lacing[i] < 255)
                    {
                        bool last = i == lastCompleted;
                        packets.Add(new OggPacket([.. partial], last ? granule : -1, (int)sequence, last && (flags & 0x04) != 0));
                        partial.Clear();
                    }
                }
                sawEos = (flags & 0x04) != 0;
            }
            offset += pageLength;
        }
        if (!haveSerial)
            throw new InvalidDataException("Ogg: no pages found");
        return packets;
    }
}
