using System.Data.Common;
using System.Globalization;
using System.Security.Authentication;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Domain.Sources.Changes;

namespace PrivacyDesk.Connectors.Engines;

/// <summary>
/// The one implementation of <see cref="ISourceChanger"/> for relational engines (issue 15, ADR 0041), beside
/// <see cref="RelationalConnector"/> and with the same <see cref="SqlDialect"/>: names from the map, quoted; every
/// value a parameter; rows named by their primary keys as the retrieval walk finds them (<see cref="KeyWalk"/>).
/// </summary>
internal sealed class RelationalChanger(SqlDialect dialect) : ISourceChanger
{
    public ConnectorKind Kind => dialect.Kind;

    public Task<Result<IReadOnlyList<DryRunStatement>>> DryRunAsync(string connectionString, SourceChangeRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var built = Build(run);
        if (built.IsFailure)
        {
            return Task.FromResult(Result<IReadOnlyList<DryRunStatement>>.Failure(built.Errors));
        }
        var context = new ChangeContext();
        return RunAsync<IReadOnlyList<DryRunStatement>>(connectionString, write: false, Overall(run), run.Limits.StatementTimeout, context, async (connection, token) =>
        {
            // Read-only and rolled back: a dry run cannot change anything, whatever the erasure user may do.
            var transaction = await dialect.BeginReadOnlyAsync(connection, run.Limits.StatementTimeout, token);
            try
            {
                var walk = new KeyWalk(dialect, run.Walk, run.Subject, context, run.Limits.StatementTimeout);
                var failure = await DriftAsync(connection, transaction, run, token)
                    ?? await walk.RunAsync(connection, transaction, ChangedTables(built.Value), locking: false, token);
                if (failure is not null)
                {
                    return Result<IReadOnlyList<DryRunStatement>>.Failure(failure);
                }
                var statements = new List<DryRunStatement>();
                foreach (var statement in built.Value)
                {
                    context.CurrentTable = statement.Table.DisplayName;
                    var keys = walk.KeysOf(statement.Table);
                    var toInsert = statement.Marker is null ? keys.Count : (await UnlistedAsync(connection, transaction, statement, keys, run, token)).Count;
                    statements.Add(statement.ToDryRun(keys.Count, Hashes(run, statement, keys), toInsert));
                }
                return Result.Success<IReadOnlyList<DryRunStatement>>(statements);
            }
            finally
            {
                await Retrieval.RollBackQuietlyAsync(transaction);
            }
        }, cancellationToken);
    }

