using System.Buffers.Binary;

namespace Attune.Engine.Audio;

/// <summary>Packs whole packets into Ogg pages (RFC 3533) for one logical stream; packets never span pages.</summary>
internal sealed class OggPageWriter
{
    /// <summary>Flush a page once its body reaches this size, keeping pages near the ~4 KB libogg uses.</summary>
    private const int TargetBodyBytes = 4096;
    private const int MaxSegments = 255;
    private const int HeaderBytes = 27;

    private readonly Stream _output;
    private readonly uint _serial;
    private readonly byte[] _page = new byte[HeaderBytes + MaxSegments + MaxSegments * 255];
    private readonly byte[] _body = new byte[MaxSegments * 255];
    private readonly byte[] _segments = new byte[MaxSegments];
    private int _segmentCount;
    private int _bodyLength;
    private int _packetsOnPage;
    private long _granule;
    private uint _sequence;
    private bool _bosWritten;

    public OggPageWriter(Stream output, uint serial)
    {
        _output = output;
        _serial = serial;
    }

    public int PagesWritten => (int)_sequence;

    /// <summary>Adds a packet whose end has the given granule position; flushes first if it would not fit.</summary>
    public void AddPacket(ReadOnlySpan<byte> packet, long granule)
    {
        int needed = packet.Length / 255 + 1;
        if (needed > MaxSegments)
            throw new ArgumentException($"packet of {packet.Length} bytes exceeds one page (max {MaxSegments * 255 - 1})", nameof(packet));
        if (_segmentCount + needed > MaxSegments)
            FlushPage(endOfStream: false);
        int remaining = packet.Length;
        while (remaining >= 255)
        {
            _segments[_segmentCount++] = 255;
            remaining -= 255;
        }
        _segments[_segmentCount++] = (byte)remaining;
        packet.CopyTo(_body.AsSpan(_bodyLength));
        _bodyLength += packet.Length;
        _packetsOnPage++;
        _granule = granule;
        if (_bodyLength >= TargetBodyBytes)
            FlushPage(endOfStream: false);
    }

    /// <summary>Writes the pending packets as one page (nothing if empty, unless it must carry EOS).</summary>
    public void FlushPage(bool endOfStream)
    {
        if (_packetsOnPage == 0 && !endOfStream)
            return;
        Span<byte> page = _page;
        "OggS"u8.CopyTo(page);
        page[4] = 0; // stream structure version
        byte flags = 0;
        if (!_bosWritten) flags |= 0x02;
        if (endOfStream) flags |= 0x04;
        page[5] = flags;
        BinaryPrimitives.WriteInt64LittleEndian(page[6..], _granule);
        BinaryPrimitives.WriteUInt32LittleEndian(page[14..], _serial);
        BinaryPrimitives.WriteUInt32LittleEndian(page[18..], _sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(page[22..], 0);
        page[26] = (byte)_segmentCount;
        _segments.AsSpan(0, _segmentCount).CopyTo(page[HeaderBytes..]);
        int length = HeaderBytes + _segmentCount;
        _body.AsSpan(0, _bodyLength).CopyTo(page[length..]);
        length += _bodyLength;
        BinaryPrimitives.WriteUInt32LittleEndian(page[22..], OggCrc.Compute(page[..length]));
        _output.Write(page[..length]);
        _bosWritten = true;
        _sequence++;
        _segmentCount = 0;
        _bodyLength = 0;
        _packetsOnPage = 0;
    }
}
