using System.Globalization;
using System.Text.Json;
using Attune.Engine;
using Attune.Engine.Sensing;

namespace Attune.Server.Features.Live;

/// <summary>
/// Checks one browser → server text message (docs/web-protocol.md) and turns it into a <see cref="LiveCommand"/>,
/// or names the bad field and its allowed range/values.
/// </summary>
internal static class ClientMessageParser
{
    public const int MaxPacketBytes = 32;
    public const double MinVolumeDb = -40, MaxVolumeDb = 0;
    private const string Types = "hr, report, skip, dislike, volume, too_loud, pause, resume, stop, ack";
    private const string Scales = "distress, tinnitus_loudness, tinnitus_annoyance, sound_sensitivity, calm, sam_valence, sam_arousal";

    public static LiveCommand? Parse(ReadOnlySpan<byte> utf8, long arrivalTicks, out string field, out string detail)
    {
        field = detail = "";
        JsonDocument doc;
        try
        {
            var reader = new Utf8JsonReader(utf8);
            doc = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return Fail("message", "must be one JSON object", out field, out detail);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Fail("message", "must be one JSON object", out field, out detail);
            string? type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            return type switch
            {
                "hr" => HeartRate(root, arrivalTicks, out field, out detail),
                "report" => Report(root, out field, out detail),
                "skip" => new LiveCommand(LiveCommandKind.Skip),
                "dislike" => Dislike(root, out field, out detail),
                "volume" => Number(root, "db", MinVolumeDb, MaxVolumeDb, "dB", out double db, out field, out detail)
                    ? new LiveCommand(LiveCommandKind.Volume) { Value = db } : null,
                "too_loud" => new LiveCommand(LiveCommandKind.TooLoud),
                "pause" => new LiveCommand(LiveCommandKind.Pause),
                "resume" => new LiveCommand(LiveCommandKind.Resume),
                "stop" => new LiveCommand(LiveCommandKind.Stop),
                "ack" => Ack(root, out field, out detail),
                _ => Fail("type", $"must be one of: {Types}", out field, out detail),
            };
        }
    }

    private static LiveCommand? HeartRate(JsonElement root, long arrivalTicks, out string field, out string detail)
    {
        if (!Number(root, "seq", 0, uint.MaxValue, "(an integer)", out double seq, out field, out detail)) return null;
        if (seq != Math.Floor(seq)) return Fail("seq", $"must be an integer within 0–{uint.MaxValue}", out field, out detail);
        if (!Number(root, "t_ms", 0, 1e12, "ms", out _, out field, out detail)) return null;
        string? hex = root.TryGetProperty("hex", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
        byte[]? packet = hex is null ? null : ParseHex(hex);
        if (packet is null || packet.Length is 0 or > MaxPacketBytes)
            return Fail("hex", $"must be 1–{MaxPacketBytes} bytes as hex pairs (e.g. \"16 4B 00 04 02\")", out field, out detail);
        return new LiveCommand(LiveCommandKind.HeartRate) { Sequence = (uint)seq, Packet = packet, ArrivalTicks = arrivalTicks };
    }

    private static LiveCommand? Report(JsonElement root, out string field, out string detail)
    {
        string? name = root.TryGetProperty("scale", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        if (name is null || !Enum.TryParse(name.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out SelfReportScale scale)
            || !Enum.IsDefined(scale) || int.TryParse(name, out _))
            return Fail("scale", $"must be one of: {Scales}", out field, out detail);
        double min = SelfReport.MinOf(scale), max = SelfReport.MaxOf(scale);
        if (!Number(root, "value", min, max, "points", out double value, out field, out detail)) return null;
        return new LiveCommand(LiveCommandKind.Report) { Scale = scale, Value = value };
    }

    private static LiveCommand? Dislike(JsonElement root, out string field, out string detail)
    {
        field = detail = "";
        if (!root.TryGetProperty("classes", out var c) || c.ValueKind == JsonValueKind.Null) return new LiveCommand(LiveCommandKind.Dislike);
        var classes = SoundClass.None;
        bool ok = c.ValueKind == JsonValueKind.String;
        foreach (string part in ok ? c.GetString()!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [])
        {
            if (Enum.TryParse(part, ignoreCase: true, out SoundClass one) && Enum.IsDefined(one) && one != SoundClass.None && !int.TryParse(part, out _))
                classes |= one;
            else ok = false;
        }
        if (!ok)
        {
            var names = Enum.GetValues<SoundClass>().Where(v => v != SoundClass.None).Select(v => v.ToString());
            return Fail("classes", $"must be a comma-separated list of: {string.Join(", ", names)}", out field, out detail);
        }
        return new LiveCommand(LiveCommandKind.Dislike) { Classes = classes };
    }

    private static LiveCommand? Ack(JsonElement root, out string field, out string detail)
    {
        if (!Number(root, "played_frames", 0, uint.MaxValue, "frames", out double played, out field, out detail)) return null;
        if (!Number(root, "buffered_ms", 0, 60_000, "ms", out double buffered, out field, out detail)) return null;
        if (!Number(root, "underruns", 0, uint.MaxValue, "(a count)", out double underruns, out field, out detail)) return null;
        double level = double.NaN;
        if (root.TryGetProperty("level_dbfs", out var l) && l.ValueKind != JsonValueKind.Null
            && !Number(root, "level_dbfs", -200, 0, "dBFS (or null)", out level, out field, out detail)) return null;
        return new LiveCommand(LiveCommandKind.Ack)
        {
            PlayedFrames = (long)played, BufferedMs = buffered, Underruns = (long)underruns, LevelDbfs = level,
        };
    }

    private static bool Number(JsonElement root, string name, double min, double max, string unit, out double value, out string field, out string detail)
    {
        value = double.NaN;
        field = detail = "";
        if (root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out value)
            && double.IsFinite(value) && value >= min && value <= max)
            return true;
        field = name;
        detail = string.Create(CultureInfo.InvariantCulture, $"must be a number within {min:0.###}–{max:0.###} {unit}");
        return false;
    }

    /// <summary>"16 4B 00 04 02", "164B000402" or with ':'/'-' separators; null when not whole hex pairs.</summary>
    internal static byte[]? ParseHex(string text)
    {
        Span<char> digits = stackalloc char[2 * MaxPacketBytes + 2];
        int n = 0;
        foreach (char ch in text)
        {
            if (ch is ' ' or ':' or '-') continue;
            if (!char.IsAsciiHexDigit(ch) || n == digits.Length) return null;
            digits[n++] = ch;
        }
        if (n == 0 || n % 2 != 0) return null;
        var bytes = new byte[n / 2];
        for (int i = 0; i < bytes.Length; i++)
            bytes[i] = byte.Parse(digits.Slice(2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return bytes;
    }

    private static LiveCommand? Fail(string name, string message, out string field, out string detail)
    {
        field = name;
        detail = message;
        return null;
    }
}
