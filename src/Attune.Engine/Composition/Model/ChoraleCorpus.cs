using System.Text.Json;

namespace Attune.Engine.Composition.Model;

/// <summary>
/// Piano-roll chorales by split ("train", "valid", "test"), in the JSON layout of the JSB Chorales
/// benchmark (Boulanger-Lewandowski, Bengio &amp; Vincent 2012): {"split": [chorale...]}, a chorale is a
/// list of frames, a frame a list of MIDI notes. Any subset of splits may be present.
/// </summary>
public sealed class ChoraleCorpus
{
    /// <summary>Lowest piano key (A0) as a MIDI note.</summary>
    public const int LowestKey = 21;

    /// <summary>Highest piano key (C8) as a MIDI note.</summary>
    public const int HighestKey = 108;

    /// <summary>Number of piano keys, each a binary unit of a frame.</summary>
    public const int KeyCount = HighestKey - LowestKey + 1;

    private readonly Dictionary<string, IReadOnlyList<int[][]>> _splits;

    public ChoraleCorpus(IReadOnlyDictionary<string, IReadOnlyList<int[][]>> splits)
    {
        ArgumentNullException.ThrowIfNull(splits);
        _splits = new Dictionary<string, IReadOnlyList<int[][]>>(StringComparer.Ordinal);
        foreach (var (name, chorales) in splits)
        {
            for (int c = 0; c < chorales.Count; c++)
            {
                for (int f = 0; f < chorales[c].Length; f++)
                {
                    foreach (int note in chorales[c][f]) CheckNote(name, c, f, note);
                }
            }
            _splits[name] = chorales;
        }
    }

    /// <summary>The split names present in the file, in file order.</summary>
    public IReadOnlyCollection<string> SplitNames => _splits.Keys;

    public bool HasSplit(string name) => _splits.ContainsKey(name);

    /// <summary>The chorales of a split; each frame's notes are distinct and ascending.</summary>
    public IReadOnlyList<int[][]> GetSplit(string name)
    {
        if (_splits.TryGetValue(name, out var chorales)) return chorales;
        string present = _splits.Count == 0 ? "none" : string.Join(", ", _splits.Keys);
        throw new KeyNotFoundException($"split \"{name}\" is not in the corpus (present: {present})");
    }

    /// <summary>Reads a corpus file; a malformed file or an out-of-range note throws <see cref="InvalidDataException"/> naming the place.</summary>
    public static ChoraleCorpus Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"corpus file not found: {path}", path);
        using var stream = File.OpenRead(path);
        return Parse(stream, Path.GetFileName(path));
    }

    /// <summary>Parses a corpus from JSON; <paramref name="source"/> names it in error messages.</summary>
    public static ChoraleCorpus Parse(Stream json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: malformed JSON ({e.Message})", e);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{source}: expected a JSON object of splits such as {{\"train\": [...], \"valid\": [...]}}");
            var splits = new Dictionary<string, IReadOnlyList<int[][]>>(StringComparer.Ordinal);
            foreach (var split in doc.RootElement.EnumerateObject())
            {
                splits[split.Name] = ReadSplit(split.Name, split.Value);
            }
            if (splits.Count == 0) throw new InvalidDataException($"{source}: no splits (expected keys such as \"train\", \"valid\", \"test\")");
            return new ChoraleCorpus(splits);
        }
    }

    private static int[][][] ReadSplit(string name, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{name}: expected an array of chorales");
        var chorales = new int[value.GetArrayLength()][][];
        int c = 0;
        foreach (var chorale in value.EnumerateArray())
        {
            if (chorale.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{name}[{c}]: expected an array of frames");
            var frames = new int[chorale.GetArrayLength()][];
            int f = 0;
            foreach (var frame in chorale.EnumerateArray())
            {
                if (frame.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{name}[{c}][{f}]: expected an array of MIDI notes");
                var notes = new SortedSet<int>();
                foreach (var note in frame.EnumerateArray())
                {
                    if (note.ValueKind != JsonValueKind.Number || !note.TryGetInt32(out int n))
                        throw new InvalidDataException($"{name}[{c}][{f}]: {note.GetRawText()} is not an integer MIDI note");
                    CheckNote(name, c, f, n);
                    notes.Add(n);
                }
                frames[f++] = [.. notes];
            }
            chorales[c++] = frames;
        }
        return chorales;
    }

    private static void CheckNote(string split, int chorale, int frame, int note)
    {
        if (note < LowestKey || note > HighestKey)
            throw new InvalidDataException($"{split}[{chorale}][{frame}]: note {note} is outside {LowestKey}–{HighestKey}");
    }
}
