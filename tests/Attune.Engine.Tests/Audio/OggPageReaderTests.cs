using System.Buffers.Binary;
using Attune.Engine.Audio;

namespace Attune.Engine.Tests.Audio;

public sealed class OggPageReaderTests
{
    /// <summary>Hand-built page with the given lacing values and a body of incrementing bytes.</summary>
    private static byte[] Page(byte flags, uint sequence, long granule, byte[] lacing, byte firstByte, uint serial = 7)
    {
        int body = 0;
        foreach (byte l in lacing) body += l;
        var page = new byte[27 + lacing.Length + body];
        "OggS"u8.CopyTo(page);
        page[5] = flags;
        BinaryPrimitives.WriteInt64LittleEndian(page.AsSpan(6), granule);
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(14), serial);
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(18), sequence);
        page[26] = (byte)lacing.Length;
        lacing.CopyTo(page, 27);
        for (int i = 0; i < body; i++) page[27 + lacing.Length + i] = (byte)(firstByte + i);
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(22), OggCrc.Compute(page));
        return page;
    }

    [Fact]
    public void Packet_continued_across_pages_is_reassembled()
    {
        // Packet A: 255 + 255 on page 0, then 90 on page 1 (continued); packet B: 10 bytes on page 1.
        byte[] p0 = Page(0x02, 0, -1, [255, 255], 0);
        byte[] p1 = Page(0x01 | 0x04, 1, 5000, [90, 10], unchecked((byte)510));
        List<OggPacket> packets = OggPageReader.ReadPackets([.. p0, .. p1]);

        Assert.Equal(2, packets.Count);
        Assert.Equal(600, packets[0].Data.Length);
        for (int i = 0; i < 600; i++) Assert.Equal((byte)i, packets[0].Data[i]);
        Assert.Equal(-1, packets[0].Granule);            // does not end its page
        Assert.Equal(5000, packets[1].Granule);
        Assert.True(packets[1].EndOfStream);
    }

    [Fact]
    public void Pages_of_other_logical_streams_are_ignored()
    {
        byte[] a0 = Page(0x02, 0, 0, [3], 1, serial: 7);
        byte[] b0 = Page(0x02, 0, 0, [4], 50, serial: 8);
        byte[] a1 = Page(0x04, 1, 960, [2], 9, serial: 7);
        List<OggPacket> packets = OggPageReader.ReadPackets([.. a0, .. b0, .. a1]);
        Assert.Equal([3, 2], packets.ConvertAll(p => p.Data.Length));
    }

    public static TheoryData<string, byte[], string> Malformed() => new()
    {
        { "no BOS", Page(0, 0, 0, [1], 0), "beginning-of-stream" },
        { "sequence gap", [.. Page(0x02, 0, 0, [1], 0), .. Page(0, 2, 0, [1], 0)], "sequence gap" },
        { "missing continuation", [.. Page(0x02, 0, 0, [255], 0), .. Page(0, 1, 0, [1], 0)], "does not continue" },
        { "bad capture", [.. "OggT"u8, .. Page(0x02, 0, 0, [1], 0)[4..]], "capture pattern" },
        { "bad version", VersionOne(), "structure version 1" },
        { "short header", Page(0x02, 0, 0, [1], 0)[..20], "truncated page header" },
        { "empty", [], "no pages found" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_streams_throw_invalid_data(string name, byte[] data, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => OggPageReader.ReadPackets(data));
        Assert.True(e.Message.Contains(expected, StringComparison.Ordinal), $"{name}: {e.Message}");
    }

    private static byte[] VersionOne()
    {
        byte[] page = Page(0x02, 0, 0, [1], 0);
        page[4] = 1;
        return page;
    }
}
