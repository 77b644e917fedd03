using System.CommandLine;
using System.Text.Json.Nodes;
using Attune.Cli;

namespace Attune.Engine.Tests.Sensing;

public class BleCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var root = new RootCommand("test") { BleCommand.Create(stdout, stderr) };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0) return (CliApp.ExitUsage, "", parsed.Errors[0].Message);
        try
        {
            int code = parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
            return (code, stdout.ToString(), stderr.ToString());
        }
        catch (UsageException e)
        {
            return (CliApp.ExitUsage, stdout.ToString(), e.Message);
        }
    }

    [Fact]
    public void Json_output_has_the_documented_fields()
    {
        var (code, output, err) = Run("ble", "decode", "16 4B 00 02", "--json");
        Assert.True(code == 0, err);
        var o = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(75, (int)o["heart_rate_bpm"]!);
        Assert.Equal("detected", (string)o["sensor_contact"]!);
        Assert.Null(o["energy_expended_kj"]);
        Assert.True(o.ContainsKey("energy_expended_kj"));
        var rr = o["rr_ms"]!.AsArray();
        Assert.Single(rr);
        Assert.Equal(512 * 1000.0 / 1024.0, (double)rr[0]!);
    }

    [Fact]
    public void Compact_lower_case_hex_and_separate_arguments_parse_the_same()
    {
        var a = Run("ble", "decode", "1c4b00050004", "--json");
        var b = Run("ble", "decode", "1C", "4B", "00", "05", "00", "04", "--json");
        Assert.Equal(0, a.Code);
        Assert.Equal(a.Out, b.Out);
        var o = JsonNode.Parse(a.Out)!.AsObject();
        Assert.Equal("not-detected", (string)o["sensor_contact"]!);
        Assert.Equal(1280, (int)o["energy_expended_kj"]!);
    }

    [Fact]
    public void Plain_output_is_one_readable_line()
    {
        var (code, output, _) = Run("ble", "decode", "00 3C");
        Assert.Equal(0, code);
        Assert.Equal("60 bpm, contact not-supported, no RR intervals", output.TrimEnd());
        Assert.Equal("75 bpm, contact detected, energy 10 kJ, RR 1000 500 ms", BleCommand.ToLine(BleCommand.Decode("1E 4B 0A 00 00 04 00 02")));
    }

    [Theory]
    [InlineData("", "HEX: packet is empty")]
    [InlineData("01 4B", "HEX: heart rate: flags announce uint16 but only 1 byte follows")]
    [InlineData("10 4B 01 02 03", "HEX: RR intervals: 3 bytes is not a whole number of uint16 values")]
    [InlineData("1G", "HEX: 'G' is not a hexadecimal digit (0–9, A–F)")]
    [InlineData("164", "HEX: 3 hex digits is not a whole number of bytes")]
    public void Bad_input_is_a_usage_error_naming_hex(string hex, string message)
    {
        var (code, output, err) = Run("ble", "decode", hex);
        Assert.Equal(CliApp.ExitUsage, code);
        Assert.Equal("", output);
        Assert.Equal(message, err);
    }
}
