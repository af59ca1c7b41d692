using System.Data.Common;
using System.Globalization;
using System.Security.Authentication;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Connectors.Engines;

/// <summary>
/// The one implementation of <see cref="ISourceConnector"/> for relational engines; the engine's differences are
/// its <see cref="SqlDialect"/>. Names in the SQL come only from the map (which came from the catalog) and are
/// quoted; values are always parameters; nothing it reports carries the connection string or a value read.
/// </summary>
internal sealed class RelationalConnector(SqlDialect dialect) : ISourceConnector
{
    public ConnectorKind Kind => dialect.Kind;

    public async Task<Result> TestAsync(string connectionString, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var outcome = await RunAsync(connectionString, timeout, null, async (connection, token) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = dialect.PingSql;
            command.CommandTimeout = PostgreSqlDialect.Seconds(timeout);
            await command.ExecuteScalarAsync(token);
            return Result.Success(true);
        }, cancellationToken);
        return outcome.IsSuccess ? Result.Success() : Result.Failure(outcome.Errors);
    }

    public Task<Result<DataMap>> DiscoverAsync(string connectionString, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync(connectionString, timeout, null, async (connection, token) =>
        {
            var catalog = await Catalog.ReadAsync(dialect, connection, null, timeout, columnsOnly: false, token);
            return Result.Success(catalog.ToDataMap());
        }, cancellationToken);

    public Task<Result<FetchedData>> FetchAsync(
        string connectionString, RetrievalPlan plan, SubjectKeys subject, FetchLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(limits);
        var retrieval = new Retrieval(dialect, plan, subject, limits);
        // The whole retrieval gets a few statement timeouts of time; each statement is also limited by the engine itself.
        var overall = limits.StatementTimeout * Math.Max(3, plan.Steps.Count + 2);
        return RunAsync(connectionString, overall, retrieval, retrieval.RunAsync, cancellationToken);
    }

    /// <summary>Opens a connection, runs <paramref name="work"/> within <paramref name="timeout"/> and turns every engine failure into a coded error.</summary>
    private async Task<Result<T>> RunAsync<T>(
        string connectionString, TimeSpan timeout, Retrieval? retrieval,
        Func<DbConnection, CancellationToken, Task<Result<T>>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        DbConnection connection;
        try
        {
            connection = dialect.CreateConnection(connectionString, retrieval is null ? timeout : retrieval.Limits.StatementTimeout);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return Result<T>.Failure(SourceErrors.ConnectionStringInvalid);
        }
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        var opened = false;
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
            // A setting the engine's build refuses only when opening (SQLite's Password without encryption): the string is wrong, not the system.
            return Result<T>.Failure(SourceErrors.ConnectionStringInvalid);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Result<T>.Failure(opened && retrieval is not null
                ? retrieval.TimedOut()
                : WithSeconds(SourceErrors.Unreachable, timeout));
        }
        catch (Exception e) when (opened && e is InvalidCastException or NotSupportedException or OverflowException or FormatException or ArgumentException)
        {
            // A value the provider cannot read or pass (a type it does not know, a MySQL zero date): the table fails, never the page.
            return Result<T>.Failure(retrieval?.CurrentTable is { } table
                ? SourceErrors.FetchFailed with { Arguments = Args(("table", table), ("code", e.GetType().Name)) }
                : SourceErrors.ConnectionFailed with { Arguments = Args(("code", e.GetType().Name)) });
        }
        catch (Exception e) when (e is DbException or TimeoutException or AuthenticationException or IOException or System.Net.Sockets.SocketException)
        {
            var (failure, code) = dialect.Classify(e);
            return Result<T>.Failure(failure switch
            {
                EngineFailure.Unreachable => WithSeconds(SourceErrors.Unreachable, retrieval?.Limits.StatementTimeout ?? timeout),
                EngineFailure.Credentials => SourceErrors.Credentials,
                EngineFailure.Permission => SourceErrors.Permission,
                EngineFailure.Tls => SourceErrors.Tls,
                EngineFailure.Timeout when retrieval is not null => retrieval.TimedOut(),
                EngineFailure.Timeout => WithSeconds(SourceErrors.Unreachable, timeout),
                EngineFailure.UndefinedObject when retrieval?.CurrentTable is { } table => SourceErrors.TableMissing with { Arguments = Args(("table", table)) },
                _ when retrieval?.CurrentTable is { } table => SourceErrors.FetchFailed with { Arguments = Args(("table", table), ("code", code)) },
                _ => SourceErrors.ConnectionFailed with { Arguments = Args(("code", code)) },
            });
        }
    }

    private static Error WithSeconds(Error error, TimeSpan timeout) =>
        error with { Arguments = Args(("seconds", PostgreSqlDialect.Seconds(timeout).ToString(CultureInfo.InvariantCulture))) };

    internal static Dictionary<string, string> Args(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
