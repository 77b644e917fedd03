using Microsoft.Data.Sqlite;

namespace Attune.Server.Tests.Fixtures;

/// <summary>A fresh SQLite database FILE in its own temp folder (not in-memory: WAL and durability are file features).</summary>
public sealed class SqliteAppFactory : AttuneAppFactory
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "attune-server-tests", Guid.NewGuid().ToString("N"));

    public SqliteAppFactory() => Directory.CreateDirectory(_folder);

    public string DatabasePath => Path.Combine(_folder, "attune.db");

    public override string Provider => "sqlite";

    public override string? UnavailableReason => null;

    protected override string ConnectionString => $"Data Source={DatabasePath}";

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a leftover temp file is harmless */ }
        GC.SuppressFinalize(this);
    }
}
