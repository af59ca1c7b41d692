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
public sealed class RateWindows(IDbContextFactory<PrivacyDeskDbContext> contexts, TimeProvider clock)
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

    /// <summary>Counts one call of <paramref name="partition"/> against <paramref name="limit"/> per <paramref name="window"/>.</summary>
    public async Task<RateWindowDecision> TryTakeAsync(string partition, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(window, MaxWindow);
        var seconds = Math.Max(1, (long)window.TotalSeconds);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var start = now - (now % seconds);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(partition)));

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        List<int> counted;
        using (await WriteGate.EnterAsync(db, cancellationToken))
        {
            var sql = db.Database.IsSqlServer() ? Merge : Upsert;
#pragma warning disable EF1002 // A constant statement; the values travel as parameters.
            counted = await db.Database.SqlQueryRaw<int>(sql, key, start, limit).ToListAsync(cancellationToken);
            if (counted is [1])
            {
                // The first call of a new window for this key: a good moment to forget every window that has ended.
                await db.Database.ExecuteSqlRawAsync("""DELETE FROM "RateWindows" WHERE "WindowStart" < {0}""", [now - (long)MaxWindow.TotalSeconds], cancellationToken);
            }
#pragma warning restore EF1002
        }
        return counted.Count == 1
            ? new RateWindowDecision(true, TimeSpan.Zero)
            : new RateWindowDecision(false, TimeSpan.FromSeconds(Math.Max(1, start + seconds - now)));
    }
}
