using Microsoft.EntityFrameworkCore;

namespace Attune.Server.Data;

/// <summary>The store on PostgreSQL; its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresAttuneDbContext(DbContextOptions<PostgresAttuneDbContext> options) : AttuneDbContext(options);
