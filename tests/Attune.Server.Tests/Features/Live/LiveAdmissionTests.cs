namespace Attune.Server.Tests.Features.Live;

/// <summary>Room for one Opus session (2.2) and one pcm16 session (1), not a third.</summary>
public sealed class SmallLiveAppFactory : LiveAppFactory
{
    protected override double? MaxLoad => 3.3;
}

/// <summary>Admission by render load: a session that would overload the server is refused before it starts.</summary>
public sealed class LiveAdmissionTests(SmallLiveAppFactory factory) : IClassFixture<SmallLiveAppFactory>
{
    [Fact]
    public async Task Sessions_are_admitted_by_their_cost_and_one_more_than_the_load_allows_gets_503_until_one_ends()
    {
        var (opusClient, opusCookie) = await factory.PatientAsync(tinnitusHz: null);
        var (pcmClient, pcmCookie) = await factory.PatientAsync(tinnitusHz: 4000);
        var (thirdClient, thirdCookie) = await factory.PatientAsync(tinnitusHz: 4000);
        using var _ = opusClient;
        using var __ = pcmClient;
        using var ___ = thirdClient;

        using var opus = await factory.ConnectAsync(opusCookie, await LiveAppFactory.NewSessionAsync(opusClient));
        Assert.Equal("opus", (await opus.WaitForAsync("ready")).GetProperty("codec").GetString());
        using (var pcm = await factory.ConnectAsync(pcmCookie, await LiveAppFactory.NewSessionAsync(pcmClient)))
        {
            Assert.Equal("pcm16", (await pcm.WaitForAsync("ready")).GetProperty("codec").GetString());
            Guid third = await LiveAppFactory.NewSessionAsync(thirdClient);
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.ConnectAsync(thirdCookie, third));
            Assert.Contains("503", refused.Message, StringComparison.Ordinal);

            await pcm.SendAsync(new { type = "stop" });
            await pcm.WaitForAsync("ended", timeout: TimeSpan.FromSeconds(20));
        }
        // The pcm16 session's unit is free again: a new session fits.
        using var again = await factory.ConnectAsync(thirdCookie, await LiveAppFactory.NewSessionAsync(thirdClient));
        Assert.Equal("pcm16", (await again.WaitForAsync("ready")).GetProperty("codec").GetString());
    }
}
