using Npgsql;

namespace Attune.Server.Tests.Fixtures;

/// <summary>
/// A fresh PostgreSQL database per test class on the server named by ATTUNE_TEST_POSTGRES (an Npgsql
/// connection string whose user may CREATE DATABASE); .ci/run starts one. Dropped afterwards.
/// </summary>
public sealed class PostgresAppFactory : AttuneAppFactory
{
    public const string Variable = "ATTUNE_TEST_POSTGRES";
    private readonly string? _server = Environment.GetEnvironmentVariable(Variable);
    private readonly string _database = "attune_test_" + Guid.NewGuid().ToString("N");
    private bool _created;

    public override string Provider => "postgres";

    public override string? UnavailableReason => string.IsNullOrWhiteSpace(_server)
        ? $"PostgreSQL tests need {Variable} (e.g. \"Host=/tmp;Port=5433;Username=attune;Database=postgres\"); .ci/run sets it"
        : null;

    protected override string ConnectionString
    {
        get
        {
            if (!_created) CreateDatabase();
            return new NpgsqlConnectionStringBuilder(_server) { Database = _database }.ConnectionString;
        }
    }

    private void CreateDatabase()
    {
        using var connection = new NpgsqlConnection(_server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{_database}\"";
        command.ExecuteNonQuery();
        _created = true;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_created)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }
        GC.SuppressFinalize(this);
    }
}
