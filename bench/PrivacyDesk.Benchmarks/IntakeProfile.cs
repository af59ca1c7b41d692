using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PrivacyDesk.Benchmarks;

/// <summary>
/// <c>intake --profile N</c>: what one intake request does against the database, counted by EF Core interceptors in the bench
/// only. N requests from one client (no waiting for the gate, so every figure is the request's own work): per request the SQL
/// commands and transactions, which ran inside a transaction (the write gate is held from before BEGIN until after COMMIT) and
/// which outside, and the time of each. The rate window's statement runs behind the gate without a transaction of its own.
/// </summary>
public sealed class IntakeProfile
{
    private static readonly AsyncLocal<Trace?> Current = new();
    private readonly List<Trace> _traces = [];

    public bool Recording { get; set; }

    public sealed class Trace
    {
        public long Started { get; } = Stopwatch.GetTimestamp();
        public double TotalMs { get; set; }
        public List<(string Label, bool InTransaction, double Ms, string Full)> Commands { get; } = [];

        /// <summary>What happened in the transaction, each with its start and end in ms since BEGIN: commands, SaveChanges, COMMIT.</summary>
        public List<(string Label, double Start, double End)> Timeline { get; } = [];

        public double SinceBegin(double backMs = 0) =>
            TransactionStarted is { } begun ? Stopwatch.GetElapsedTime(begun).TotalMilliseconds - backMs : double.NaN;
        public int Transactions { get; set; }
        public long? TransactionStarted { get; set; }
        public double TransactionMs { get; set; }
        public double CommitMs { get; set; }
    }

