using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace PrivacyDesk.Data.RateLimiting;

/// <summary>The answer to one call: let it through, or refuse it and say when the window ends.</summary>
public readonly record struct RateWindowDecision(bool Permitted, TimeSpan RetryAfter);

/// <summary>
/// Fixed-window rate limits kept in the database (ADR 0050), so every app instance on it shares them. One statement per
/// call counts and decides (a conditional upsert: the row is created, reset for a new window, or counted up only while
/// under the limit), so parallel calls on any instance can never pass the limit together.
/// </summary>
public sealed class RateWindows(IDbContextFactory<PrivacyDeskDbContext> contexts, TimeProvider clock, RateWindowKey key)
{
    public const string Table = "RateWindows";

    /// <summary>The longest window: pruning forgets windows that started longer ago than this.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(1);

    // SQLite and PostgreSQL share the UPSERT; the quoted names are what EF Core created on both.
    private const string Upsert =
        """
        INSERT INTO "RateWindows" ("Key", "WindowStart", "Count") VALUES ({0}, {1}, 1)
        ON CONFLICT ("Key") DO UPDATE SET
            "Count" = CASE WHEN "RateWindows"."WindowStart" = excluded."WindowStart" THEN "RateWindows"."Count" + 1 ELSE 1 END,
            "WindowStart" = excluded."WindowStart"
        WHERE "RateWindows"."WindowStart" <> excluded."WindowStart" OR "RateWindows"."Count" < {2}
        RETURNING "Count" AS "Value"
        """;

    // SQL Server: MERGE under HOLDLOCK, so two sessions cannot both insert the same key; the key cast to the column's varchar(64), so the seek uses the key.
    private const string Merge =
        """
        MERGE [RateWindows] WITH (HOLDLOCK) AS t
        USING (SELECT CAST({0} AS varchar(64)) AS [Key], {1} AS [WindowStart]) AS s ON t.[Key] = s.[Key]
        WHEN MATCHED AND (t.[WindowStart] <> s.[WindowStart] OR t.[Count] < {2}) THEN
            UPDATE SET [Count] = CASE WHEN t.[WindowStart] = s.[WindowStart] THEN t.[Count] + 1 ELSE 1 END, [WindowStart] = s.[WindowStart]
        WHEN NOT MATCHED THEN INSERT ([Key], [WindowStart], [Count]) VALUES (s.[Key], s.[WindowStart], 1)
        OUTPUT inserted.[Count] AS [Value];
        """;

