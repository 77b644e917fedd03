using System.Net;
using System.Text.RegularExpressions;

namespace Attune.Server.Tests.Hosting;

/// <summary>The server as a person starts it: one line saying where it runs, and no plain http beyond loopback.</summary>
public partial class StartupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_prints_one_line_with_the_bound_address_and_serves_it()
    {
        using var server = new ServerProcess("--urls", "http://127.0.0.1:0");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        string? line = await server.Process.StandardOutput.ReadLineAsync(timeout.Token);
        var match = RunningLine().Match(line ?? "");
        Assert.True(match.Success, $"unexpected first line: {line}");
        int port = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(0, port);

        using var http = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}") };
        var me = await http.GetAsync("/api/account/me", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.True(File.Exists(Path.Combine(server.Folder, "data", "attune.db")));

        server.Process.Kill(entireProcessTree: true);
        string rest = await server.Process.StandardOutput.ReadToEndAsync(Ct);
        Assert.Equal("", rest.Trim());
    }

    [Theory]
    [InlineData("http://0.0.0.0:5099")]
    [InlineData("http://localhost:5099;http://192.168.0.7:5099")]
    public async Task Start_refuses_plain_http_beyond_loopback(string urls)
    {
        using var server = new ServerProcess("--urls", urls);
        string stderr = await server.Process.StandardError.ReadToEndAsync(Ct);
        await server.Process.WaitForExitAsync(Ct);
        Assert.Equal(2, server.Process.ExitCode);
        Assert.Contains("Attune refuses to start", stderr);
        Assert.Contains("https://", stderr);
        Assert.Contains(urls.Split(';')[^1], stderr);
        Assert.False(File.Exists(Path.Combine(server.Folder, "data", "attune.db")));
    }

    [GeneratedRegex(@"^Attune is running at http://localhost:(\d+)$")]
    private static partial Regex RunningLine();
}
