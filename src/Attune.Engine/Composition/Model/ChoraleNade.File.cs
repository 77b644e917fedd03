using System.Runtime.InteropServices;
using System.Text;

namespace Attune.Engine.Composition.Model;

/// <summary>Versioned little-endian binary file: format name, version, shape, float32 weights, FNV-1a checksum.</summary>
public sealed partial class ChoraleNade
{
    /// <summary>Format name written at the start of every model file.</summary>
    public const string FormatName = "attune.chorale-nade";

    /// <summary>Current (and only accepted) file format version.</summary>
    public const int FormatVersion = 1;

    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string temp = path + ".tmp";
        using (var stream = File.Create(temp)) Save(stream);
        File.Move(temp, path, overwrite: true);
    }

    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(FormatName);
        w.Write(FormatVersion);
        w.Write(N);
        w.Write(ChoraleCorpus.LowestKey);
        w.Write(Window);
        w.Write(ContextUnits);
        w.Write(HiddenUnits);
        w.Write(Parameters.Length);
        var bytes = MemoryMarshal.AsBytes(Parameters.AsSpan());
        w.Write(bytes);
        w.Write(Checksum(bytes));
    }

    /// <summary>Loads a model file; a wrong format, version, shape, truncation or checksum throws <see cref="InvalidDataException"/>.</summary>
    public static ChoraleNade Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"model file not found: {path}", path);
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    public static ChoraleNade Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            string name = r.ReadString();
            if (name != FormatName) throw new InvalidDataException($"model file: format \"{name}\" is not \"{FormatName}\"");
            int version = r.ReadInt32();
            if (version != FormatVersion) throw new InvalidDataException($"model file: version {version} is not supported (expected {FormatVersion})");
            int keys = r.ReadInt32(), lowest = r.ReadInt32();
            if (keys != N || lowest != ChoraleCorpus.LowestKey)
                throw new InvalidDataException($"model file: {keys} keys from MIDI {lowest}, expected {N} from {ChoraleCorpus.LowestKey}");
            int window = r.ReadInt32(), context = r.ReadInt32(), hidden = r.ReadInt32(), count = r.ReadInt32();
            if (window is < 1 or > 64 || context is < 1 or > 4096 || hidden is < 1 or > 4096)
                throw new InvalidDataException($"model file: shape window={window}, context={context}, hidden={hidden} is out of range");
            if (count != Count(window, context, hidden))
                throw new InvalidDataException($"model file: {count} weights do not match the shape (expected {Count(window, context, hidden)})");
            var parameters = new float[count];
            var bytes = MemoryMarshal.AsBytes(parameters.AsSpan());
            r.BaseStream.ReadExactly(bytes);
            uint stored = r.ReadUInt32();
            if (stored != Checksum(bytes)) throw new InvalidDataException("model file: checksum mismatch (file corrupted)");
            foreach (float v in parameters)
            {
                if (!float.IsFinite(v)) throw new InvalidDataException("model file: non-finite weight");
            }
            return new ChoraleNade(window, context, hidden, parameters);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("model file: truncated", e);
        }
    }

    private static uint Checksum(ReadOnlySpan<byte> bytes)
    {
        uint hash = 2166136261;
        foreach (byte b in bytes) hash = (hash ^ b) * 16777619;
        return hash;
    }
}
