using Attune.Testing;
using System.Net;

namespace Attune.LoadTest;

/// <summary>
/// The server under test: either the real Release server started here (dotnet Attune.Server.dll on a free loopback port,
/// its own temp SQLite file, Live:MaxSessions 400), or an already running one at a loopback --url.
/// </summary>
internal sealed class ServerHost : IAsyncDisposable
{
    private readonly AttuneServerProcess? _server;

    private ServerHost(Uri url, AttuneServerProcess? server, int? pid)
    {
        Url = url;
        _server = server;
        Pid = pid;
    }

    public Uri Url { get; }

    /// <summary>The server's process id when known (started here, or --pid), for /proc sampling.</summary>
    public int? Pid { get; }

    public static ServerHost Attach(string url, int? pid)
    {
        var uri = new Uri(url.TrimEnd('/') + "/");
        if (!IsLoopback(uri)) throw new ArgumentException($"--url must be a loopback address (localhost, 127.0.0.0/8 or ::1), not {uri.Host}", nameof(url));
        return new ServerHost(uri, null, pid);
    }

    public static bool IsLoopback(Uri uri)
    {
        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    public static async Task<ServerHost> StartAsync(int maxSessions)
    {
        var server = await AttuneServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["Live__MaxSessions"] = maxSessions.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // No admission limit by load: the test looks for where the machine itself gives out.
            ["Live__MaxLoad"] = "100000",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        return new ServerHost(new Uri(server.Url + "/"), server, server.Pid);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
