using System.Diagnostics;

namespace Attune.Server.Tests.Hosting;

/// <summary>Runs the built server as its own process (dotnet Attune.Server.dll) in a temp folder, to test what a person sees.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "attune-server-process", Guid.NewGuid().ToString("N"));

    public ServerProcess(params string[] args)
    {
        Directory.CreateDirectory(_folder);
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Attune.Server.dll"));
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment["ConnectionStrings__Attune"] = $"Data Source={Path.Combine(_folder, "data", "attune.db")}";
        psi.Environment.Remove("ASPNETCORE_URLS");
        psi.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        Process = Process.Start(psi)!;
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
