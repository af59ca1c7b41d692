using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Settings;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.Intake;

/// <summary>An API key as the administration page lists it: never its secret or hash.</summary>
public sealed record ApiKeyRow(
    Guid Id, string Name, string Prefix, string Scope, DateTimeOffset CreatedAt, string CreatedByName, DateTimeOffset? RevokedAt, string? RevokedByName);

/// <summary>A key just created: <see cref="Key"/> is shown once and never again.</summary>
public sealed record CreatedApiKey(ApiKeyRow Row, string Key);

/// <summary>The key an API call presented, once recognised.</summary>
public sealed record ApiCaller(Guid KeyId, string KeyName)
{
    public const string KeyIdClaim = "privacydesk:api_key_id";

    /// <summary>The system actor the audit trail names for what this key does.</summary>
    public Actor ToActor() => Actor.System with { Name = $"Intake API ({KeyName})" };

    /// <summary>The principal the API key scheme signs the call in with.</summary>
    public ClaimsPrincipal ToPrincipal(string scheme) =>
        new(new ClaimsIdentity([new Claim(KeyIdClaim, KeyId.ToString()), new Claim(ClaimTypes.Name, KeyName)], scheme));

    /// <summary>The key behind a call the API key scheme authenticated.</summary>
    public static ApiCaller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new ApiCaller(Guid.Parse(user.FindFirstValue(KeyIdClaim) ?? throw new InvalidOperationException("Not an API key caller.")), user.Identity?.Name ?? "");
    }
}

/// <summary>
/// Creating, listing and revoking the intake API's keys (administrators only, checked here), and
/// recognising a presented key. Every creation and revocation writes an audit event in its own transaction.
/// A recognised key is cached for a few seconds, so a revoked key stops working within that time.
/// </summary>
public sealed class ApiKeys(IServiceScopeFactory scopes, TimeProvider clock, IMemoryCache cache, ControllerSettings controllerSettings)
{
    public const string CreatedAction = "api_key.created";
    public const string RevokedAction = "api_key.revoked";

    private static readonly Error Forbidden = new("auth.forbidden");
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    public static bool MayManage(ClaimsPrincipal caller) => caller.Has(Permission.Administer);

    public async Task<Result<IReadOnlyList<ApiKeyRow>>> ListAsync(ClaimsPrincipal caller, CancellationToken cancellationToken = default)
    {
        if (!MayManage(caller))
        {
            return Result<IReadOnlyList<ApiKeyRow>>.Failure(Forbidden);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken);
        var zone = (await controllerSettings.CurrentAsync(cancellationToken)).TimeZone;
        return Result.Success<IReadOnlyList<ApiKeyRow>>([.. keys
            .OrderBy(k => k.RevokedAt is not null).ThenByDescending(k => k.CreatedAt)
            .Select(k => Row(k) with
            {
                CreatedAt = TimeZoneInfo.ConvertTime(k.CreatedAt, zone),
                RevokedAt = k.RevokedAt is { } revoked ? TimeZoneInfo.ConvertTime(revoked, zone) : null,
            })]);
    }

