using Attune.Server.Data;
using Attune.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Attune.Server.Tests.Data;

public class SqlitePragmaInterceptorTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Every_connection_reads_back_wal_and_synchronous_full()
    {
        using var client = factory.NewClient(); // starts the app, which migrates the file
        for (int i = 0; i < 2; i++)
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AttuneDbContext>();
            Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            try
            {
                Assert.Equal("wal", Pragma(db, "journal_mode"));
                Assert.Equal("2", Pragma(db, "synchronous")); // 2 = FULL
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        Assert.True(File.Exists(factory.DatabasePath + "-wal") || File.Exists(factory.DatabasePath));
    }

    [Fact]
    public async Task Migrations_create_every_table_and_seed_the_roles()
    {
        using var client = factory.NewClient();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AttuneDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync(TestContext.Current.CancellationToken)).Order());
    }

    private static string Pragma(AttuneDbContext db, string name)
    {
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
