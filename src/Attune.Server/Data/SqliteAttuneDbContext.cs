using Microsoft.EntityFrameworkCore;

namespace Attune.Server.Data;

/// <summary>The store on SQLite (the embedded default); its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteAttuneDbContext(DbContextOptions<SqliteAttuneDbContext> options) : AttuneDbContext(options);
