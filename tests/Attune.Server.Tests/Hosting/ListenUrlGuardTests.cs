using Attune.Server.Hosting;
using Microsoft.Extensions.Configuration;

namespace Attune.Server.Tests.Hosting;

public class ListenUrlGuardTests
{
    [Theory]
    [InlineData("http://localhost:5080")]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://[::1]:5080")]
    [InlineData("https://0.0.0.0:5443")]
    [InlineData("https://*:443")]
    [InlineData("https://attune.example.org")]
    public void Loopback_http_and_any_https_are_allowed(string url) =>
        Assert.Null(ListenUrlGuard.FirstInsecure([url]));

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:80")]
    [InlineData("http://+:8080")]
    [InlineData("http://192.168.1.20:5080")]
    [InlineData("http://attune.example.org")]
    [InlineData("HTTP://[2001:db8::1]:80/")]
    public void Http_beyond_loopback_is_refused(string url) =>
        Assert.Equal(url, ListenUrlGuard.FirstInsecure(["http://localhost:5080", url]));

    [Fact]
    public void Urls_come_from_urls_http_ports_and_kestrel_endpoints()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://localhost:5080; https://localhost:5443",
            ["http_ports"] = "8080",
            ["Kestrel:Endpoints:Public:Url"] = "https://0.0.0.0:443",
        }).Build();
        var urls = ListenUrlGuard.ConfiguredUrls(configuration);
        Assert.Equal(["http://localhost:5080", "https://localhost:5443", "http://*:8080", "https://0.0.0.0:443"], urls);
        Assert.Equal("http://*:8080", ListenUrlGuard.FirstInsecure(urls));
    }
}
