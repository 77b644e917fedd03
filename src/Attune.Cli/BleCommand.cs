using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Attune.Engine.Sensing;

namespace Attune.Cli;

/// <summary>`attune ble decode HEX`: decodes one BLE Heart Rate Measurement (0x2A37) packet as Web Bluetooth delivers it.</summary>
internal static class BleCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        _ = stderr;
        var hex = new Argument<string[]>("HEX") { Description = "packet bytes in hex, e.g. \"16 4B 00 04 02\" or 164B000402", Arity = ArgumentArity.OneOrMore };
        var json = CliOptions.Flag("--json", "print the decoded fields as JSON");
        var decode = new Command("decode", "Decode one Heart Rate Measurement packet (service 0x180D, characteristic 0x2A37).") { hex, json };
        decode.SetAction(p =>
        {
            var m = Decode(string.Join(' ', p.GetValue(hex) ?? []));
            stdout.WriteLine(p.GetValue(json) ? ToJson(m).ToJsonString(Summaries.JsonOptions) : ToLine(m));
            return CliApp.ExitOk;
        });
        return new Command("ble", "Bluetooth LE sensor tools.") { decode };
    }

    /// <summary>Parses hex (case-insensitive, spaces allowed) and decodes it; any problem is a UsageException starting "HEX: ".</summary>
    internal static HeartRateMeasurement Decode(string hex)
    {
        byte[] bytes = ParseHex(hex);
        if (!HeartRatePacketDecoder.TryDecode(bytes, out var m, out string? error))
            throw new UsageException("HEX: " + error);
        return m;
    }

    internal static byte[] ParseHex(string text)
    {
        var digits = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c)) continue;
            if (!char.IsAsciiHexDigit(c)) throw new UsageException($"HEX: '{c}' is not a hexadecimal digit (0–9, A–F)");
            digits.Append(c);
        }
        if (digits.Length % 2 != 0) throw new UsageException($"HEX: {digits.Length} hex digits is not a whole number of bytes");
        var bytes = new byte[digits.Length / 2];
        for (int i = 0; i < bytes.Length; i++)
            bytes[i] = byte.Parse(digits.ToString(2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return bytes;
    }

    internal static string ContactName(SensorContact c) => c switch
    {
        SensorContact.Detected => "detected",
        SensorContact.NotDetected => "not-detected",
        _ => "not-supported",
    };

    internal static JsonObject ToJson(HeartRateMeasurement m)
    {
        var rr = new JsonArray();
        foreach (double v in m.RrIntervalsMs) rr.Add(v);
        return new JsonObject
        {
            ["heart_rate_bpm"] = m.HeartRateBpm,
            ["sensor_contact"] = ContactName(m.SensorContact),
            ["energy_expended_kj"] = m.EnergyExpendedKj,
            ["rr_ms"] = rr,
        };
    }

    internal static string ToLine(HeartRateMeasurement m)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{m.HeartRateBpm} bpm, contact {ContactName(m.SensorContact)}");
        if (m.EnergyExpendedKj is int e) sb.Append(CultureInfo.InvariantCulture, $", energy {e} kJ");
        if (m.RrIntervalsMs.Count == 0) sb.Append(", no RR intervals");
        else
        {
            sb.Append(", RR");
            foreach (double v in m.RrIntervalsMs) sb.Append(CultureInfo.InvariantCulture, $" {v:0.###}");
            sb.Append(" ms");
        }
        return sb.ToString();
    }
}
