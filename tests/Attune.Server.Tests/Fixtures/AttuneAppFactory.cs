using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Server.Tests.Fixtures;

/// <summary>The real app on a real database file or server, one per test class; subclasses choose the provider.</summary>
public abstract class AttuneAppFactory : WebApplicationFactory<Program>
{
    /// <summary>"sqlite" or "postgres".</summary>
    public abstract string Provider { get; }

    /// <summary>Null when this provider cannot run here; the message says why.</summary>
    public abstract string? UnavailableReason { get; }

    protected abstract string ConnectionString { get; }

    /// <summary>Skips (outside CI) or fails (under CI=true) when the provider is unavailable; else a client that keeps cookies.</summary>
    public HttpClient NewClient()
    {
        if (UnavailableReason is { } reason)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(reason);
            Assert.Skip(reason);
        }
        return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Attune", ConnectionString);
        builder.UseEnvironment("Production");
        // Fewer PBKDF2 rounds than production's 100 000 keep the suite fast; hashing itself is Identity's.
        builder.ConfigureServices(s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000));
    }
}
