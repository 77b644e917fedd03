using System.Diagnostics;
using System.Net;

namespace Attune.LoadTest;

/// <summary>
/// The server under test: either the real Release server started here (dotnet Attune.Server.dll on a free loopback port,
/// its own temp SQLite file, Live:MaxSessions 400), or an already running one at a loopback --url.
/// </summary>
internal sealed class ServerHost : IAsyncDisposable
{
    private const string Banner = "Attune is running at ";
    private readonly Process? _process;
    private readonly string? _folder;

    private ServerHost(Uri url, Process? process, string? folder, int? pid)
    {
        Url = url;
        _process = process;
        _folder = folder;
        Pid = pid;
    }

    public Uri Url { get; }

    /// <summary>The server's process id when known (started here, or --pid), for /proc sampling.</summary>
    public int? Pid { get; }

    public static ServerHost Attach(string url, int? pid)
    {
        var uri = new Uri(url.TrimEnd('/') + "/");
        if (!IsLoopback(uri)) throw new ArgumentException($"--url must be a loopback address (localhost, 127.0.0.0/8 or ::1), not {uri.Host}", nameof(url));
        return new ServerHost(uri, null, null, pid);
    }

    public static bool IsLoopback(Uri uri)
    {
        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    public static async Task<ServerHost> StartAsync(int maxSessions)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "Attune.Server.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Attune.Server.dll is not beside the tool; build bench/Attune.LoadTest first.", dll);
        string folder = Path.Combine(Path.GetTempPath(), "attune-loadtest", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add("http://127.0.0.1:0");
        psi.Environment["ConnectionStrings__Attune"] = $"Data Source={Path.Combine(folder, "attune.db")}";
        psi.Environment["Live__MaxSessions"] = maxSessions.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment.Remove("ASPNETCORE_URLS");
        psi.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        var url = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new List<string>();
        var process = new Process { StartInfo = psi };
        void Read(string? line)
        {
            if (line is null) return;
            lock (output) if (output.Count < 200) output.Add(line);
            int at = line.IndexOf(Banner, StringComparison.Ordinal);
            if (at >= 0) url.TrySetResult(line[(at + Banner.Length)..].Trim());
        }
        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await Task.WhenAny(url.Task, Task.Delay(TimeSpan.FromSeconds(60))) != url.Task)
        {
            process.Kill(entireProcessTree: true);
            string text;
            lock (output) text = string.Join('\n', output);
            throw new InvalidOperationException($"The server printed no '{Banner}URL' line within 60 s:\n{text}");
        }
        return new ServerHost(new Uri((await url.Task).TrimEnd('/') + "/"), process, folder, process.Id);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
        if (_folder is null) return;
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a leftover temp file is harmless */ }
    }
}