    /// <summary>
    /// Holds the windows of <paramref name="partitions"/> for the caller's open transaction on <paramref name="db"/>: the same upsert,
    /// without a limit, so each row stays locked until the caller commits. A limit the caller counts itself (the portal's sliding hour
    /// of codes) is then read and kept in one step: a second caller for the same partition, on any instance, waits and counts the first.
    /// Rows are taken in key order, so two callers never wait for each other.
    /// </summary>
    public async Task HoldAsync(PrivacyDeskDbContext db, IEnumerable<string> partitions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(partitions);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A rate window is held inside the caller's transaction; outside one it would be let go at once.");
        }
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var start = now - (now % 3_600);
        var sql = db.Database.IsSqlServer() ? Merge : Upsert;
        foreach (var hashed in partitions.Select(key.Hash).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
#pragma warning disable EF1002 // A constant statement; the values travel as parameters.
            await db.Database.SqlQueryRaw<int>(sql, hashed, start, int.MaxValue).ToListAsync(cancellationToken);
#pragma warning restore EF1002
        }
    }

    /// <summary>Counts one call of <paramref name="partition"/> against <paramref name="limit"/> per <paramref name="window"/>.</summary>
    public async Task<RateWindowDecision> TryTakeAsync(string partition, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(window, MaxWindow);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using (await WriteGate.EnterAsync(db, cancellationToken))
        {
            return await CountAsync(db, partition, limit, window, prune: true, cancellationToken);
        }
    }

    /// <summary>A window's start and count, read before every intake call: compiled once, so no call rebuilds the query (issue 17).</summary>
    private static readonly CompiledPerModel<Func<PrivacyDeskDbContext, string, CancellationToken, Task<WindowCount?>>> WindowOf = new(() => EF.CompileAsyncQuery(
        (PrivacyDeskDbContext db, string hashed, CancellationToken _) => db.Set<RateWindow>().AsNoTracking().Where(w => w.Key == hashed)
            .Select(w => new WindowCount(w.WindowStart, w.Count)).FirstOrDefault()));

    private sealed record WindowCount(long WindowStart, int Count);

    /// <summary>
    /// A refusal known before counting: the window of <paramref name="partition"/> is already full (one read, no write, no gate).
    /// Null when it is not, or may not be: the count decides then. Lets a call over its limit be refused without waiting for the
    /// write gate (ADR 0052); a refusal changes nothing, so answering it from a read is the same answer.
    /// </summary>
    public async Task<RateWindowDecision?> RefusalIfFullAsync(string partition, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partition);
        var seconds = Math.Max(1, (long)window.TotalSeconds);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var start = now - (now % seconds);
        var hashed = key.Hash(partition);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await WindowOf.For(db)(db, hashed, cancellationToken);
        return row is not null && row.WindowStart == start && row.Count >= limit
            ? new RateWindowDecision(false, TimeSpan.FromSeconds(Math.Max(1, start + seconds - now)))
            : null;
    }

    /// <summary>
    /// As <see cref="TryTakeAsync(string, int, TimeSpan, CancellationToken)"/>, as a statement of the caller's open transaction on
    /// <paramref name="db"/> (which holds the write gate): the call is counted in the same commit as the work it admits, and a refusal
    /// is the caller's to roll back. The intake API counts a registration this way, so one commit serves both (issue 17).
    /// </summary>
    public Task<RateWindowDecision> TryTakeAsync(
        PrivacyDeskDbContext db, string partition, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(window, MaxWindow);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("This count belongs to the caller's transaction; without one, use the overload that opens its own.");
        }
        // No pruning here: inside a long transaction that already holds its key's row, a DELETE of other keys' rows could
        // meet another instance's pruning the other way round (a deadlock on PostgreSQL). The standalone count prunes.
        return CountAsync(db, partition, limit, window, prune: false, cancellationToken);
    }

    private async Task<RateWindowDecision> CountAsync(
        PrivacyDeskDbContext db, string partition, int limit, TimeSpan window, bool prune, CancellationToken cancellationToken)
    {
        var seconds = Math.Max(1, (long)window.TotalSeconds);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var start = now - (now % seconds);
        var hashed = key.Hash(partition);
        var sql = db.Database.IsSqlServer() ? Merge : Upsert;
#pragma warning disable EF1002 // A constant statement; the values travel as parameters.
        var counted = await db.Database.SqlQueryRaw<int>(sql, hashed, start, limit).ToListAsync(cancellationToken);
        if (prune && counted is [1])
        {
            // The first call of a new window for this key: a good moment to forget every window that has ended.
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "RateWindows" WHERE "WindowStart" < {0}""", [now - (long)MaxWindow.TotalSeconds], cancellationToken);
        }
#pragma warning restore EF1002
        return counted.Count == 1
            ? new RateWindowDecision(true, TimeSpan.Zero)
            : new RateWindowDecision(false, TimeSpan.FromSeconds(Math.Max(1, start + seconds - now)));
    }
}

/// <summary>
/// The secret a window's key is hashed under (ADR 0050): an HMAC-SHA256 of the partition, so a stored key names no caller and
/// cannot be found again by hashing every IPv4 address. Every instance on one database must hold the same secret.
/// </summary>
public sealed class RateWindowKey
{
    private readonly byte[] _key;

    /// <param name="secret">At least 32 bytes; the key used is derived from it (HKDF), so the secret can key other hashes too.</param>
    public RateWindowKey(byte[] secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentOutOfRangeException.ThrowIfLessThan(secret.Length, 32);
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, info: Encoding.UTF8.GetBytes("PrivacyDesk.RateWindows.v1"));
    }

    /// <summary>The stored key of <paramref name="partition"/>: hex, 64 characters (<see cref="RateWindow.KeyMaxLength"/>).</summary>
    public string Hash(string partition) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(partition)));
}
