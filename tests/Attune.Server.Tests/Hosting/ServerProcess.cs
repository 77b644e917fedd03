using System.Diagnostics;
using Attune.Testing;

namespace Attune.Server.Tests.Hosting;

/// <summary>Runs the built server as its own process (dotnet Attune.Server.dll) in a temp folder with raw access to its output, to test what a person sees.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "attune-server-process", Guid.NewGuid().ToString("N"));

    public ServerProcess(params string[] args)
    {
        Directory.CreateDirectory(_folder);
        // The default place under the content root, so the tests see where a fresh start puts the database.
        Process = Process.Start(AttuneServerProcess.StartInfo(_folder, Path.Combine(_folder, "data", "attune.db"), args))!;
    }

    public Process Process { get; }

    public string Folder => _folder;

    public void Dispose()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        Process.WaitForExit();
        Process.Dispose();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a leftover temp file is harmless */ }
    }
}
