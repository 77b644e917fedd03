using Attune.Server.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Attune.Server.Hosting;

/// <summary>Chooses the provider (Database:Provider = sqlite|postgres), applies migrations and seeds the roles.</summary>
internal static class DatabaseSetup
{
    public static IServiceCollection AddAttuneDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        string provider = (configuration["Database:Provider"] ?? "sqlite").Trim().ToLowerInvariant();
        string? connection = configuration.GetConnectionString("Attune");
        switch (provider)
        {
            case "sqlite":
                connection = SqliteConnection(connection, contentRoot);
                services.AddDbContext<AttuneDbContext, SqliteAttuneDbContext>(o =>
                    o.UseSqlite(connection).AddInterceptors(new SqlitePragmaInterceptor()));
                break;
            case "postgres":
                if (string.IsNullOrWhiteSpace(connection))
                    throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:Attune is empty; set it to an Npgsql connection string");
                services.AddDbContext<AttuneDbContext, PostgresAttuneDbContext>(o => o.UseNpgsql(connection));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; allowed: sqlite, postgres");
        }
        return services;
    }

    /// <summary>Brings the schema up to date, marks sessions cut off by a crash as abandoned, and makes sure every role exists.</summary>
    public static async Task MigrateAndSeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttuneDbContext>();
        await db.Database.MigrateAsync().ConfigureAwait(false);
        // Live sessions live in this process only: one still marked running was cut off by a crash or a kill.
        await db.TherapySessions.Where(s => s.Status == SessionStatus.Running)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SessionStatus.Abandoned)).ConfigureAwait(false);
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (string role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
                await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false);
        }
    }

    // Default file under the content root's data/ folder; the folder is created so the first start works.
    private static string SqliteConnection(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? $"Data Source={Path.Combine(contentRoot, "data", "attune.db")}" : configured);
        if (builder.DataSource.Length > 0 && builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            string full = Path.GetFullPath(builder.DataSource, contentRoot);
            builder.DataSource = full;
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        }
        return builder.ToString();
    }
}
