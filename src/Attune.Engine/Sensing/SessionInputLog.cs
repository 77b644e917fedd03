using System.Globalization;
using Attune.Engine.Events;

namespace Attune.Engine.Sensing;

/// <summary>
/// Writes session inputs to an event log and reads them back, so a recorded or simulated session can be
/// replayed (<c>attune render --inputs</c>). Format, all with stage <c>input</c>:
/// <c>hr_packet</c> {seq, hex} · <c>self_report</c> {scale, value} · <c>behaviour</c> {kind, classes?, delta_db?},
/// where scale and kind are the enum names in snake case and classes are <see cref="SoundClass"/> names
/// separated by commas.
/// </summary>
public static class SessionInputLog
{
    public const string Stage = "input";
    public const string PacketKind = "hr_packet", SelfReportKind = "self_report", BehaviourKindName = "behaviour";

    public static void WritePacket(EventLog log, double timeSeconds, uint sequence, ReadOnlySpan<byte> packet)
    {
        ArgumentNullException.ThrowIfNull(log);
        log.Write(timeSeconds, Stage, PacketKind, EventField.Of("seq", sequence), EventField.Of("hex", Convert.ToHexString(packet)));
    }

    public static void Write(EventLog log, SelfReport report)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(report);
        log.Write(report.TimeSeconds, Stage, SelfReportKind, EventField.Of("scale", Snake(report.Scale.ToString())), EventField.Of("value", report.Value));
    }

    public static void Write(EventLog log, BehaviourEvent behaviour)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(behaviour);
        string kind = Snake(behaviour.Kind.ToString());
        if (behaviour.Kind == BehaviourKind.VolumeChange)
            log.Write(behaviour.TimeSeconds, Stage, BehaviourKindName, EventField.Of("kind", kind), EventField.Of("delta_db", behaviour.VolumeDeltaDb));
        else if (behaviour.DislikedClasses != SoundClass.None)
            log.Write(behaviour.TimeSeconds, Stage, BehaviourKindName, EventField.Of("kind", kind), EventField.Of("classes", behaviour.DislikedClasses.ToString()));
        else
            log.Write(behaviour.TimeSeconds, Stage, BehaviourKindName, EventField.Of("kind", kind));
    }

    /// <summary>
    /// The inputs among <paramref name="events"/> (other stages are skipped), in log order. A malformed
    /// input throws <see cref="FormatException"/> naming the event's position, time and field.
    /// </summary>
    public static IEnumerable<SessionInput> Read(IEnumerable<LoggedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        int index = 0;
        foreach (LoggedEvent e in events)
        {
            index++;
            if (e.Stage != Stage) continue;
            string where = string.Create(CultureInfo.InvariantCulture, $"input event {index} (t = {e.TimeSeconds} s)");
            yield return e.Kind switch
            {
                PacketKind => new SessionInput(e.TimeSeconds, SessionInputKind.HeartRatePacket,
                    Sequence: (uint)Number(e, "seq", where, 0, uint.MaxValue), Packet: Hex(e, where)),
                SelfReportKind => new SessionInput(e.TimeSeconds, SessionInputKind.SelfReport,
                    Report: Guard(where, () => new SelfReport(e.TimeSeconds, Enum<SelfReportScale>(e, "scale", where), Number(e, "value", where, double.MinValue, double.MaxValue)))),
                BehaviourKindName => new SessionInput(e.TimeSeconds, SessionInputKind.Behaviour, Behaviour: Behaviour(e, where)),
                _ => throw new FormatException($"{where}: unknown input kind \"{e.Kind}\" (expected {PacketKind}, {SelfReportKind} or {BehaviourKindName})"),
            };
        }
    }

    private static BehaviourEvent Behaviour(LoggedEvent e, string where)
    {
        var kind = Enum<BehaviourKind>(e, "kind", where);
        return Guard(where, () => kind switch
        {
            BehaviourKind.Skip => BehaviourEvent.Skip(e.TimeSeconds),
            BehaviourKind.Dislike => BehaviourEvent.Dislike(e.TimeSeconds, Classes(e, where)),
            BehaviourKind.VolumeChange => BehaviourEvent.VolumeChange(e.TimeSeconds, Number(e, "delta_db", where, double.MinValue, double.MaxValue)),
            BehaviourKind.Pause => BehaviourEvent.Pause(e.TimeSeconds),
            BehaviourKind.Resume => BehaviourEvent.Resume(e.TimeSeconds),
            _ => BehaviourEvent.EarlyStop(e.TimeSeconds),
        });
    }

    private static T Guard<T>(string where, Func<T> make)
    {
        try
        {
            return make();
        }
        catch (ArgumentException x)
        {
            throw new FormatException($"{where}: {FirstSentence(x)}", x);
        }
    }

    /// <summary>The exception's own message without the runtime's "(Parameter …)" and "Actual value was …" additions.</summary>
    private static string FirstSentence(ArgumentException x)
    {
        string m = x.Message.Split('\n')[0].TrimEnd('\r');
        int paren = m.LastIndexOf(" (Parameter", StringComparison.Ordinal);
        return paren > 0 ? m[..paren] : m;
    }

    private static double Number(LoggedEvent e, string field, string where, double min, double max)
    {
        double? v = e.Data[field] is { } node && node.GetValueKind() == System.Text.Json.JsonValueKind.Number ? (double)node : null;
        if (v is not double d || d < min || d > max)
            throw new FormatException($"{where}: \"{field}\" must be a number{(min > double.MinValue ? string.Create(CultureInfo.InvariantCulture, $" in {min}–{max}") : "")}");
        return d;
    }

    private static byte[] Hex(LoggedEvent e, string where)
    {
        string? hex = e.Data["hex"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)e.Data["hex"] : null;
        try
        {
            return Convert.FromHexString(hex ?? throw new FormatException());
        }
        catch (FormatException x)
        {
            throw new FormatException($"{where}: \"hex\" must be a string of hexadecimal byte pairs", x);
        }
    }

    private static T Enum<T>(LoggedEvent e, string field, string where) where T : struct, System.Enum
    {
        string? text = e.Data[field]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)e.Data[field] : null;
        if (text is not null)
            foreach (T value in System.Enum.GetValues<T>())
                if (Snake(value.ToString()) == text) return value;
        string allowed = string.Join(", ", System.Enum.GetValues<T>().Select(v => Snake(v.ToString())));
        throw new FormatException($"{where}: \"{field}\" must be one of {allowed}");
    }

    private static SoundClass Classes(LoggedEvent e, string where)
    {
        if (e.Data["classes"] is null) return SoundClass.None;
        string? text = e.Data["classes"]!.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)e.Data["classes"] : null;
        if (text is null || !System.Enum.TryParse(text, ignoreCase: false, out SoundClass classes) || int.TryParse(text, out _))
            throw new FormatException($"{where}: \"classes\" must be sound class names separated by commas (e.g. \"WaterLike, Rustling\")");
        return classes;
    }

    /// <summary>"TinnitusLoudness" → "tinnitus_loudness".</summary>
    internal static string Snake(string name)
    {
        var b = new System.Text.StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) b.Append('_');
            b.Append(char.ToLowerInvariant(name[i]));
        }
        return b.ToString();
    }
}
