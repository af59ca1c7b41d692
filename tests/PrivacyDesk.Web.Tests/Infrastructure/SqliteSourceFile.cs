using Microsoft.Data.Sqlite;

namespace PrivacyDesk.Web.Tests.Infrastructure;

/// <summary>A test's SQLite source system, read and changed directly (not through PrivacyDesk): one helper for the fetching and the erasure tests.</summary>
public static class SqliteSourceFile
{
    /// <summary>Rows as "column=value" texts per row.</summary>
    public static async Task<List<string>> ReadAsync(string path, string sql)
    {
        await using var source = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        await source.OpenAsync();
        await using var command = source.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "" : reader.GetValue(i))}")));
        }
        return rows;
    }

    public static async Task ChangeAsync(string path, string sql)
    {
        await using var source = new SqliteConnection($"Data Source={path}");
        await source.OpenAsync();
        await using var command = source.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