    public async Task<Result<CreatedApiKey>> CreateAsync(ClaimsPrincipal caller, string? name, CancellationToken cancellationToken = default)
    {
        if (!MayManage(caller))
        {
            return Result<CreatedApiKey>.Failure(Forbidden);
        }
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return Result<CreatedApiKey>.Failure(ApiKeyErrors.NameRequired);
        }
        if (trimmed.Length > ApiKey.NameMaxLength)
        {
            return Result<CreatedApiKey>.Failure(ApiKeyErrors.NameTooLong with
            {
                Arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["max"] = ApiKey.NameMaxLength.ToString(CultureInfo.InvariantCulture) },
            });
        }
        var actor = caller.ToActor();
        var now = clock.GetUtcNow();
        var key = ApiKey.Create(trimmed, actor.Id, actor.Name, now, out var secret);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        await db.InTransactionAsync(async () =>
        {
            db.ApiKeys.Add(key);
            db.AuditEvents.Add(Audit(now, actor, CreatedAction, key));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }, cancellationToken);
        return Result.Success(new CreatedApiKey(Row(key), secret));
    }

    public async Task<Result> RevokeAsync(ClaimsPrincipal caller, Guid keyId, CancellationToken cancellationToken = default)
    {
        if (!MayManage(caller))
        {
            return Result.Failure(Forbidden);
        }
        var actor = caller.ToActor();
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var result = await db.InTransactionAsync(async () =>
        {
            var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken);
            if (key is null)
            {
                return Result.Failure(ApiKeyErrors.NotFound);
            }
            if (key.IsRevoked)
            {
                return Result.Failure(ApiKeyErrors.AlreadyRevoked);
            }
            key.Revoke(actor.Id, actor.Name, now);
            db.AuditEvents.Add(Audit(now, actor, RevokedAction, key));
            await db.SaveChangesAsync(cancellationToken);
            cache.Remove(CacheKey(key.Prefix));
            return Result.Success();
        }, cancellationToken);
        return result;
    }

    /// <summary>
    /// The key this header value is, if it is a live intake key. The row is found by the key's prefix and
    /// the hash compared in constant time, so timing tells nothing about how much of a guess was right.
    /// </summary>
    public async Task<ApiCaller?> RecogniseAsync(string? presented, CancellationToken cancellationToken = default)
    {
        var key = await LiveKeyAsync(ApiKey.PrefixOf(presented), cancellationToken);
        return key is not null && key.Matches(presented!) ? new ApiCaller(key.Id, key.Name) : null;
    }

    /// <summary>The public prefix of the presented key if it belongs to a live intake key (whatever the secret), else null: the rate limiter's partition.</summary>
    public async Task<string?> KnownPrefixAsync(string? presented, CancellationToken cancellationToken = default) =>
        (await LiveKeyAsync(ApiKey.PrefixOf(presented), cancellationToken))?.Prefix;

    private async Task<ApiKey?> LiveKeyAsync(string? prefix, CancellationToken cancellationToken)
    {
        if (prefix is null)
        {
            return null;
        }
        if (!cache.TryGetValue(CacheKey(prefix), out ApiKey? key))
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
            // Only keys that exist are kept: a miss cached per guessed prefix would let a flood of guesses grow memory without bound.
            if (key is not null)
            {
                cache.Set(CacheKey(prefix), key, CacheFor);
            }
        }
        return key is { IsRevoked: false, Scope: ApiKey.IntakeScope } ? key : null;
    }

    /// <summary>The development demo key as the repository publishes it: anyone can read it, so it never opens a database outside Development.</summary>
    public const string PublicDemoKey = "pdk_0000d3e0_development-only-demo-key-never-use-in-production";

    /// <summary>
    /// Outside Development: revokes a live key that is the public demo key (or the configured one), e.g. a database
    /// first started in Development and then put into service, recorded in the trail as revoked by the system.
    /// </summary>
    public async Task RevokePublicDemoKeysAsync(string? configuredDemoKey, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        foreach (var demoKey in new[] { PublicDemoKey, configuredDemoKey }.Where(k => !string.IsNullOrWhiteSpace(k)).Distinct(StringComparer.Ordinal))
        {
            if (ApiKey.PrefixOf(demoKey) is not { } prefix)
            {
                continue;
            }
            var now = clock.GetUtcNow();
            await db.InTransactionAsync(async () =>
            {
                var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Prefix == prefix && k.RevokedAt == null, cancellationToken);
                if (key is null || !key.Matches(demoKey!))
                {
                    return Result.Success();
                }
                key.Revoke(Actor.System.Id, Actor.System.Name, now);
                db.AuditEvents.Add(Audit(now, Actor.System, RevokedAction, key));
                await db.SaveChangesAsync(cancellationToken);
                return Result.Success();
            }, cancellationToken);
            cache.Remove(CacheKey(prefix));
        }
    }

    /// <summary>The development demo key from configuration, stored (hashed) if it is not there yet.</summary>
    public async Task SeedDemoKeyAsync(string? demoKey, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(demoKey))
        {
            return;
        }
        var prefix = ApiKey.PrefixOf(demoKey) ?? throw new InvalidOperationException(
            "IntakeApi:DemoKey is not a key's shape: pdk_ + 8 lower-case hex characters + _ + a secret.");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        if (await db.ApiKeys.AnyAsync(k => k.Prefix == prefix, cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow();
        var key = ApiKey.FromKnownKey("Demo web form (development only)", demoKey, Actor.System.Id, Actor.System.Name, now)!;
        await db.InTransactionAsync(async () =>
        {
            db.ApiKeys.Add(key);
            db.AuditEvents.Add(Audit(now, Actor.System, CreatedAction, key));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }, cancellationToken);
    }

    private static string CacheKey(string prefix) => "api-key:" + prefix;

    private static ApiKeyRow Row(ApiKey k) => new(k.Id, k.Name, k.Prefix, k.Scope, k.CreatedAt, k.CreatedByName, k.RevokedAt, k.RevokedByName);

    private static AuditEvent Audit(DateTimeOffset now, Actor actor, string action, ApiKey key) =>
        AuditEvent.Record(now, actor.Id, actor.Name, action, ApiKey.AuditEntityType, key.Id.ToString(),
            AuditDetails.Of(("name", key.Name), ("prefix", key.Prefix), ("scope", key.Scope)));
}
