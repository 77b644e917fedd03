using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Attune.Server.Data;

/// <summary>Lets `dotnet ef migrations add --context SqliteAttuneDbContext` build the model without starting the app.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAttuneDbContext>
{
    public SqliteAttuneDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAttuneDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets `dotnet ef migrations add --context PostgresAttuneDbContext` build the model; no server is contacted.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAttuneDbContext>
{
    public PostgresAttuneDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAttuneDbContext>().UseNpgsql("Host=localhost;Database=attune").Options);
}
