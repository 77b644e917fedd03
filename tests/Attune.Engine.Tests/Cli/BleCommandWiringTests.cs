using System.Text.Json.Nodes;

namespace Attune.Engine.Tests.Cli;

public class BleCommandWiringTests
{
    [Fact]
    public void Attune_ble_decode_is_reachable_and_rejects_malformed_packets_with_exit_2()
    {
        using var cli = new CliRunner();
        var (code, output, _) = cli.Run("ble", "decode", "1E 4B 0A 00 00 04 00 02", "--json");
        Assert.Equal(0, code);
        var json = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(75, (int)json["heart_rate_bpm"]!);
        Assert.Equal("detected", (string?)json["sensor_contact"]);
        Assert.Equal(10, (int)json["energy_expended_kj"]!);
        Assert.Equal([1000.0, 500.0], json["rr_ms"]!.AsArray().Select(v => (double)v!));

        var (bad, _, err) = cli.Run("ble", "decode", "16 4B 00 04 02");
        Assert.Equal(2, bad);
        Assert.Contains("RR intervals", err);
        Assert.Single(err.TrimEnd().Split('\n'));
    }
}
