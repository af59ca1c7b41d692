using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using PrivacyDesk.Data;
using PrivacyDesk.Data.RateLimiting;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Documents;
using PrivacyDesk.Web.Features.Portal;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Features.Settings;
using Scalar.AspNetCore;

namespace PrivacyDesk.Web.Features.Intake;

/// <summary>Settings of the intake API (section <c>IntakeApi</c>).</summary>
public sealed class IntakeApiOptions
{
    public const string SectionName = "IntakeApi";

    /// <summary>Requests per key per minute (both endpoints together) before 429.</summary>
    public int PermitsPerMinute { get; set; } = 120;

    /// <summary>A key stored at start-up, for development only (appsettings.Development.json); never set in production.</summary>
    public string? DemoKey { get; set; }
}

/// <summary>The answer to a registered request.</summary>
/// <param name="Reference">The request's reference, e.g. DSR-2026-000123; also the last part of the Location header.</param>
/// <param name="Status">received for a new request.</param>
/// <param name="ReceivedOn">The date of receipt in the controller's time zone (yyyy-MM-dd).</param>
/// <param name="DueDate">The statutory deadline (one month, GDPR Art. 12(3)), in the controller's time zone.</param>
public sealed record IntakeCreated(string Reference, string Status, DateOnly ReceivedOn, DateOnly DueDate);

/// <summary>The status of a request, for the key that created it.</summary>
/// <param name="Reference">The request's reference.</param>
/// <param name="Type">The kind of request, as sent.</param>
/// <param name="Status">received, awaitingIdentity, inProgress, awaitingApproval, responded, rejected or withdrawn.</param>
/// <param name="ReceivedOn">The date of receipt in the controller's time zone.</param>
/// <param name="DueDate">The original statutory deadline.</param>
/// <param name="ExtendedDueDate">The extended deadline (Art. 12(3)), or null.</param>
/// <param name="ClosedAt">When the request was closed (answered, refused or withdrawn), with the controller's offset; or null.</param>
public sealed record IntakeStatus(
    string Reference, string Type, string Status, DateOnly ReceivedOn, DateOnly DueDate, DateOnly? ExtendedDueDate, DateTimeOffset? ClosedAt);

/// <summary>
/// The intake API for the public privacy web form and other systems: <c>POST /api/v1/requests</c> and
/// <c>GET /api/v1/requests/{reference}</c>, with an <c>X-Api-Key</c>, per-key rate limiting, an optional
/// <c>Idempotency-Key</c> and RFC 7807 problem details naming the field of every bad input. Nothing a caller
/// sends is logged.
/// </summary>
public static partial class IntakeEndpoints
{
    public const string AuthorizationPolicy = "intake-api-key";

    public const string ApiKeyHeader = "X-Api-Key";
    public const string ApiKeySchemeName = "ApiKey";
    public const string IdempotencyHeader = "Idempotency-Key";
    public const int IdempotencyKeyMaxLength = 200;
    public const string ProblemContentType = "application/problem+json";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>What each answer means, for the OpenAPI document.</summary>
    private static readonly Dictionary<string, string> ResponseDescriptions = new(StringComparer.Ordinal)
    {
        ["200"] = "The request's status.",
        ["201"] = "Registered (or, with the same Idempotency-Key and body, the first answer again). Location: /api/v1/requests/{reference}.",
        ["400"] = "Problem details naming each field: malformed JSON (body), not an object, unknown type or channel, a missing field, a wrong " +
            "JSON type, text with control characters, an invalid e-mail address, an unsupported language, receivedAt without an offset or in " +
            "the future, a description over 10,000 characters, a third party on anything but portability, an invalid Idempotency-Key.",
        ["401"] = "No X-Api-Key, or an unknown or revoked key.",
        ["404"] = "No request with this reference was created with this key (whether or not it exists).",
        ["409"] = "The Idempotency-Key was used in the last 24 hours with a different body.",
        ["413"] = "The body is larger than 64 KB.",
        ["415"] = "The body is not application/json.",
        ["429"] = "Too many calls with this key; Retry-After says how many seconds to wait.",
    };

