using System.Data.Common;
using System.Globalization;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Connectors.Engines;

/// <summary>
/// One run of a retrieval plan on an open connection: checks the live catalog against the map (schema drift),
/// then reads each step's table by its match column with the values as parameters, at most cap + 1 rows, inside
/// the engine's read-only transaction, which is always rolled back.
/// </summary>
internal sealed class Retrieval(SqlDialect dialect, RetrievalPlan plan, SubjectKeys subject, FetchLimits limits)
{
    private readonly Dictionary<(string Schema, string Table), TableRead> _read = [];
    private readonly List<TableRead> _order = [];

    public FetchLimits Limits => limits;

    /// <summary>The table being read when something failed (a catalog name, never a value).</summary>
    public string? CurrentTable { get; private set; }

    public Error TimedOut() => SourceErrors.FetchTimeout with
    {
        Arguments = RelationalConnector.Args(
            ("table", CurrentTable ?? "-"),
            ("seconds", PostgreSqlDialect.Seconds(limits.StatementTimeout).ToString(CultureInfo.InvariantCulture))),
    };

    public async Task<Result<FetchedData>> RunAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await dialect.BeginReadOnlyAsync(connection, limits.StatementTimeout, cancellationToken);
        try
        {
            var catalog = await Catalog.ReadAsync(dialect, connection, transaction, limits.StatementTimeout, columnsOnly: true, cancellationToken);
            var drift = Drift(catalog);
            if (drift is not null)
            {
                return Result<FetchedData>.Failure(drift);
            }
            foreach (var step in plan.Steps)
            {
                var failure = await ReadStepAsync(connection, transaction, step, cancellationToken);
                if (failure is not null)
                {
                    return Result<FetchedData>.Failure(failure);
                }
            }
            CurrentTable = null;
            return Result.Success(new FetchedData([.. _order.Select(t => t.ToFetchedTable())]));
        }
        finally
        {
            // Nothing is ever committed: the transaction only read.
            await RollBackQuietlyAsync(transaction);
        }
    }

    private Error? Drift(Catalog catalog) => Drift(plan, catalog);

    /// <summary>The first mapped table or column of the plan that the live catalog no longer has.</summary>
    internal static Error? Drift(RetrievalPlan plan, Catalog catalog)
    {
        foreach (var table in plan.Steps.Select(s => s.Table).DistinctBy(t => (t.Schema ?? "", t.Name)))
        {
            if (!catalog.HasTable(table.Schema, table.Name))
            {
                return SourceErrors.TableMissing with { Arguments = RelationalConnector.Args(("table", table.DisplayName)) };
            }
            var gone = table.Columns.FirstOrDefault(c => !catalog.HasColumn(table.Schema, table.Name, c.Name));
            if (gone is not null)
            {
                return SourceErrors.SchemaDrift with { Arguments = RelationalConnector.Args(("table", table.DisplayName), ("column", gone.Name)) };
            }
        }
        return null;
    }

    private async Task<Error?> ReadStepAsync(DbConnection connection, DbTransaction transaction, RetrievalStep step, CancellationToken cancellationToken)
    {
        var table = step.Table;
        CurrentTable = table.DisplayName;
        if (table.Column(step.MatchColumn) is null || table.Columns.Count == 0)
        {
            return PlanInvalid(table.DisplayName, step.MatchColumn);
        }
        var values = ValuesFor(step.Source);
        if (values is null)
        {
            return PlanInvalid(
                step.Source.FromTable is null ? table.DisplayName : new MappedTable(step.Source.FromSchema, step.Source.FromTable, true, null, [], [], []).DisplayName,
                step.Source.FromColumn ?? step.Source.Identifier?.ToString() ?? "-");
        }
        var key = (table.Schema ?? "", table.Name);
        if (!_read.TryGetValue(key, out var read))
        {
            read = new TableRead(table);
            _read[key] = read;
            _order.Add(read);
        }
        if (values.Count == 0)
        {
            read.QueryTexts.Add("-- not run: no values to look for");
            return null;
        }
        var columns = string.Join(", ", table.Columns.Select(c => dialect.Quote(c.Name)));
        var from = dialect.QualifiedName(table.Schema, table.Name);
        foreach (var chunk in values.Chunk(dialect.MaxValuesPerQuery))
        {
            using var statementTimer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // The engine enforces the statement timeout; this timer is the backstop (and SQLite's only one).
            statementTimer.CancelAfter(limits.StatementTimeout + TimeSpan.FromSeconds(1));
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandTimeout = PostgreSqlDialect.Seconds(limits.StatementTimeout) + 1;
            var where = dialect.MatchClause(command, dialect.Quote(step.MatchColumn), chunk);
            command.CommandText = dialect.LimitedSelect(columns, from, where, limits.RowCapPerTable + 1);
            read.QueryTexts.Add(command.CommandText);
            await using var reader = await command.ExecuteReaderAsync(statementTimer.Token);
            var typeNames = Enumerable.Range(0, reader.FieldCount).Select(reader.GetDataTypeName).ToArray();
            while (await reader.ReadAsync(statementTimer.Token))
            {
                statementTimer.Token.ThrowIfCancellationRequested();
                var raw = new object?[reader.FieldCount];
                for (var i = 0; i < raw.Length; i++)
                {
                    raw[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }
                read.Add(raw, typeNames);
                if (read.Count > limits.RowCapPerTable)
                {
                    return SourceErrors.RowCap with
                    {
                        Arguments = RelationalConnector.Args(
                            ("table", table.DisplayName), ("cap", limits.RowCapPerTable.ToString(CultureInfo.InvariantCulture))),
                    };
                }
            }
        }
        return null;
    }

    /// <summary>The values a step compares with; null when the plan points at something no earlier step read.</summary>
    private List<object>? ValuesFor(RetrievalSource source)
    {
        if (source.Identifier is { } kind)
        {
            return IdentifierValues(subject, kind);
        }
        if (source.FromTable is null || source.FromColumn is null
            || !_read.TryGetValue((source.FromSchema ?? "", source.FromTable), out var from))
        {
            return null;
        }
        return from.ValuesOf(source.FromColumn);
    }

    /// <summary>The values an identity column is compared with: the subject's identifiers of that kind (an e-mail address also in lower and upper case).</summary>
    internal static List<object> IdentifierValues(SubjectKeys subject, SubjectIdentifierKind kind)
    {
        var values = new List<object>();
        foreach (var value in subject.Of(kind).Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            values.Add(value);
            if (kind == SubjectIdentifierKind.EmailAddress)
            {
                // Case-insensitive without lower() on the column, which would keep the engine from using its index:
                // the address as PrivacyDesk has it, in lower case and in upper case (ADR 0037 says what this misses).
                values.Add(value.Trim().ToLowerInvariant());
                values.Add(value.Trim().ToUpperInvariant());
            }
        }
        return [.. values.Distinct()];
    }

    internal static Error PlanInvalid(string table, string column) =>
        SourceErrors.PlanInvalid with { Arguments = RelationalConnector.Args(("table", table), ("column", column)) };

    internal static async Task RollBackQuietlyAsync(DbTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // A broken connection has no transaction left to roll back; the failure that broke it is what the caller hears.
        }
        await transaction.DisposeAsync();
    }

    /// <summary>The rows read from one table so far, kept raw (for the next steps' parameters) and as text (for the extract).</summary>
    private sealed class TableRead(MappedTable table)
    {
        private readonly List<object?[]> _raw = [];
        private readonly List<string?[]> _text = [];
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public List<string> QueryTexts { get; } = [];

        public int Count => _text.Count;

        public void Add(object?[] raw, string[] typeNames)
        {
            var text = new string?[raw.Length];
            for (var i = 0; i < raw.Length; i++)
            {
                text[i] = ValueText.Of(raw[i], typeNames[i]);
            }
            // A row reached by two paths is one row of the copy.
            if (_seen.Add(string.Join("\u001f", text.Select(t => t is null ? "\u0000" : t.Replace("\u001f", "\u001f\u001f", StringComparison.Ordinal)))))
            {
                _raw.Add(raw);
                _text.Add(text);
            }
        }

        public List<object>? ValuesOf(string column)
        {
            var index = table.Columns.ToList().FindIndex(c => string.Equals(c.Name, column, StringComparison.Ordinal));
            if (index < 0)
            {
                return null;
            }
            var values = new List<object>();
            var seen = new HashSet<object>();
            foreach (var row in _raw)
            {
                if (row[index] is { } value && seen.Add(value))
                {
                    values.Add(value);
                }
            }
            return values;
        }

        public FetchedTable ToFetchedTable()
        {
            // Rows in a stable order (the engine may return them in any), so the same data gives the same extract bytes.
            var rows = _text
                .OrderBy(r => r, RowComparer.Instance)
                .Select(r => (IReadOnlyList<string?>)r)
                .ToList();
            return new FetchedTable(table.Schema, table.Name, [.. table.Columns.Select(c => c.Name)], rows, string.Join("\n", QueryTexts.Distinct()));
        }
    }

    private sealed class RowComparer : IComparer<string?[]>
    {
        public static readonly RowComparer Instance = new();

        public int Compare(string?[]? x, string?[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
            {
                // Numbers by value (so id 9 comes before id 10), everything else by its characters.
                var order = decimal.TryParse(x[i], NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
                    && decimal.TryParse(y[i], NumberStyles.Number, CultureInfo.InvariantCulture, out var b)
                        ? a.CompareTo(b)
                        : string.CompareOrdinal(x[i], y[i]);
                if (order != 0)
                {
                    return order;
                }
            }
            return x.Length.CompareTo(y.Length);
        }
    }
}
