using Attune.Engine.Events;
using Attune.Engine.Sensing;

namespace Attune.Engine.Tests.Sensing;

public class SessionInputLogTests
{
    private static List<LoggedEvent> RoundTripThroughText(Action<EventLog> write)
    {
        var stream = new MemoryStream();
        using (var log = EventLog.ToStream(stream)) write(log);
        return EventLog.Read(new StringReader(System.Text.Encoding.UTF8.GetString(stream.ToArray()))).ToList();
    }

    [Fact]
    public void Inputs_written_to_a_log_read_back_equal()
    {
        byte[] packet = HeartRatePacketEncoder.Encode(72, SensorContact.Detected, null, [812.0, 790.0]);
        var events = RoundTripThroughText(log =>
        {
            SessionInputLog.WritePacket(log, 1.5, 7, packet);
            SessionInputLog.Write(log, new SelfReport(2, SelfReportScale.TinnitusLoudness, 6));
            SessionInputLog.Write(log, BehaviourEvent.Dislike(3, SoundClass.WaterLike | SoundClass.Rustling));
            SessionInputLog.Write(log, BehaviourEvent.VolumeChange(4, -3));
            log.Write(4.5, "adaptation", "decision", EventField.Of("reason", "not an input"));
            SessionInputLog.Write(log, BehaviourEvent.Skip(5));
        });
        var inputs = SessionInputLog.Read(events).ToList();
        Assert.Equal(5, inputs.Count);
        Assert.Equal(SessionInputKind.HeartRatePacket, inputs[0].Kind);
        Assert.Equal(7u, inputs[0].Sequence);
        Assert.Equal(packet, inputs[0].Packet);
        Assert.Equal(1.5, inputs[0].TimeSeconds);
        Assert.Equal(SelfReportScale.TinnitusLoudness, inputs[1].Report!.Scale);
        Assert.Equal(6, inputs[1].Report!.Value);
        Assert.Equal(BehaviourKind.Dislike, inputs[2].Behaviour!.Kind);
        Assert.Equal(SoundClass.WaterLike | SoundClass.Rustling, inputs[2].Behaviour!.DislikedClasses);
        Assert.Equal(-3, inputs[3].Behaviour!.VolumeDeltaDb);
        Assert.Equal(BehaviourKind.Skip, inputs[4].Behaviour!.Kind);
    }

    [Theory]
    [InlineData("hr_packet", """{"seq":1,"hex":"ZZ"}""", "\"hex\"")]
    [InlineData("hr_packet", """{"hex":"0646"}""", "\"seq\"")]
    [InlineData("self_report", """{"scale":"mood","value":3}""", "\"scale\" must be one of distress")]
    [InlineData("self_report", """{"scale":"distress","value":11}""", "[0, 10]")]
    [InlineData("behaviour", """{"kind":"dislike","classes":"Purring"}""", "\"classes\"")]
    [InlineData("heartbeat", """{}""", "unknown input kind")]
    public void A_malformed_input_names_its_position_and_field(string kind, string data, string expected)
    {
        string text = "{\"format\":\"attune-events\",\"version\":1}\n"
            + $"{{\"t\":1,\"stage\":\"input\",\"kind\":\"skip_me\",\"data\":{{}}}}\n".Replace("skip_me", "hr_packet", StringComparison.Ordinal).Replace("{}}", "{\"seq\":0,\"hex\":\"0646\"}}", StringComparison.Ordinal)
            + $"{{\"t\":2,\"stage\":\"input\",\"kind\":\"{kind}\",\"data\":{data}}}\n";
        var events = EventLog.Read(new StringReader(text)).ToList();
        var e = Assert.Throws<FormatException>(() => SessionInputLog.Read(events).ToList());
        Assert.Contains("input event 2 (t = 2 s)", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
