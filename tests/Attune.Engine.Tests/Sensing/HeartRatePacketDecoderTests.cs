// Full fuzz run (1,000,000 cases; the suite's default is 100,000):
//   ATTUNE_FUZZ_CASES=1000000 dotnet test tests/Attune.Engine.Tests --no-build --filter "FullyQualifiedName~Attune.Engine.Tests.Sensing.HeartRatePacketDecoderTests.Random_byte_strings"
using Attune.Engine.Sensing;

namespace Attune.Engine.Tests.Sensing;

public class HeartRatePacketDecoderTests
{
    private static readonly double[] ExpectedRr = [1000.0, 500.0];

    /// <summary>Independent test encoder: builds a 0x2A37 packet from fields, following the spec bit by bit.</summary>
    private static byte[] Encode(int flagsExtra, bool hr16, int hr, SensorContact contact, int? energy, bool rrFlag, int[] rrRaw)
    {
        var b = new List<byte>();
        int flags = flagsExtra & 0xE0;
        if (hr16) flags |= 0x01;
        if (contact != SensorContact.NotSupported) flags |= 0x04;
        if (contact == SensorContact.Detected) flags |= 0x02;
        if (energy is not null) flags |= 0x08;
        if (rrFlag) flags |= 0x10;
        b.Add((byte)flags);
        b.Add((byte)(hr & 0xFF));
        if (hr16) b.Add((byte)(hr >> 8));
        if (energy is int e) { b.Add((byte)(e & 0xFF)); b.Add((byte)(e >> 8)); }
        foreach (int r in rrRaw) { b.Add((byte)(r & 0xFF)); b.Add((byte)(r >> 8)); }
        return [.. b];
    }

    private static HeartRateMeasurement DecodeOk(byte[] packet)
    {
        Assert.True(HeartRatePacketDecoder.TryDecode(packet, out var m, out string? error), error);
        Assert.Null(error);
        return m;
    }

    private static string DecodeError(byte[] packet)
    {
        Assert.False(HeartRatePacketDecoder.TryDecode(packet, out var m, out string? error));
        Assert.Null(m);
        return error;
    }