    public async Task<Result<SourceChangeOutcome>> ExecuteAsync(
        string connectionString, SourceChangeRun run, IReadOnlyList<DryRunStatement> approved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(approved);
        var built = Build(run);
        if (built.IsFailure)
        {
            return Result<SourceChangeOutcome>.Failure(built.Errors);
        }
        // The statements must be the approved ones, one for one: a changed map or plan needs a new approval.
        for (var i = 0; i < Math.Max(built.Value.Count, approved.Count); i++)
        {
            if (i >= built.Value.Count || i >= approved.Count || approved[i].StatementHash != built.Value[i].Hash)
            {
                var table = i < built.Value.Count ? built.Value[i].Table.DisplayName : approved[i].DisplayName;
                return Result<SourceChangeOutcome>.Failure(PlanChanged(table));
            }
        }
        var context = new ChangeContext();
        var startedAt = DateTimeOffset.UtcNow;
        return await RunAsync(connectionString, write: true, Overall(run), run.Limits.StatementTimeout, context, async (connection, token) =>
        {
            var walk = new KeyWalk(dialect, run.Walk, run.Subject, context, run.Limits.StatementTimeout);
            var executed = new List<DryRunStatement>();
            var transaction = await dialect.BeginChangeAsync(connection, run.Limits.StatementTimeout, token);
            var committed = false;
            try
            {
                var failure = await DriftAsync(connection, transaction, run, token)
                    ?? await walk.RunAsync(connection, transaction, ChangedTables(built.Value), locking: true, token);
                if (failure is not null)
                {
                    return Result<SourceChangeOutcome>.Failure(failure);
                }
                // First compare every table (nothing has run yet), then run: a plan that changed never half-runs.
                for (var i = 0; i < built.Value.Count; i++)
                {
                    var statement = built.Value[i];
                    var now = Hashes(run, statement, walk.KeysOf(statement.Table));
                    if (!approved[i].RowKeyHashes.All(new HashSet<string>(now, StringComparer.Ordinal).Contains))
                    {
                        return Result<SourceChangeOutcome>.Failure(PlanChanged(statement.Table.DisplayName));
                    }
                    // Rows added since may not carry a statement past the maximum the approver did not have to confirm.
                    if (now.Count > run.Limits.MaxRowsPerTable && approved[i].RowCount <= run.Limits.MaxRowsPerTable)
                    {
                        return Result<SourceChangeOutcome>.Failure(PlanChanged(statement.Table.DisplayName));
                    }
                }
                for (var i = 0; i < built.Value.Count; i++)
                {
                    var statement = built.Value[i];
                    context.CurrentTable = statement.Table.DisplayName;
                    var keys = walk.KeysOf(statement.Table);
                    var (expected, actual) = await RunStatementAsync(connection, transaction, statement, keys, run, token);
                    if (expected != actual)
                    {
                        return Result<SourceChangeOutcome>.Failure(SourceErrors.ChangeCountMismatch with
                        {
                            Arguments = RelationalConnector.Args(
                                ("table", statement.Table.DisplayName),
                                ("expected", expected.ToString(CultureInfo.InvariantCulture)),
                                ("actual", actual.ToString(CultureInfo.InvariantCulture))),
                        });
                    }
                    var hashes = Hashes(run, statement, keys);
                    var approvedHashes = new HashSet<string>(approved[i].RowKeyHashes, StringComparer.Ordinal);
                    executed.Add(approved[i] with
                    {
                        RowKeyHashes = hashes,
                        ExecutedCount = actual,
                        AddedSince = hashes.Count(h => !approvedHashes.Contains(h)),
                    });
                }
                context.CurrentTable = null;
                await transaction.CommitAsync(token);
                committed = true;
            }
            finally
            {
                if (!committed)
                {
                    await Retrieval.RollBackQuietlyAsync(transaction);
                }
                else
                {
                    await transaction.DisposeAsync();
                }
            }
            try
            {
                var proofs = new List<TableProof>();
                foreach (var statement in built.Value)
                {
                    context.CurrentTable = statement.Table.DisplayName;
                    proofs.Add(await ProveAsync(connection, statement, walk.KeysOf(statement.Table), run, token));
                }
                return Result.Success(new SourceChangeOutcome(executed, new SystemProof(startedAt, DateTimeOffset.UtcNow, run.Walk.MapVersion, proofs)));
            }
            catch (Exception e) when (e is DbException or TimeoutException or IOException or OperationCanceledException)
            {
                // Committed, but the re-query failed: say so plainly rather than "nothing changed".
                return Result<SourceChangeOutcome>.Failure(SourceErrors.ChangeProofFailed with
                {
                    Arguments = RelationalConnector.Args(("table", context.CurrentTable ?? "-"), ("code", dialect.Classify(e).Code)),
                });
            }
        }, cancellationToken);
    }

