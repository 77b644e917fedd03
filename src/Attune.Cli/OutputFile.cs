using Attune.Engine;
using Attune.Engine.Audio;

namespace Attune.Cli;

/// <summary>
/// An output file written under a temporary name and moved into place only when complete, so a
/// failed or interrupted command leaves nothing half-written behind.
/// </summary>
internal sealed class OutputFile : IDisposable
{
    private readonly string _tempPath;
    private bool _committed;

    private OutputFile(string path)
    {
        FinalPath = Path.GetFullPath(path);
        string? dir = Path.GetDirectoryName(FinalPath);
        if (dir is null || !Directory.Exists(dir))
            throw new UsageException($"--out: folder '{dir}' does not exist");
        _tempPath = Path.Combine(dir, $".{Path.GetFileName(FinalPath)}.{Environment.ProcessId}.partial");
    }

    public string FinalPath { get; }
    public string TempPath => _tempPath;

    public static OutputFile For(string path, string option, params string[] extensions)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        if (Array.IndexOf(extensions, ext) < 0)
            throw new UsageException($"{option}: '{path}' must end in {string.Join(" or ", extensions)}");
        return new OutputFile(path);
    }

    public void Commit()
    {
        File.Move(_tempPath, FinalPath, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed && File.Exists(_tempPath)) File.Delete(_tempPath);
    }
}

/// <summary>Opens the audio writer that matches an output file's extension.</summary>
internal static class AudioWriters
{
    public static bool IsLossy(string path) => Path.GetExtension(path).Equals(".opus", StringComparison.OrdinalIgnoreCase);

    public static IAudioSinkFile Open(string finalPath, string tempPath, WavSampleFormat wavFormat, ulong seed) =>
        IsLossy(finalPath)
            ? new SinkFile<OggOpusWriter>(new OggOpusWriter(tempPath))
            : new SinkFile<WavFileWriter>(new WavFileWriter(tempPath, wavFormat, new SeededRandom(seed ^ WavFileWriter.DefaultDitherSeed)));

    internal interface IAudioSinkFile : IAudioSink, IDisposable;

    private sealed class SinkFile<T>(T writer) : IAudioSinkFile where T : IAudioSink, IDisposable
    {
        public void Write(ReadOnlySpan<float> left, ReadOnlySpan<float> right) => writer.Write(left, right);
        public void Dispose() => writer.Dispose();
    }
}