    public static IServiceCollection AddIntakeApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IntakeApiOptions>(configuration.GetSection(IntakeApiOptions.SectionName));
        var options = configuration.GetSection(IntakeApiOptions.SectionName).Get<IntakeApiOptions>() ?? new IntakeApiOptions();
        services.AddMemoryCache();
        services.AddOpenApi("v1", openApi => openApi
            .AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "PrivacyDesk intake API";
            document.Info.Description =
                "Registers data-subject requests from the public privacy web form and other systems. Every call carries an " +
                "X-Api-Key header (created by an administrator, scope intake). Errors are RFC 7807 problem details " +
                "(application/problem+json) naming the field of every problem; Accept-Language nl or en chooses the sentences. " +
                "400: malformed JSON, unknown type or channel, a missing or invalid field, receivedAt in the future, a description " +
                "over 10,000 characters. 401: no or a wrong key. 409: an Idempotency-Key reused with another body within 24 hours. " +
                "413: a body over 64 KB. 415: not JSON. 429: too many calls with this key (see Retry-After).";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal)
            {
                [ApiKeySchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyHeader,
                    Description = "An intake key (pdk_…) created under Administration → API keys. Missing, unknown or revoked: 401.",
                },
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeySchemeName, document)] = [] }];
            return Task.CompletedTask;
        })
            .AddOperationTransformer((operation, _, _) =>
            {
                foreach (var (status, response) in operation.Responses ?? [])
                {
                    if (response is OpenApiResponse described && ResponseDescriptions.TryGetValue(status, out var text))
                    {
                        described.Description = text;
                    }
                }
                return Task.CompletedTask;
            }).ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true);
        services.AddSingleton<ApiKeys>();
        // The portal's secret (required, validated at start, the same on every instance) keys the windows' hashed addresses too.
        services.AddSingleton(sp => new RateWindowKey(sp.GetRequiredService<IOptions<PortalOptions>>().Value.CodeKeyBytes()
            ?? throw new InvalidOperationException("Portal:CodeKey is validated at start.")));
        services.AddSingleton<RateWindows>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeySchemeName, null);
        services.AddAuthorization(authorization => authorization.AddPolicy(AuthorizationPolicy, policy => policy
            .AddAuthenticationSchemes(ApiKeySchemeName)
            .RequireAuthenticatedUser()));
        return services;
    }

    /// <summary>
    /// The intake API's limit (ADR 0021, ADR 0050), before authentication so a refused guess is counted too: per live key
    /// (its public prefix, whatever secret came with it), else per caller address, so guessing keys spends the guesser's
    /// allowance and a new random key never opens a new window. Counted in the database, so every instance shares it.
    /// </summary>
    public static IApplicationBuilder UseIntakeRateLimit(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api/v1", StringComparison.OrdinalIgnoreCase), api => api.Use(async (context, next) =>
        {
            var keys = context.RequestServices.GetRequiredService<ApiKeys>();
            var windows = context.RequestServices.GetRequiredService<RateWindows>();
            var presented = context.Request.Headers[ApiKeyHeader].ToString();
            var prefix = presented.Length > 0 ? await keys.KnownPrefixAsync(presented, context.RequestAborted) : null;
            var partition = prefix is not null ? "intake:key:" + prefix : "intake:address:" + context.Connection.RemoteIpAddress;
            var limit = Math.Max(1, context.RequestServices.GetRequiredService<IOptions<IntakeApiOptions>>().Value.PermitsPerMinute);
            if (prefix is not null && IsRegistration(context.Request) && await keys.RecogniseAsync(presented, context.RequestAborted) is not null)
            {
                // A full window refuses at once from a read: a flood from one key must not take the write gate (and the lock
                // across instances) once per refused call. The count in the registration's unit stays the decision.
                if (await windows.RefusalIfFullAsync(partition, limit, IntakeCallCount.Window, context.RequestAborted) is { } full)
                {
                    await TooManyRequests(context, full).ExecuteAsync(context);
                    return;
                }
                // A registration with a recognised key owes its count to the registration's own transaction (ADR 0052); every other
                // answer takes it before it is sent. Should anything answer without taking it (an exception), it is taken here after.
                var call = new IntakeCallCount(partition, limit);
                context.Features.Set(call);
                try
                {
                    await next(context);
                }
                finally
                {
                    if (!call.Taken)
                    {
                        await call.TakeAsync(windows, CancellationToken.None);
                    }
                }
                return;
            }
            var decision = await windows.TryTakeAsync(partition, limit, IntakeCallCount.Window, context.RequestAborted);
            if (decision.Permitted)
            {
                await next(context);
                return;
            }
            await TooManyRequests(context, decision).ExecuteAsync(context);
        }));

    private static bool IsRegistration(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path.Equals("/api/v1/requests", StringComparison.OrdinalIgnoreCase);

    /// <summary>429 with Retry-After: the seconds left in the window.</summary>
    private static IResult TooManyRequests(HttpContext context, RateWindowDecision decision)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problem(StatusCodes.Status429TooManyRequests, [IntakeApiErrors.RateLimited with
        {
            Arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["seconds"] = seconds.ToString(CultureInfo.InvariantCulture) },
        }]);
    }

    public static IEndpointRouteBuilder MapIntakeApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        // Everything from the package, nothing from Scalar's servers: no AI agent, no telemetry, no CDN fonts, no
        // proxy (a "Test request" goes straight from the browser to this app, never with a key through a third party).
        app.MapScalarApiReference("/api/reference", scalar =>
        {
            scalar
                .WithTitle("PrivacyDesk intake API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableAgent()
                .DisableMcp()
                .DisableTelemetry()
                .DisableDefaultFonts()
                .HideDeveloperTools();
            scalar.ProxyUrl = null;
            scalar.DotNetFlag = false;
            // A 4.9 MB bundle takes seconds on a slow line: say so until Scalar has drawn the page (CSS :has, no script).
            scalar.HeadContent = ApiReferencePage.Head;
            scalar.HeaderContent = ApiReferencePage.Loading;
        }).AllowAnonymous();
        var api = app.MapGroup("/api/v1/requests")
            .RequireAuthorization(AuthorizationPolicy)
            .DisableAntiforgery()
            .WithTags("Intake");
        api.MapPost("", CreateAsync)
            .WithName("CreateRequest")
            .WithSummary("Register a data-subject request")
            .WithDescription("Registers a request from the public privacy web form or another system, matches the subject by e-mail or " +
                "customer number (or registers them) and computes the statutory deadline. It answers once the request is stored; the " +
                "acknowledgement letter is made moments later in the background and appears on the case.")
            // The body is described here rather than with Accepts<T>, whose routing would answer a wrong media type
            // itself (without problem details) before the endpoint can.
            .AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
            {
                var schema = await context.GetOrCreateSchemaAsync(typeof(IntakeRequestBody), null, cancellationToken);
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = IdempotencyHeader,
                    In = ParameterLocation.Header,
                    Required = false,
                    Description = "Optional, 1–200 visible ASCII characters. The same key with the same body within 24 hours returns the first " +
                        "answer (header Idempotent-Replayed: true) and creates nothing; with another body it is 409.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyKeyMaxLength },
                });
                if (operation.Responses?.TryGetValue("429", out var tooMany) == true && tooMany is OpenApiResponse limited)
                {
                    limited.Description = "Too many calls with this key; Retry-After says how many seconds to wait.";
                    limited.Headers = new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
                    {
                        ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
                    };
                }
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "The request as the web form sends it; application/json, at most 64 KB.",
                    Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                    {
                        ["application/json"] = new() { Schema = schema },
                    },
                };
            })
            .Produces<IntakeCreated>(StatusCodes.Status201Created)
            .Produces<IntakeProblem>(StatusCodes.Status400BadRequest, ProblemContentType)
            .Produces<IntakeProblem>(StatusCodes.Status401Unauthorized, ProblemContentType)
            .Produces<IntakeProblem>(StatusCodes.Status409Conflict, ProblemContentType)
            .Produces<IntakeProblem>(StatusCodes.Status413PayloadTooLarge, ProblemContentType)
            .Produces<IntakeProblem>(StatusCodes.Status415UnsupportedMediaType, ProblemContentType)
            .Produces<IntakeProblem>(StatusCodes.Status429TooManyRequests, ProblemContentType);
        api.MapGet("/{reference}", GetAsync)
            .WithName("GetRequest")
            .WithSummary("The status of a request created with the same key")
            .Produces<IntakeStatus>(StatusCodes.Status200OK)
            .Produces<IntakeProblem>(StatusCodes.Status401Unauthorized, ProblemContentType)
            .Produces<IntakeProblem>(StatusCodes.Status404NotFound, ProblemContentType)
            .Produces<IntakeProblem>(StatusCodes.Status429TooManyRequests, ProblemContentType);
        return app;
    }

    private static async Task<IResult> CreateAsync(
        HttpContext http, RequestRegistration registration, TimeProvider clock, IServiceScopeFactory scopes, RateWindows windows,
        CancellationToken cancellationToken)
    {
        var call = http.Features.Get<IntakeCallCount>();
        var answer = await CreateOrRefuseAsync(http, registration, clock, scopes, windows, call, cancellationToken);
        // Every answer but a committed registration (which counted the call in its own transaction) takes the count before it is
        // sent: a call over the limit is answered 429, whatever it would have been (ADR 0052).
        if (call is not null && await call.TakeAsync(windows, cancellationToken) is { Permitted: false } refused)
        {
            return TooManyRequests(http, refused);
        }
        return answer;
    }

    private static async Task<IResult> CreateOrRefuseAsync(
        HttpContext http, RequestRegistration registration, TimeProvider clock, IServiceScopeFactory scopes, RateWindows windows,
        IntakeCallCount? call, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(http.User);
        if (http.Request.ContentLength > IntakeJson.MaxBodyBytes)
        {
            return TooLarge();
        }
        if (!IsJson(http.Request.ContentType))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, [IntakeApiErrors.UnsupportedMediaType]);
        }
        var body = await ReadBodyAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return TooLarge();
        }

        string? idempotencyKey = null;
        if (http.Request.Headers.TryGetValue(IdempotencyHeader, out var idempotencyValues))
        {
            idempotencyKey = idempotencyValues.ToString();
            if (idempotencyKey.Length is 0 or > IdempotencyKeyMaxLength || idempotencyKey.Any(c => c is < '!' or > '~'))
            {
                return Problem(StatusCodes.Status400BadRequest, [IntakeApiErrors.IdempotencyKeyInvalid with
                {
                    Arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["max"] = IdempotencyKeyMaxLength.ToString(CultureInfo.InvariantCulture) },
                }]);
            }
            var earlier = await EarlierAnswerAsync(scopes, caller, idempotencyKey, body, clock.GetUtcNow(), cancellationToken);
            if (earlier is not null)
            {
                return earlier;
            }
        }

        var parsed = IntakeJson.Parse(body);
        if (parsed.IsFailure)
        {
            return Problem(StatusCodes.Status400BadRequest, parsed.Errors);
        }

        var now = clock.GetUtcNow();
        IntakeCreated? answer = null;
        Result<IntakeReceipt> received;
        try
        {
            received = await registration.ReceiveAsync(parsed.Value, caller.ToActor(), async (db, receipt) =>
            {
                db.ApiKeyRequests.Add(ApiKeyRequest.Link(receipt.RequestId, caller.KeyId));
                AcknowledgementLetters.Enqueue(db, receipt.RequestId, now);
                answer = new IntakeCreated(receipt.Reference, IntakeJson.Name(receipt.Status), receipt.ReceivedOn, receipt.DueOn);
                if (idempotencyKey is not null)
                {
                    // This key's expired answers (among them one under the same header, which makes room for this one) go. Only
                    // expired ones: a live answer under the same header is a call with this header that registered while this one was
                    // under way (a retry overlapping its first try, on this instance or another); the unique index then refuses this
                    // one, which rolls back and answers with that registration (below), instead of replacing its answer with a second.
                    var expired = now - IdempotencyRecord.Retention;
                    await db.IdempotencyRecords
                        .Where(r => r.ApiKeyId == caller.KeyId && r.CreatedAt <= expired)
                        .ExecuteDeleteAsync(cancellationToken);
                    db.IdempotencyRecords.Add(IdempotencyRecord.Create(caller.KeyId, idempotencyKey, body, StatusCodes.Status201Created,
                        JsonSerializer.Serialize(answer, Json), LocationOf(receipt.Reference), now));
                }
            }, call is null ? null : db => call.TakeInAsync(windows, db, cancellationToken), cancellationToken);
        }
        catch (DbUpdateException) when (idempotencyKey is not null)
        {
            // The same Idempotency-Key arrived twice at once and the other one stored its answer first: answer as it did (or 409 for
            // another body). Without a live answer under this key the failure was something else, which must not pass for a conflict.
            var earlier = await EarlierAnswerAsync(scopes, caller, idempotencyKey, body, clock.GetUtcNow(), cancellationToken);
            if (earlier is null)
            {
                throw;
            }
            return earlier;
        }
        if (received.IsFailure)
        {
            // A refused count is answered by the caller (CreateAsync) as 429; the unit it refused stored nothing.
            return Problem(StatusCodes.Status400BadRequest, received.Errors);
        }
        call?.Committed();

        // The request stands; its acknowledgement letter follows from the outbox (ADR 0048), whose message committed with it.
        return Results.Created(LocationOf(received.Value.Reference), answer);
    }

    private static async Task<IResult> GetAsync(
        string reference, HttpContext http, IServiceScopeFactory scopes, ControllerSettings controllerSettings, CancellationToken cancellationToken)
    {
        var caller = ApiCaller.From(http.User);
        if (!RequestReference.TryParse(reference, out var parsed))
        {
            return Problem(StatusCodes.Status404NotFound, [IntakeApiErrors.NotFound]);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var request = await db.Requests.AsNoTracking()
            .Where(r => r.Reference == parsed && db.ApiKeyRequests.Any(l => l.RequestId == r.Id && l.ApiKeyId == caller.KeyId))
            .SingleOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return Problem(StatusCodes.Status404NotFound, [IntakeApiErrors.NotFound]);
        }
        var zone = (await controllerSettings.CurrentAsync(cancellationToken)).TimeZone;
        return Results.Ok(new IntakeStatus(
            request.Reference.ToString(), IntakeJson.Name(request.Type), IntakeJson.Name(request.Status), request.ReceivedOn, request.DueOn,
            request.ExtendedDueOn, request.ClosedAt is { } closed ? TimeZoneInfo.ConvertTime(closed, zone) : null));
    }

    /// <summary>The stored answer for this Idempotency-Key (same body), a conflict (another body), or null (first time).</summary>
    private static async Task<IResult?> EarlierAnswerAsync(
        IServiceScopeFactory scopes, ApiCaller caller, string idempotencyKey, byte[] body, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var keyHash = ApiKey.Hash(idempotencyKey);
        var since = now - IdempotencyRecord.Retention;
        var record = await db.IdempotencyRecords.AsNoTracking()
            .Where(r => r.ApiKeyId == caller.KeyId && r.KeyHash == keyHash && r.CreatedAt > since)
            .SingleOrDefaultAsync(cancellationToken);
        if (record is null)
        {
            return null;
        }
        if (!string.Equals(record.BodyHash, IdempotencyRecord.BodyHashOf(body), StringComparison.Ordinal))
        {
            return Problem(StatusCodes.Status409Conflict, [IntakeApiErrors.IdempotencyConflict]);
        }
        return new ReplayedAnswer(record.StatusCode, record.ResponseBody, record.Location);
    }

    private static string LocationOf(string reference) => $"/api/v1/requests/{reference}";

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }
        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The body, or null when it is larger than the API reads (whatever Content-Length said).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > IntakeJson.MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static IResult TooLarge() => Problem(StatusCodes.Status413PayloadTooLarge, [IntakeApiErrors.BodyTooLarge with
    {
        Arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["max"] = IntakeJson.MaxBodyBytes.ToString(CultureInfo.InvariantCulture) },
    }]);

    /// <summary>RFC 7807 problem details: every error with its field (a JSON path or header name), code and sentence in the caller's language.</summary>
    internal static IResult Problem(int status, IReadOnlyList<Error> errors)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";
        var details = errors
            .Select(e => new IntakeProblemError(IntakeJson.PathOf(e.Field), e.Code, ErrorCatalog.Message(e, language) ?? e.Code))
            .ToList();
        var problem = new IntakeProblem(
            "urn:privacydesk:problem:" + (errors.Count == 0 ? "unknown" : errors[0].Code),
            Title(status, language),
            status,
            string.Join(" ", details.Select(d => d.Message).Distinct(StringComparer.Ordinal)),
            details.GroupBy(d => d.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(d => d.Message).ToArray(), StringComparer.Ordinal),
            details);
        return Results.Json(problem, Json, ProblemContentType, status);
    }

    private static string Title(int status, string language) => (status, language) switch
    {
        (400, "en") => "The request is not valid.",
        (400, _) => "Het verzoek is niet geldig.",
        (401, "en") => "No valid API key.",
        (401, _) => "Geen geldige API-sleutel.",
        (404, "en") => "Not found.",
        (404, _) => "Niet gevonden.",
        (409, "en") => "Conflict with an earlier request.",
        (409, _) => "In strijd met een eerder verzoek.",
        (413, "en") => "The body is too large.",
        (413, _) => "De inhoud is te groot.",
        (415, "en") => "Unsupported media type.",
        (415, _) => "Niet-ondersteund mediatype.",
        (429, "en") => "Too many requests.",
        (429, _) => "Te veel verzoeken.",
        _ => status.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A stored answer sent again as it was, marked as a replay.</summary>
    private sealed class ReplayedAnswer(int status, string body, string? location) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            if (location is not null)
            {
                httpContext.Response.Headers.Location = location;
            }
            await httpContext.Response.WriteAsync(body, Encoding.UTF8);
        }
    }
}

