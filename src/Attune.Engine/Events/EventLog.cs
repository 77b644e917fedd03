using System.Text.Json;
using System.Text.Json.Nodes;

namespace Attune.Engine.Events;

/// <summary>
/// The session event log: versioned JSON Lines. The first line is a header
/// <c>{"format":"attune-events","version":1}</c>; each further line is one event
/// <c>{"t":seconds,"stage":"safety","kind":"limit","data":{...}}</c>. Every stage writes here
/// (safety actions, state estimates, decisions, inputs) so a session can be replayed and explained.
/// Writing reuses one buffer: a few events per second cost no garbage beyond the strings passed in.
/// </summary>
public sealed class EventLog : IDisposable
{
    public const string FormatName = "attune-events";
    public const int FormatVersion = 1;

    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Stream? _stream;
    private readonly bool _ownsStream;
    private readonly Utf8JsonWriter? _json;
    private readonly List<LoggedEvent>? _memory;
    private bool _disposed;

    private EventLog(Stream? stream, bool ownsStream, bool keepInMemory)
    {
        _stream = stream;
        _ownsStream = ownsStream;
        if (stream is not null)
        {
            _json = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = true });
            WriteHeader();
        }
        if (keepInMemory) _memory = [];
    }

    /// <summary>A log that discards everything (for callers that do not keep one).</summary>
    public static EventLog Null => new(null, false, false);

    /// <summary>A log kept in memory only, readable through <see cref="Events"/>.</summary>
    public static EventLog InMemory() => new(null, false, true);

    /// <summary>A log written to a stream; with <paramref name="alsoInMemory"/> also kept for <see cref="Events"/>.</summary>
    public static EventLog ToStream(Stream stream, bool ownsStream = false, bool alsoInMemory = false) =>
        new(stream, ownsStream, alsoInMemory);

    public int Count { get; private set; }

    /// <summary>Events kept in memory (empty unless created with memory).</summary>
    public IReadOnlyList<LoggedEvent> Events => (IReadOnlyList<LoggedEvent>?)_memory ?? [];

    public void Write(double timeSeconds, string stage, string kind, params ReadOnlySpan<EventField> data)
    {
        Count++;
        if (_memory is not null) _memory.Add(new LoggedEvent(timeSeconds, stage, kind, ToJsonObject(data)));
        if (_json is null) return;
        _json.Reset();
        _json.WriteStartObject();
        _json.WriteNumber("t", Math.Round(timeSeconds, 6));
        _json.WriteString("stage", stage);
        _json.WriteString("kind", kind);
        _json.WriteStartObject("data");
        foreach (ref readonly var f in data)
        {
            if (f.Text is not null) _json.WriteString(f.Name, f.Text);
            else if (f.Flag is bool b) _json.WriteBoolean(f.Name, b);
            else if (double.IsFinite(f.Number)) _json.WriteNumber(f.Name, f.Number);
            else _json.WriteNull(f.Name);
        }
        _json.WriteEndObject();
        _json.WriteEndObject();
        _json.Flush();
        _stream!.Write(NewLine);
    }

    public void Flush() => _stream?.Flush();

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _json?.Dispose();
        _stream?.Flush();
        if (_ownsStream) _stream?.Dispose();
    }

    /// <summary>Reads a log back; throws <see cref="FormatException"/> with the line number on a bad line or an unknown version.</summary>
    public static IEnumerable<LoggedEvent> Read(TextReader reader)
    {
        string? header = reader.ReadLine() ?? throw new FormatException("event log: empty (line 1: expected the header)");
        var h = ParseLine(header, 1);
        if ((string?)h["format"] != FormatName)
            throw new FormatException($"event log: line 1: format must be \"{FormatName}\"");
        int version = (int?)h["version"] ?? 0;
        if (version < 1 || version > FormatVersion)
            throw new FormatException($"event log: line 1: version {version} is not supported (supported: 1–{FormatVersion})");
        int lineNo = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0) continue;
            var o = ParseLine(line, lineNo);
            double t = (double?)o["t"] ?? throw new FormatException($"event log: line {lineNo}: missing \"t\"");
            string stage = (string?)o["stage"] ?? throw new FormatException($"event log: line {lineNo}: missing \"stage\"");
            string kind = (string?)o["kind"] ?? throw new FormatException($"event log: line {lineNo}: missing \"kind\"");
            var data = o["data"] as JsonObject ?? [];
            o.Remove("data");
            yield return new LoggedEvent(t, stage, kind, data);
        }
    }

    private static JsonObject ParseLine(string line, int lineNo)
    {
        try
        {
            return JsonNode.Parse(line) as JsonObject ?? throw new FormatException($"event log: line {lineNo}: not a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"event log: line {lineNo}: {e.Message}", e);
        }
    }

    private void WriteHeader()
    {
        _json!.WriteStartObject();
        _json.WriteString("format", FormatName);
        _json.WriteNumber("version", FormatVersion);
        _json.WriteEndObject();
        _json.Flush();
        _stream!.Write(NewLine);
    }

    private static JsonObject ToJsonObject(ReadOnlySpan<EventField> data)
    {
        var o = new JsonObject();
        foreach (ref readonly var f in data)
        {
            o[f.Name] = f.Text is not null ? JsonValue.Create(f.Text)
                : f.Flag is bool b ? JsonValue.Create(b)
                : double.IsFinite(f.Number) ? JsonValue.Create(f.Number) : null;
        }
        return o;
    }
}
