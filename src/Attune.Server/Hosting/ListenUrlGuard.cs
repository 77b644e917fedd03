using System.Net;

namespace Attune.Server.Hosting;

/// <summary>
/// Patient data never crosses a network in clear text: plain http is allowed on loopback only.
/// Checks every URL the server is configured to listen on (ASPNETCORE_URLS, --urls, Kestrel:Endpoints).
/// </summary>
internal static class ListenUrlGuard
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>The URLs to listen on, from configuration; the default when none is set.</summary>
    public static IReadOnlyList<string> ConfiguredUrls(IConfiguration configuration)
    {
        var urls = new List<string>();
        if (configuration["urls"] is { Length: > 0 } configured)
            urls.AddRange(configured.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        // ASPNETCORE_HTTP_PORTS binds every interface.
        if (configuration["http_ports"] is { Length: > 0 } ports)
        {
            foreach (string port in ports.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                urls.Add($"http://*:{port}");
        }
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url) urls.Add(url);
        }
        return urls;
    }

    /// <summary>The first URL that would serve plain http beyond this machine, or null when all are safe.</summary>
    public static string? FirstInsecure(IEnumerable<string> urls)
    {
        foreach (string url in urls)
        {
            if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) continue;
            if (!IsLoopback(HostOf(url))) return url;
        }
        return null;
    }

    public static string RefusalMessage(string url) =>
        $"Attune refuses to start: {url} would serve plain http beyond this machine. " +
        "Use http only on localhost/127.0.0.1/[::1]; for other addresses use https:// with a certificate " +
        "(Kestrel:Certificates:Default:Path and :Password; see src/Attune.Server/README.md).";

    private static string HostOf(string url)
    {
        string rest = url["http://".Length..];
        int slash = rest.IndexOf('/');
        if (slash >= 0) rest = rest[..slash];
        if (rest.StartsWith('['))
        {
            int close = rest.IndexOf(']');
            return close > 0 ? rest[1..close] : rest;
        }
        int colon = rest.LastIndexOf(':');
        return colon >= 0 ? rest[..colon] : rest;
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