/// <summary>One problem in an RFC 7807 answer.</summary>
/// <param name="Field">The JSON path (<c>subject.email</c>), <c>body</c> for the body as a whole, or a header name.</param>
/// <param name="Code">A stable code, e.g. <c>subject.email_invalid</c>.</param>
/// <param name="Message">The sentence in the caller's language (Accept-Language: nl or en; Dutch by default).</param>
public sealed record IntakeProblemError(string Field, string Code, string Message);

/// <summary>RFC 7807 problem details with every problem by field.</summary>
public sealed record IntakeProblem(
    string Type, string Title, int Status, string Detail, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<IntakeProblemError> Problems);

/// <summary>A new data-subject request.</summary>
/// <remarks>Documentation only: the API reads the JSON itself, so every bad field is named.</remarks>
public sealed class IntakeRequestBody
{
    /// <summary>access, rectification, erasure, restriction, portability, objection, automatedDecisionReview, consentWithdrawal or recipientsDisclosure.</summary>
    public required string Type { get; init; }

    /// <summary>ISO 8601 with an offset (e.g. 2026-11-25T10:15:00+01:00); optional, default now; never in the future.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>webForm (default), email, phone, letter or inPerson.</summary>
    public string? Channel { get; init; }

    /// <summary>nl or en: the language of the acknowledgement and every later letter of the case.</summary>
    public required string Language { get; init; }

