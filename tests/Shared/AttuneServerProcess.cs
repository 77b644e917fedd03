using System.Diagnostics;

namespace Attune.Testing;

/// <summary>
/// Runs the built server (dotnet Attune.Server.dll beside the caller) on a free loopback port with its own SQLite
/// file in a temp folder, as a person would, and reads its address from the start-up line. Shared, as a linked
/// source file, by the browser tests, the server's start-up tests (<see cref="StartInfo"/>) and the live load test.
/// </summary>
internal sealed class AttuneServerProcess : IAsyncDisposable
{
    private const string Banner = "Attune is running at ";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "attune-server-process", Guid.NewGuid().ToString("N"));
    private readonly Process _process;
    private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    private AttuneServerProcess(IReadOnlyDictionary<string, string>? environment)
    {
        Directory.CreateDirectory(_folder);
        var psi = StartInfo(_folder, Path.Combine(_folder, "attune.db"), ["--urls", "http://127.0.0.1:0"]);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) psi.Environment[key] = value;
        _process = new Process { StartInfo = psi };
        _process.OutputDataReceived += (_, e) => Read(e.Data);
        _process.ErrorDataReceived += (_, e) => Read(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>
    /// How the built server is started, output redirected: in <paramref name="folder"/>, with its SQLite file at
    /// <paramref name="databasePath"/> and no listen address from the environment (only what <paramref name="args"/> say).
    /// </summary>
    public static ProcessStartInfo StartInfo(string folder, string databasePath, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Attune.Server.dll"));
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment["ConnectionStrings__Attune"] = $"Data Source={databasePath}";
        psi.Environment.Remove("ASPNETCORE_URLS");
        psi.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        return psi;
    }

    /// <summary>The server's address, e.g. http://localhost:41234.</summary>
    public string Url { get; private set; } = "";

    /// <summary>The server's process id (for /proc sampling).</summary>
    public int Pid => _process.Id;

    /// <summary>Everything the server printed (for failure messages).</summary>
    public string Output { get { lock (_output) return string.Join('\n', _output); } }

    /// <param name="environment">Extra environment variables, e.g. configuration overrides (<c>Live__MaxSessions</c>).</param>
    public static async Task<AttuneServerProcess> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "Attune.Server.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Attune.Server.dll is not beside this program; reference src/Attune.Server and build.", dll);
        var server = new AttuneServerProcess(environment);
        var finished = await Task.WhenAny(server._url.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        if (finished != server._url.Task)
        {
            string output = server.Output;
            await server.DisposeAsync();
            throw new InvalidOperationException($"The server printed no '{Banner}URL' line within 60 s. Output:\n{output}");
        }
        server.Url = (await server._url.Task).TrimEnd('/');
        return server;
    }

    private void Read(string? line)
    {
        if (line is null) return;
        lock (_output) _output.Add(line);
        int at = line.IndexOf(Banner, StringComparison.Ordinal);
        if (at >= 0) _url.TrySetResult(line[(at + Banner.Length)..].Trim());
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a leftover temp file is harmless */ }
    }
}
