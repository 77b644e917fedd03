using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Attune.Server.Hosting;

/// <summary>Prints the one line a person needs: where Attune is listening, read from the bound server (so port 0 shows the real port).</summary>
internal static class StartupBanner
{
    public static void PrintWhenStarted(WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            if (addresses is null || addresses.Count == 0) return;
            // Prefer the https address when both are bound.
            string address = addresses.FirstOrDefault(a => a.StartsWith("https://", StringComparison.Ordinal)) ?? addresses.First();
            Console.Out.WriteLine($"Attune is running at {address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)}");
            Console.Out.Flush();
        });
}