    /// <summary>Who the request is from; matched by e-mail address or customer number, otherwise registered.</summary>
    public required IntakeSubjectBody Subject { get; init; }

    /// <summary>What the subject asks, at most 10,000 characters.</summary>
    public required string Description { get; init; }

    /// <summary>For portability only: the controller the data is to be sent to (Art. 20(2)).</summary>
    public IntakeThirdPartyBody? ThirdParty { get; init; }
}

/// <summary>The data subject of an intake request.</summary>
public sealed class IntakeSubjectBody
{
    /// <summary>Required, at most 200 characters.</summary>
    public required string FullName { get; init; }

    /// <summary>Required, a valid e-mail address (at most 256 characters).</summary>
    public required string Email { get; init; }

    /// <summary>Optional, at most 50 characters.</summary>
    public string? Phone { get; init; }

    /// <summary>Optional, at most 50 characters; with it the subject is registered as a customer.</summary>
    public string? CustomerNumber { get; init; }

    /// <summary>Optional: mr, ms or unknown (default). Letters greet "Dear Mr/Ms &lt;surname&gt;"; unknown greets the full name.</summary>
    public string? Salutation { get; init; }
}

/// <summary>The receiving controller of a portability request.</summary>
public sealed class IntakeThirdPartyBody
{
    /// <summary>Required when thirdParty is given, at most 200 characters.</summary>
    public required string Name { get; init; }

    /// <summary>Required when thirdParty is given, a valid e-mail address.</summary>
    public required string Email { get; init; }
}