    public Task<Result<SubjectKeys>> FindSubjectAsync(
        string connectionString, DataMap map, IReadOnlyCollection<string> subjectKeyHashes, byte[] hashKey, ChangeLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(subjectKeyHashes);
        ArgumentNullException.ThrowIfNull(hashKey);
        ArgumentNullException.ThrowIfNull(limits);
        var wanted = new HashSet<string>(subjectKeyHashes, StringComparer.Ordinal);
        var identityColumns = map.Tables.Where(t => t.InScope)
            .SelectMany(t => t.Columns.Where(c => c.Identifies is not null).Select(c => (Table: t, Column: c)))
            .ToList();
        var context = new ChangeContext();
        var overall = limits.StatementTimeout * Math.Max(3, identityColumns.Count + 2);
        return RunAsync(connectionString, write: false, overall, limits.StatementTimeout, context, async (connection, token) =>
        {
            var found = new Dictionary<SubjectIdentifierKind, List<string>>();
            var transaction = await dialect.BeginReadOnlyAsync(connection, limits.StatementTimeout, token);
            try
            {
                foreach (var (table, column) in identityColumns)
                {
                    context.CurrentTable = table.DisplayName;
                    var kind = column.Identifies!.Value;
                    await using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandTimeout = PostgreSqlDialect.Seconds(limits.StatementTimeout) + 1;
                    var quoted = dialect.Quote(column.Name);
                    // Streamed, one value at a time: only the values whose keyed hash is wanted are kept.
                    command.CommandText = $"SELECT {quoted} FROM {dialect.QualifiedName(table.Schema, table.Name)} WHERE {quoted} IS NOT NULL";
                    await using var reader = await command.ExecuteReaderAsync(token);
                    while (await reader.ReadAsync(token))
                    {
                        var value = ValueText.Of(reader.GetValue(0), reader.GetDataTypeName(0));
                        if (value is not null && wanted.Contains(SubjectKeyHashing.Hash(hashKey, kind, value)))
                        {
                            if (!found.TryGetValue(kind, out var values))
                            {
                                values = [];
                                found[kind] = values;
                            }
                            if (!values.Contains(value, StringComparer.Ordinal))
                            {
                                values.Add(value);
                            }
                        }
                    }
                }
                context.CurrentTable = null;
                return Result.Success(new SubjectKeys(found.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value)));
            }
            finally
            {
                await Retrieval.RollBackQuietlyAsync(transaction);
            }
        }, cancellationToken);
    }

    /// <summary>Every statement of the plan, in the plan's order, with its text, its value parameters and what the dry run shows of them.</summary>
    private Result<List<Statement>> Build(SourceChangeRun run)
    {
        var statements = new List<Statement>();
        for (var i = 0; i < run.Plan.Changes.Count; i++)
        {
            var change = run.Plan.Changes[i];
            var table = run.Walk.Steps.Select(s => s.Table)
                .FirstOrDefault(t => string.Equals(t.Schema ?? "", change.Schema ?? "", StringComparison.Ordinal) && string.Equals(t.Name, change.Table, StringComparison.Ordinal));
            if (table is null)
            {
                return Result<List<Statement>>.Failure(Retrieval.PlanInvalid(change.DisplayName, "-"));
            }
            if (KeyWalk.SingleKey(table) is not { } key)
            {
                return Result<List<Statement>>.Failure(SourceErrors.ChangeNoPrimaryKey with { Arguments = RelationalConnector.Args(("table", table.DisplayName)) });
            }
            var statement = new Statement(i + 1, change, table, key);
            var error = change.Operation switch
            {
                SourceChangeOperation.DeleteRows => statement.Delete(dialect),
                SourceChangeOperation.MaskColumns => statement.Set(dialect, change.Columns, "m", c => MaskOf(run, table, c)),
                SourceChangeOperation.Rectify => statement.Set(dialect, change.Columns, "v", c => (c.Value, Shown: Rectified(c.Value))),
                SourceChangeOperation.MarkRestricted => Restrict(statement, change, table),
                _ => Retrieval.PlanInvalid(table.DisplayName, change.Operation.ToString()),
            };
            if (error is not null)
            {
                return Result<List<Statement>>.Failure(error);
            }
            statements.Add(statement);
        }
        return Result.Success(statements);
    }

    private Error? Restrict(Statement statement, PlannedTableChange change, MappedTable table)
    {
        var marker = table.Restriction;
        if (marker is { IsColumn: true })
        {
            return statement.Set(dialect, [new PlannedColumnChange(marker.Column!, null, marker.Value)], "r",
                c => (c.Value, c.Value is null ? "NULL (restriction marker)" : $"\"{c.Value}\" (restriction marker)"));
        }
        if (marker is { MarkerTable: { } markerTable, MarkerKeyColumn: { } markerKey })
        {
            statement.Marker = (dialect.QualifiedName(marker.MarkerSchema, markerTable), dialect.Quote(markerKey));
            statement.Sql = $"INSERT INTO {statement.Marker.Value.Table} ({statement.Marker.Value.Column}) VALUES (@key)";
            return null;
        }
        // The planner may carry the marker column on the change itself.
        return change.Columns.Count > 0
            ? statement.Set(dialect, change.Columns, "r", c => (c.Value, c.Value is null ? "NULL (restriction marker)" : $"\"{c.Value}\" (restriction marker)"))
            : SourceErrors.ChangeMarkerMissing with { Arguments = RelationalConnector.Args(("table", table.DisplayName)) };
    }

    private static (string? Value, string Shown) MaskOf(SourceChangeRun run, MappedTable table, PlannedColumnChange change)
    {
        var column = table.Column(change.Column);
        var strategy = change.Mask ?? column?.Mask?.Strategy ?? MaskStrategy.Null;
        return strategy switch
        {
            MaskStrategy.FixedValue => (change.Value ?? column?.Mask?.FixedValue, $"\"{change.Value ?? column?.Mask?.FixedValue}\" (fixed value)"),
            MaskStrategy.KeyedHash => (ChangeHashing.MaskValue(run.HashKey, run.SubjectPseudonym, table.DisplayName, change.Column, ChangeHashing.TextLength(column?.DataType ?? "")), "keyed hash"),
            _ => (null, "NULL"),
        };
    }

    /// <summary>A corrected value as the dry run shows it: its first character and its length, never the value.</summary>
    internal static string Rectified(string? value) => value is null or ""
        ? "empty (rectified value)"
        : string.Create(CultureInfo.InvariantCulture, $"{value[..1]}••• (rectified value, {value.Length} characters)");

    private static HashSet<(string, string)> ChangedTables(List<Statement> statements) =>
        [.. statements.Select(s => KeyWalk.Key(s.Table.Schema, s.Table.Name))];

    private static List<string> Hashes(SourceChangeRun run, Statement statement, IReadOnlyList<object> keys) =>
        [.. keys.Select(k => ChangeHashing.RowKey(run.HashKey, statement.Table.DisplayName, KeyText(k)))];

    private static string KeyText(object key) => ValueText.Of(key, "") ?? "";

    private static TimeSpan Overall(SourceChangeRun run) =>
        run.Limits.StatementTimeout * Math.Max(4, run.Walk.Steps.Count + (2 * run.Plan.Changes.Count) + 4);

    private static Error PlanChanged(string table) =>
        SourceErrors.ChangePlanChanged with { Arguments = RelationalConnector.Args(("table", table)) };

    private async Task<Error?> DriftAsync(DbConnection connection, DbTransaction transaction, SourceChangeRun run, CancellationToken cancellationToken)
    {
        var catalog = await Catalog.ReadAsync(dialect, connection, transaction, run.Limits.StatementTimeout, columnsOnly: true, cancellationToken);
        return Retrieval.Drift(run.Walk, catalog);
    }

    /// <summary>Runs one statement over the locked keys (in chunks where the engine has no array parameter); returns the rows it should and did change.</summary>
    private async Task<(int Expected, int Actual)> RunStatementAsync(
        DbConnection connection, DbTransaction transaction, Statement statement, IReadOnlyList<object> keys, SourceChangeRun run, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return (0, 0);
        }
        if (statement.Marker is { } marker)
        {
            var unlisted = await UnlistedAsync(connection, transaction, statement, keys, run, cancellationToken);
            var inserted = 0;
            foreach (var chunk in unlisted.Chunk(500))
            {
                await using var insert = Command(connection, transaction, run);
                var names = new List<string>();
                for (var i = 0; i < chunk.Length; i++)
                {
                    var name = FormattableString.Invariant($"@i{i}");
                    AddParameter(insert, name, chunk[i]);
                    names.Add($"({name})");
                }
                insert.CommandText = $"INSERT INTO {marker.Table} ({marker.Column}) VALUES {string.Join(", ", names)}";
                inserted += await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            return (unlisted.Count, inserted);
        }
        var affected = 0;
        foreach (var chunk in keys.Chunk(dialect.MaxKeysPerStatement))
        {
            await using var command = Command(connection, transaction, run);
            foreach (var (name, value) in statement.Values)
            {
                AddParameter(command, name, value);
            }
            command.CommandText = $"{statement.Prefix} WHERE {dialect.KeysClause(command, dialect.Quote(statement.Key.Name), chunk)}";
            affected += await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return (keys.Count, affected);
    }

    /// <summary>The keys not yet listed in the restriction marker table.</summary>
    private async Task<List<object>> UnlistedAsync(
        DbConnection connection, DbTransaction transaction, Statement statement, IReadOnlyList<object> keys, SourceChangeRun run, CancellationToken cancellationToken)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var (table, column) = statement.Marker!.Value;
        foreach (var chunk in keys.Chunk(dialect.MaxKeysPerStatement))
        {
            await using var command = Command(connection, transaction, run);
            command.CommandText = $"SELECT {column} FROM {table} WHERE {dialect.KeysClause(command, column, chunk)}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                listed.Add(KeyText(reader.GetValue(0)));
            }
        }
        return [.. keys.Where(k => !listed.Contains(KeyText(k)))];
    }

    /// <summary>Re-reads one table after commit: rows left by the executed keys, values other than the mask, and the subject's identifiers in erased identity columns.</summary>
    private async Task<TableProof> ProveAsync(DbConnection connection, Statement statement, IReadOnlyList<object> keys, SourceChangeRun run, CancellationToken cancellationToken)
    {
        var quotedKey = dialect.Quote(statement.Key.Name);
        var from = dialect.QualifiedName(statement.Table.Schema, statement.Table.Name);
        var remaining = 0;
        var differing = 0;
        foreach (var chunk in keys.Chunk(dialect.MaxKeysPerStatement))
        {
            if (statement.Marker is { } marker)
            {
                remaining += await CountAsync(connection, run, command => $"SELECT COUNT(*) FROM {marker.Table} WHERE {dialect.KeysClause(command, marker.Column, chunk)}", cancellationToken);
                continue;
            }
            remaining += await CountAsync(connection, run, command => $"SELECT COUNT(*) FROM {from} WHERE {dialect.KeysClause(command, quotedKey, chunk)}", cancellationToken);
            if (statement.Columns.Count > 0)
            {
                differing += await CountAsync(connection, run, command =>
                {
                    foreach (var (name, value) in statement.Values)
                    {
                        AddParameter(command, name, value);
                    }
                    var differs = statement.Columns.Select(c => c.Value is null
                        ? $"{c.Quoted} IS NOT NULL"
                        : $"({c.Quoted} IS NULL OR {c.Quoted} <> {c.Expression})");
                    return $"SELECT COUNT(*) FROM {from} WHERE {dialect.KeysClause(command, quotedKey, chunk)} AND ({string.Join(" OR ", differs)})";
                }, cancellationToken);
            }
        }
        // An erased identity column (deleted rows, or a masked identity column) must hold the subject's identifiers nowhere in the table.
        var erasedIdentities = statement.Change.Operation switch
        {
            SourceChangeOperation.DeleteRows => statement.Table.Columns.Where(c => c.Identifies is not null).ToList(),
            SourceChangeOperation.MaskColumns => [.. statement.Table.Columns.Where(c => c.Identifies is not null && statement.Columns.Any(s => s.Name == c.Name))],
            _ => [],
        };
        foreach (var column in erasedIdentities)
        {
            var values = Retrieval.IdentifierValues(run.Subject, column.Identifies!.Value);
            if (values.Count > 0)
            {
                differing += await CountAsync(connection, run, command => $"SELECT COUNT(*) FROM {from} WHERE {dialect.MatchClause(command, dialect.Quote(column.Name), values)}", cancellationToken);
            }
        }
        var expected = statement.Change.Operation == SourceChangeOperation.DeleteRows ? 0 : keys.Count;
        return new TableProof(statement.Table.Schema, statement.Table.Name, remaining, expected,
            statement.Change.Operation == SourceChangeOperation.MaskColumns ? [.. statement.Columns.Select(c => c.Name)] : [],
            differing == 0, statement.Hash);
    }

    private static async Task<int> CountAsync(DbConnection connection, SourceChangeRun run, Func<DbCommand, string> sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, run);
        command.CommandText = sql(command);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, SourceChangeRun run)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        // The engine's own timeout is set in the transaction; this one is the provider's backstop.
        command.CommandTimeout = PostgreSqlDialect.Seconds(run.Limits.StatementTimeout) + 1;
        return command;
    }

    private static void AddParameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>Opens a connection (the erasure user's for a change), runs <paramref name="work"/> within <paramref name="timeout"/> and turns every engine failure into a coded change error.</summary>
    private async Task<Result<T>> RunAsync<T>(
        string connectionString, bool write, TimeSpan timeout, TimeSpan statementTimeout, ChangeContext context,
        Func<DbConnection, CancellationToken, Task<Result<T>>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        DbConnection connection;
        try
        {
            connection = write ? dialect.CreateChangeConnection(connectionString, statementTimeout) : dialect.CreateConnection(connectionString, statementTimeout);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return Result<T>.Failure(SourceErrors.ConnectionStringInvalid);
        }
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        var opened = false;
        var seconds = PostgreSqlDialect.Seconds(statementTimeout).ToString(CultureInfo.InvariantCulture);
        try
        {
            await using (connection)
            {
                await connection.OpenAsync(timer.Token);
                opened = true;
                return await work(connection, timer.Token);
            }
        }
        catch (InvalidOperationException) when (!opened)
        {
            return Result<T>.Failure(SourceErrors.ConnectionStringInvalid);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Result<T>.Failure(opened
                ? SourceErrors.ChangeTimeout with { Arguments = RelationalConnector.Args(("table", context.CurrentTable ?? "-"), ("seconds", seconds)) }
                : SourceErrors.Unreachable with { Arguments = RelationalConnector.Args(("seconds", seconds)) });
        }
        catch (Exception e) when (opened && e is InvalidCastException or NotSupportedException or OverflowException or FormatException or ArgumentException)
        {
            return Result<T>.Failure(SourceErrors.ChangeFailed with { Arguments = RelationalConnector.Args(("table", context.CurrentTable ?? "-"), ("code", e.GetType().Name)) });
        }
        catch (Exception e) when (e is DbException or TimeoutException or AuthenticationException or IOException or System.Net.Sockets.SocketException)
        {
            var (failure, code) = dialect.Classify(e);
            var table = context.CurrentTable ?? "-";
            return Result<T>.Failure(failure switch
            {
                EngineFailure.Unreachable when !opened => SourceErrors.Unreachable with { Arguments = RelationalConnector.Args(("seconds", seconds)) },
                EngineFailure.Credentials => SourceErrors.Credentials,
                EngineFailure.Tls => SourceErrors.Tls,
                EngineFailure.Permission => SourceErrors.ChangePermission with { Arguments = RelationalConnector.Args(("table", table)) },
                EngineFailure.Timeout => SourceErrors.ChangeTimeout with { Arguments = RelationalConnector.Args(("table", table), ("seconds", seconds)) },
                EngineFailure.UndefinedObject when context.CurrentTable is not null => SourceErrors.TableMissing with { Arguments = RelationalConnector.Args(("table", table)) },
                // Killed or lost mid-change: the engine rolls the open transaction back; nothing of it stays.
                _ => SourceErrors.ChangeFailed with { Arguments = RelationalConnector.Args(("table", table), ("code", code)) },
            });
        }
    }

    /// <summary>One planned change as SQL: the text up to WHERE, its value parameters, and (for a marker table) where the keys go.</summary>
    private sealed class Statement(int order, PlannedTableChange change, MappedTable table, MappedColumn key)
    {
        public int Order { get; } = order;

        public PlannedTableChange Change { get; } = change;

        public MappedTable Table { get; } = table;

        public MappedColumn Key { get; } = key;

        public string Prefix { get; private set; } = "";

        public string Sql { get; set; } = "";

        public string Hash => ChangeHashing.Statement(Sql);

        public List<string> Shown { get; } = [];

        public List<(string Name, object? Value)> Values { get; } = [];

        public List<(string Name, string Quoted, string Expression, string? Value)> Columns { get; } = [];

        public (string Table, string Column)? Marker { get; set; }

        public Error? Delete(SqlDialect dialect)
        {
            Prefix = $"DELETE FROM {dialect.QualifiedName(Table.Schema, Table.Name)}";
            Sql = $"{Prefix} WHERE {dialect.KeysShown(dialect.Quote(Key.Name))}";
            return null;
        }

        public Error? Set(SqlDialect dialect, IReadOnlyList<PlannedColumnChange> changes, string prefix, Func<PlannedColumnChange, (string? Value, string Shown)> valueOf)
        {
            var assignments = new List<string>();
            for (var i = 0; i < changes.Count; i++)
            {
                var column = Table.Column(changes[i].Column);
                if (column is null || column.IsPrimaryKey)
                {
                    // A key column is never overwritten; a column the map lacks is a plan the map no longer fits.
                    return Retrieval.PlanInvalid(Table.DisplayName, changes[i].Column);
                }
                var isText = ChangeHashing.IsText(column.DataType);
                if (!isText && !ChangeHashing.IsPlainTypeName(column.DataType))
                {
                    return SourceErrors.ChangeTypeInvalid with { Arguments = RelationalConnector.Args(("table", Table.DisplayName), ("column", column.Name)) };
                }
                var name = string.Create(CultureInfo.InvariantCulture, $"@{prefix}{i}");
                var (value, shown) = valueOf(changes[i]);
                var quoted = dialect.Quote(column.Name);
                var expression = dialect.TypedParameter(name, column.DataType.Trim(), isText);
                assignments.Add($"{quoted} = {expression}");
                Values.Add((name, value));
                Columns.Add((column.Name, quoted, expression, value));
                Shown.Add($"{name} = {shown}");
            }
            Prefix = $"UPDATE {dialect.QualifiedName(Table.Schema, Table.Name)} SET {string.Join(", ", assignments)}";
            Sql = $"{Prefix} WHERE {dialect.KeysShown(dialect.Quote(Key.Name))}";
            return null;
        }

        public DryRunStatement ToDryRun(int rows, List<string> hashes, int toInsert)
        {
            var shown = new List<string>(Shown)
            {
                Marker is null
                    ? string.Create(CultureInfo.InvariantCulture, $"@keys = {rows:N0} {(rows == 1 ? "key" : "keys")}")
                    : string.Create(CultureInfo.InvariantCulture, $"@key = each of {toInsert:N0} of {rows:N0} keys not yet listed"),
            };
            return new DryRunStatement(Order, Table.Schema, Table.Name, Change.Operation, Sql, shown, rows, hashes, Hash);
        }
    }
}
