using Microsoft.Data.Sqlite;
using PrivacyDesk.Connectors.Demo;

namespace PrivacyDesk.Connectors.Tests;

/// <summary>The demo source systems as SQLite files in a temporary folder, created once for the class.</summary>
public sealed class SqliteDemoFixture : IAsyncLifetime
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "privacydesk-demo-" + Guid.NewGuid().ToString("N"));

    public string ConnectionString(DemoSystem system) => CoreBankingDemo.SqliteConnectionString(Folder, system);

    public async ValueTask InitializeAsync() =>
        await CoreBankingDemo.CreateSqliteAsync(Folder, DemoSubjects.All, DemoSize.Small, cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>A copy of one demo file that a test may change (drop a column, add rows) without touching the others' data.</summary>
    public string CopyOf(DemoSystem system)
    {
        var copy = Path.Combine(Folder, $"{system.DatabaseName}-{Guid.NewGuid():N}.db");
        File.Copy(CoreBankingDemo.SqliteFile(Folder, system), copy);
        return new SqliteConnectionStringBuilder { DataSource = copy }.ToString();
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

internal static class Sql
{
    /// <summary>Runs a hand-written query (the test's own answer) and returns its rows as text.</summary>
    public static List<string?[]> Rows(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
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

    public static void Execute(string connectionString, string sql)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
