using Attune.Engine.Audio;

namespace Attune.Engine.Tests.Audio;

public sealed class OggPageWriterTests
{
    [Fact]
    public void Packets_of_awkward_lengths_survive_lacing_and_page_breaks()
    {
        int[] lengths = [1, 254, 255, 256, 510, 1275, 3, 0, 765];
        var random = new SeededRandom(17);
        var written = new List<byte[]>();
        var stream = new MemoryStream();
        var writer = new OggPageWriter(stream, serial: 99);
        long granule = 0;
        for (int round = 0; round < 40; round++)
        {
            foreach (int length in lengths)
            {
                var packet = new byte[length];
                for (int i = 0; i < length; i++) packet[i] = (byte)random.Next(256);
                written.Add(packet);
                writer.AddPacket(packet, granule += 960);
            }
        }
        writer.FlushPage(endOfStream: true);

        List<OggPacket> read = OggPageReader.ReadPackets(stream.ToArray());
        Assert.Equal(written.Count, read.Count);
        for (int i = 0; i < written.Count; i++)
            Assert.Equal(written[i], read[i].Data);
        Assert.True(writer.PagesWritten > 5, $"{writer.PagesWritten} pages");
        Assert.True(read[^1].EndOfStream);
        Assert.Equal(granule, read[^1].Granule);
    }

    [Fact]
    public void Many_tiny_packets_never_exceed_255_segments_per_page()
    {
        var stream = new MemoryStream();
        var writer = new OggPageWriter(stream, serial: 1);
        for (int i = 0; i < 1000; i++)
            writer.AddPacket([(byte)i], i + 1);
        writer.FlushPage(endOfStream: true);

        List<OggPacket> read = OggPageReader.ReadPackets(stream.ToArray());
        Assert.Equal(1000, read.Count);
        Assert.Equal(4, writer.PagesWritten); // 255 + 255 + 255 + 235 packets
        Assert.Equal(255, read.FindIndex(p => p.PageSequence == 1));
    }

    [Fact]
    public void Oversized_packet_is_rejected()
    {
        var writer = new OggPageWriter(new MemoryStream(), serial: 1);
        var e = Assert.Throws<ArgumentException>(() => writer.AddPacket(new byte[255 * 255], 0));
        Assert.Equal("packet", e.ParamName);
    }
}