    /// <summary>The middleware that opens a trace for each intake call (before the app's own pipeline, so the rate limit and key check count).</summary>
    public async Task MiddlewareAsync(HttpContext context, RequestDelegate next)
    {
        if (!Recording || !context.Request.Path.StartsWithSegments("/api/v1", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }
        var trace = new Trace();
        Current.Value = trace;
        await next(context);
        trace.TotalMs = Stopwatch.GetElapsedTime(trace.Started).TotalMilliseconds;
        lock (_traces)
        {
            _traces.Add(trace);
        }
    }

    public static IInterceptor[] Interceptors() => [new Commands(), new Transactions(), new Saves()];

    public string Report()
    {
        List<Trace> traces;
        lock (_traces)
        {
            traces = [.. _traces];
        }
        var n = traces.Count;
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Profile of {n} intake requests, one client (means per request):");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"- server time {traces.Average(t => t.TotalMs):F2} ms (median {Median(traces.Select(t => t.TotalMs)):F2}); transactions {traces.Average(t => t.Transactions):F2}; " +
            $"commands {traces.Average(t => t.Commands.Count):F2}, of which in a transaction {traces.Average(t => t.Commands.Count(c => c.InTransaction)):F2}");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"- BEGIN..COMMIT {traces.Average(t => t.TransactionMs):F2} ms (median {Median(traces.Select(t => t.TransactionMs)):F2}), of which commands {traces.Average(t => t.Commands.Where(c => c.InTransaction).Sum(c => c.Ms)):F2} ms, " +
            $"COMMIT {traces.Average(t => t.CommitMs):F2} ms; rate window statement {traces.Average(t => t.Commands.Where(c => c.Label.Contains("RateWindows", StringComparison.Ordinal)).Sum(c => c.Ms)):F2} ms");
        report.AppendLine();
        report.AppendLine("| command (first words) | in transaction | per request | mean ms |");
        report.AppendLine("|---|---|---:|---:|");
        foreach (var group in traces.SelectMany(t => t.Commands).GroupBy(c => (c.Label, c.InTransaction)).OrderByDescending(g => g.Key.InTransaction).ThenByDescending(g => g.Count()))
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| `{group.Key.Label}` | {(group.Key.InTransaction ? "yes" : "no")} | {(double)group.Count() / n:F2} | {group.Average(c => c.Ms):F3} |");
        }
        var shapes = traces.Where(t => t.Timeline.Count > 0).GroupBy(t => string.Join("|", t.Timeline.Select(e => e.Label))).OrderByDescending(g => g.Count()).FirstOrDefault();
        if (shapes is not null)
        {
            var timed = shapes.ToList();
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"Inside the transaction, median over {timed.Count} requests of the same shape (ms since BEGIN; gap = time since the previous step ended, i.e. work in .NET):");
            report.AppendLine();
            report.AppendLine("| step | start | end | gap before |");
            report.AppendLine("|---|---:|---:|---:|");
            for (var i = 0; i < timed[0].Timeline.Count; i++)
            {
                var index = i;
                var start = Median(timed.Select(t => t.Timeline[index].Start));
                var end = Median(timed.Select(t => t.Timeline[index].End));
                var gap = Median(timed.Select(t => t.Timeline[index].Start - (index == 0 ? 0 : t.Timeline[index - 1].End)));
                report.AppendLine(CultureInfo.InvariantCulture, $"| `{timed[0].Timeline[i].Label}` | {start:F3} | {end:F3} | {gap:F3} |");
            }
        }
        foreach (var slow in traces.SelectMany(t => t.Commands).GroupBy(c => c.Label).Where(g => g.Average(c => c.Ms) > 2).Select(g => g.First()))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"\nSlow (mean over 2 ms): {slow.Full}");
        }
        return report.ToString();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }

    private static string Label(string sql)
    {
        var text = string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        // Statements EF Core batches into one command are named by their verbs.
        var statements = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (statements.Length > 1)
        {
            return "batch: " + string.Join(" + ", statements.Select(s => string.Join(' ', s.Split(' ').Take(3)))
                .GroupBy(s => s, StringComparer.Ordinal).Select(g => g.Count() == 1 ? g.Key : $"{g.Count()}× {g.Key}"));
        }
        return text.Length > 110 ? text[..110] + "…" : text;
    }

    private sealed class Commands : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            new(result);

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Record(command, eventData);
            return new(result);
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Record(command, eventData);
            return new(result);
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            Record(command, eventData);
            return new(result);
        }

        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            Record(command, eventData);
            return result;
        }

        private static void Record(DbCommand command, CommandExecutedEventData eventData)
        {
            if (Current.Value is { } trace)
            {
                lock (trace)
                {
                    trace.Commands.Add((Label(command.CommandText), command.Transaction is not null, eventData.Duration.TotalMilliseconds, command.CommandText));
                    if (trace.TransactionStarted is not null)
                    {
                        var label = Label(command.CommandText);
                        trace.Timeline.Add((label.Length > 50 ? label[..50] : label, trace.SinceBegin(eventData.Duration.TotalMilliseconds), trace.SinceBegin()));
                    }
                }
            }
        }
    }

    private sealed class Saves : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Current.Value is { TransactionStarted: not null } trace)
            {
                trace.Timeline.Add(("SavingChanges (after the audit interceptor's?)", trace.SinceBegin(), trace.SinceBegin()));
            }
            return new(result);
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (Current.Value is { TransactionStarted: not null } trace)
            {
                trace.Timeline.Add(("SavedChanges", trace.SinceBegin(), trace.SinceBegin()));
            }
            return new(result);
        }
    }

    private sealed class Transactions : DbTransactionInterceptor
    {
        public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
        {
            if (Current.Value is { } trace)
            {
                trace.Transactions++;
                trace.TransactionStarted = Stopwatch.GetTimestamp() - (long)(eventData.Duration.TotalSeconds * Stopwatch.Frequency);
            }
            return new(result);
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (Current.Value is { TransactionStarted: { } started } trace)
            {
                trace.Timeline.Add(("COMMIT", trace.SinceBegin(eventData.Duration.TotalMilliseconds), trace.SinceBegin()));
                trace.TransactionMs += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                trace.CommitMs += eventData.Duration.TotalMilliseconds;
                trace.TransactionStarted = null;
            }
            return Task.CompletedTask;
        }
    }
}
