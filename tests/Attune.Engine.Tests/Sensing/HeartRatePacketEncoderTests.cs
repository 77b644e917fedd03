using Attune.Engine.Sensing;

namespace Attune.Engine.Tests.Sensing;

public class HeartRatePacketEncoderTests
{
    [Theory]
    [InlineData(72, SensorContact.Detected, null)]
    [InlineData(300, SensorContact.NotDetected, 1234)]
    [InlineData(0, SensorContact.NotSupported, 0)]
    public void Encoded_packets_decode_to_the_same_values(int hr, SensorContact contact, int? energy)
    {
        double[] rr = [812.5, 1000, 640.625];
        byte[] packet = HeartRatePacketEncoder.Encode(hr, contact, energy, rr);
        Assert.True(HeartRatePacketDecoder.TryDecode(packet, out var m, out string? error), error);
        Assert.Equal(hr, m!.HeartRateBpm);
        Assert.Equal(contact, m.SensorContact);
        Assert.Equal(energy, m.EnergyExpendedKj);
        Assert.Equal(rr.Length, m.RrIntervalsMs.Count);
        for (int i = 0; i < rr.Length; i++)
            Assert.Equal(rr[i], m.RrIntervalsMs[i], 0.5); // rounded to 1/1024 s
    }

    [Fact]
    public void No_rr_intervals_means_no_rr_flag_and_a_two_byte_packet()
    {
        byte[] packet = HeartRatePacketEncoder.Encode(60, SensorContact.Detected, null, []);
        Assert.Equal([0x06, 60], packet);
    }

    [Fact]
    public void Bad_values_are_rejected_by_name()
    {
        Assert.Equal("heartRateBpm", Assert.Throws<ArgumentOutOfRangeException>(() => HeartRatePacketEncoder.Encode(-1, SensorContact.Detected, null, [])).ParamName);
        Assert.Equal("rrMs", Assert.Throws<ArgumentOutOfRangeException>(() => HeartRatePacketEncoder.Encode(60, SensorContact.Detected, null, new double[10])).ParamName);
        Assert.Equal("rrMs", Assert.Throws<ArgumentOutOfRangeException>(() => HeartRatePacketEncoder.Encode(60, SensorContact.Detected, null, [-5.0])).ParamName);
    }
}
