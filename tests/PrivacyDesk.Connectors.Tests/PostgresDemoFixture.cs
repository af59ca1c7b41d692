using Npgsql;
using PrivacyDesk.Connectors.Demo;
using PrivacyDesk.Tests.Shared;

namespace PrivacyDesk.Connectors.Tests;

/// <summary>One real PostgreSQL server for the run, with the demo source systems in it (databases demo_core_banking, ...).</summary>
public sealed class PostgresDemoFixture : IAsyncLifetime
{
    public const string Prefix = "demo_";

    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public string ConnectionString(DemoSystem system) => Server.ConnectionString(Prefix + system.DatabaseName);

    public async ValueTask InitializeAsync()
    {
        _server = await PostgresServer.StartAsync(TestContext.Current.CancellationToken);
        await CoreBankingDemo.CreatePostgresAsync(Server.ConnectionString(), Prefix, DemoSubjects.All, DemoSize.Small, cancellationToken: TestContext.Current.CancellationToken);
    }

    /// <summary>A fresh copy of one demo database that a test may change (drop a column, add rows, lock a table).</summary>
    public async Task<string> CopyOfAsync(DemoSystem system)
    {
        var copy = $"scratch_{Guid.NewGuid():N}";
        await using var server = Pg.Open(Server.ConnectionString());
        await server.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE {copy} TEMPLATE {Prefix}{system.DatabaseName}", server);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return Server.ConnectionString(copy);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresDemoFixture>
{
    public const string Name = "PostgreSQL";
}

internal static class Pg
{
    // Unpooled: an idle pooled connection would keep a demo database from serving as a template for the next copy.
    public static NpgsqlConnection Open(string connectionString) =>
        new(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);

    public static async Task<List<string?[]>> RowsAsync(string connectionString, string sql)
    {
        await using var connection = Open(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            }
            rows.Add(row);
        }
        return rows;
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = Open(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
