using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Connectors;

/// <summary>
/// One database engine behind one small interface (issue 14): test a connection, read the catalog into a proposed
/// map, and read one subject's rows by a retrieval plan. Each engine uses its own ADO.NET provider. The connection
/// string arrives resolved (decrypted or read from configuration) and is never logged or put in an error.
/// </summary>
public interface ISourceConnector
{
    ConnectorKind Kind { get; }

    /// <summary>Connects and runs a trivial read within <paramref name="timeout"/>; a failure is a coded error (unreachable, credentials, permission, TLS, timeout).</summary>
    Task<Result> TestAsync(string connectionString, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Reads the catalog (information_schema, sqlite_master): tables, columns, types, primary keys, indexes, single-column foreign keys.</summary>
    Task<Result<DataMap>> DiscoverAsync(string connectionString, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>
    /// Runs the plan's steps in a read-only transaction: identifiers from the catalog, quoted; values as parameters;
    /// a statement timeout; at most <see cref="FetchLimits.RowCapPerTable"/> rows per table, else a coded failure naming the table.
    /// </summary>
    Task<Result<FetchedData>> FetchAsync(string connectionString, RetrievalPlan plan, SubjectKeys subject, FetchLimits limits, CancellationToken cancellationToken);
}

public sealed record FetchLimits(int RowCapPerTable, TimeSpan StatementTimeout)
{
    public static FetchLimits Default { get; } = new(1_000, TimeSpan.FromSeconds(10));
}

/// <summary>What a retrieval read: per table its columns, rows (values as text, null as null) and the query text it ran (with parameter names, never values).</summary>
public sealed record FetchedData(IReadOnlyList<FetchedTable> Tables)
{
    public int RowCount => Tables.Sum(t => t.Rows.Count);
}

public sealed record FetchedTable(string? Schema, string Name, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows, string QueryText)
{
    public string DisplayName => Schema is null ? Name : $"{Schema}.{Name}";
}