    [Fact]
    public void Every_flag_combination_decodes_its_fields_including_reserved_bits()
    {
        int checkedCount = 0;
        foreach (int reserved in new[] { 0x00, 0x20, 0x40, 0x80, 0xE0 })
        {
            for (int low = 0; low < 32; low++)
            {
                int flags = low | reserved;
                bool hr16 = (low & 1) != 0;
                var packet = new List<byte> { (byte)flags };
                int hr = hr16 ? 0x1234 : 0x9C;
                packet.Add((byte)(hr & 0xFF));
                if (hr16) packet.Add((byte)(hr >> 8));
                if ((low & 8) != 0) { packet.Add(0x39); packet.Add(0x30); } // 12345 kJ
                if ((low & 0x10) != 0) { packet.Add(0x00); packet.Add(0x04); packet.Add(0x00); packet.Add(0x02); } // 1024, 512
                var m = DecodeOk([.. packet]);
                Assert.Equal(hr, m.HeartRateBpm);
                var expectedContact = (low & 4) == 0 ? SensorContact.NotSupported : (low & 2) != 0 ? SensorContact.Detected : SensorContact.NotDetected;
                Assert.Equal(expectedContact, m.SensorContact);
                Assert.Equal((low & 8) != 0 ? 12345 : null, m.EnergyExpendedKj);
                Assert.Equal((low & 0x10) != 0 ? ExpectedRr : [], m.RrIntervalsMs);
                checkedCount++;
            }
        }
        Assert.Equal(160, checkedCount);
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0 }, 0)]
    [InlineData(new byte[] { 0x00, 255 }, 255)]
    [InlineData(new byte[] { 0x01, 0, 0 }, 0)]
    [InlineData(new byte[] { 0x01, 0xFF, 0xFF }, 65535)]
    [InlineData(new byte[] { 0x01, 0x2C, 0x01 }, 300)]
    public void Heart_rate_boundaries(byte[] packet, int expected) => Assert.Equal(expected, DecodeOk(packet).HeartRateBpm);

    [Fact]
    public void Rr_and_energy_boundaries()
    {
        var m = DecodeOk([0x18, 60, 0xFF, 0xFF, 0x00, 0x00, 0xFF, 0xFF]);
        Assert.Equal(65535, m.EnergyExpendedKj);
        Assert.Equal(2, m.RrIntervalsMs.Count);
        Assert.Equal(0.0, m.RrIntervalsMs[0]);
        Assert.Equal(65535 * 1000.0 / 1024.0, m.RrIntervalsMs[1], 12);
        Assert.Equal(0, DecodeOk([0x08, 60, 0x00, 0x00]).EnergyExpendedKj);
    }

    [Fact]
    public void Example_from_the_brief_is_75_bpm_with_one_second_rr() =>
        Assert.Equal(new HeartRateMeasurement(75, SensorContact.Detected, null, [1000.0]), DecodeOk([0x16, 0x4B, 0x00, 0x04]));

    [Fact]
    public void Rr_flag_with_no_rr_bytes_is_valid_with_no_intervals()
    {
        Assert.Empty(DecodeOk([0x10, 70]).RrIntervalsMs);
        Assert.Empty(DecodeOk([0x19, 0x46, 0x00, 0x10, 0x00]).RrIntervalsMs);
    }

    [Fact]
    public void Trailing_bytes_without_the_rr_flag_are_ignored()
    {
        var m = DecodeOk([0x00, 70, 0x00, 0x04, 0x99]);
        Assert.Equal(70, m.HeartRateBpm);
        Assert.Empty(m.RrIntervalsMs);
        Assert.Equal(5, DecodeOk([0x08, 70, 5, 0, 1, 2, 3]).EnergyExpendedKj);
    }

    [Theory]
    [InlineData(new byte[] { }, "packet is empty")]
    [InlineData(new byte[] { 0x00 }, "heart rate: flags announce uint8 but no byte follows")]
    [InlineData(new byte[] { 0x01 }, "heart rate: flags announce uint16 but only 0 bytes follow")]
    [InlineData(new byte[] { 0x01, 0x4B }, "heart rate: flags announce uint16 but only 1 byte follows")]
    [InlineData(new byte[] { 0x08, 0x4B }, "energy expended: flags announce uint16 but only 0 bytes follow")]
    [InlineData(new byte[] { 0x08, 0x4B, 0x01 }, "energy expended: flags announce uint16 but only 1 byte follows")]
    [InlineData(new byte[] { 0x10, 0x4B, 0x01 }, "RR intervals: 1 bytes is not a whole number of uint16 values")]
    [InlineData(new byte[] { 0x10, 0x4B, 0x01, 0x02, 0x03 }, "RR intervals: 3 bytes is not a whole number of uint16 values")]
    [InlineData(new byte[] { 0x19, 0x4B, 0x00, 0x01, 0x00, 0x01, 0x02, 0x03 }, "RR intervals: 3 bytes is not a whole number of uint16 values")]
    public void Malformed_packets_are_rejected_with_a_reason(byte[] packet, string reason) => Assert.Equal(reason, DecodeError(packet));

    [Fact]
    public void Span_variant_writes_rr_into_the_callers_buffer_and_rejects_overflow()
    {
        Span<double> rr = stackalloc double[2];
        Assert.True(HeartRatePacketDecoder.TryDecode([0x10, 60, 0x00, 0x04, 0x00, 0x02], rr, out int bpm, out _, out _, out int count, out _));
        Assert.Equal(60, bpm);
        Assert.Equal(2, count);
        Assert.Equal(500.0, rr[1]);
        Assert.False(HeartRatePacketDecoder.TryDecode([0x10, 60, 0, 4, 0, 2, 0, 1], rr, out _, out _, out _, out count, out string? error));
        Assert.Equal(0, count);
        Assert.Contains("do not fit", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Span_variant_does_not_allocate_on_a_valid_packet()
    {
        byte[] packet = [0x16, 0x4B, 0x00, 0x04, 0xE8, 0x03];
        var rr = new double[4];
        HeartRatePacketDecoder.TryDecode(packet, rr, out _, out _, out _, out _, out _);
        Assert.Equal(0, Allocation.LeastOfTwo(() =>
        {
            for (int i = 0; i < 1000; i++) HeartRatePacketDecoder.TryDecode(packet, rr, out _, out _, out _, out _, out _);
        }));
    }

    [Fact]
    public void Random_byte_strings_never_throw_and_accepted_packets_round_trip()
    {
        int cases = int.TryParse(Environment.GetEnvironmentVariable("ATTUNE_FUZZ_CASES"), out int n) && n > 0 ? n : 100_000;
        var rng = new SeededRandom(0x2A37);
        var buffer = new byte[24];
        int accepted = 0, rejected = 0;
        for (int c = 0; c < cases; c++)
        {
            int len = rng.Next(25);
            for (int i = 0; i < len; i++) buffer[i] = (byte)rng.Next(256);
            var packet = buffer.AsSpan(0, len).ToArray();
            if (!HeartRatePacketDecoder.TryDecode(packet, out var m, out string? error))
            {
                Assert.False(string.IsNullOrWhiteSpace(error));
                rejected++;
                continue;
            }
            accepted++;
            byte flags = packet[0];
            var rrRaw = new int[m.RrIntervalsMs.Count];
            for (int i = 0; i < rrRaw.Length; i++) rrRaw[i] = (int)Math.Round(m.RrIntervalsMs[i] * 1024.0 / 1000.0);
            var again = Encode(flags, (flags & 1) != 0, m.HeartRateBpm, m.SensorContact, m.EnergyExpendedKj, (flags & 0x10) != 0, rrRaw);
            Assert.True(HeartRatePacketDecoder.TryDecode(again, out var m2, out string? error2), error2);
            Assert.Equal(m, m2!);
        }
        Assert.Equal(cases, accepted + rejected);
        Assert.True(accepted > cases / 10 && rejected > cases / 10, $"accepted {accepted}, rejected {rejected}");
    }
}
