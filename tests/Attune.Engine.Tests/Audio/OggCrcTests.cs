using System.Buffers.Binary;
using Attune.Engine.Audio;

namespace Attune.Engine.Tests.Audio;

public sealed class OggCrcTests
{
    [Fact]
    public void Check_value_of_123456789()
    {
        // CRC-32/CKSUM (poly 0x04C11DB7, init 0, unreflected) checks to 0x765E7680 with a final XOR of ~0;
        // Ogg uses the same register without the final XOR.
        Assert.Equal(0x765E7680u ^ 0xFFFFFFFFu, OggCrc.Compute("123456789"u8));
    }

    [Fact]
    public void Single_bytes_match_the_bitwise_definition()
    {
        for (int b = 0; b < 256; b++)
        {
            uint r = (uint)b << 24;
            for (int bit = 0; bit < 8; bit++)
                r = (r & 0x8000_0000u) != 0 ? (r << 1) ^ 0x04C11DB7u : r << 1;
            Assert.Equal(r, OggCrc.Compute([(byte)b]));
        }
    }

    [Fact]
    public void Matches_libogg_on_every_page_of_an_opusenc_file()
    {
        byte[] file = File.ReadAllBytes(AudioFixtures.PathOf("ref_opusenc.opus"));
        int offset = 0, pages = 0;
        while (offset < file.Length)
        {
            Span<byte> page = file.AsSpan(offset);
            int segments = page[26];
            int body = 0;
            for (int i = 0; i < segments; i++) body += page[27 + i];
            int length = 27 + segments + body;
            byte[] copy = page[..length].ToArray();
            uint stored = BinaryPrimitives.ReadUInt32LittleEndian(copy.AsSpan(22));
            copy.AsSpan(22, 4).Clear();
            Assert.Equal(stored, OggCrc.Compute(copy));
            offset += length;
            pages++;
        }
        Assert.True(pages >= 3, $"only {pages} pages");
    }
}
