using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Hosting;

/// <summary>
/// Every page and endpoint of the app, as every role, from one table. The routes are read from the app's own
/// endpoint data source (pages included), so a new page or endpoint without a row here fails the test.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.App app) : IClassFixture<AuthorizationMatrixTests.App>
{
    /// <summary>
    /// What a caller gets: through to the page or endpoint, sent to sign in, refused, asked for an API key, told the
    /// thing is not there (a case or file the caller may not see answers like one that does not exist), a bad request
    /// (a form posted without its antiforgery token), or a server error, which no row may expect.
    /// </summary>
    public enum Outcome
    {
        Allowed,
        SignIn,
        Forbidden,
        Unauthorized,
        NotFound,
        BadRequest,
        Error,
    }

    private const Outcome A = Outcome.Allowed;
    private const Outcome S = Outcome.SignIn;
    private const Outcome F = Outcome.Forbidden;
    private const Outcome U = Outcome.Unauthorized;
    private const Outcome N = Outcome.NotFound;
    private const Outcome B = Outcome.BadRequest;

    private static readonly string[] Callers = ["anonymous", "officer@privacydesk.test", "lead@privacydesk.test", "auditor@privacydesk.test", "admin@privacydesk.test"];

    /// <summary>
    /// Route (method and pattern, as the app declares it) to the outcome for: anonymous, officer, team lead, auditor, administrator.
    /// Route parameters are filled with a real case, subject and purpose of the demo data.
    /// </summary>
    private static readonly Dictionary<string, Outcome[]> Matrix = new(StringComparer.Ordinal)
    {
        // Pages (Blazor answers GET and, for forms, POST on every page route: a POST without its antiforgery token is a bad request)
        ["GET /"] = [S, A, A, A, A],
        ["POST /"] = [S, B, B, B, B],
        ["GET /Account/AccessDenied"] = [A, A, A, A, A],
        ["POST /Account/AccessDenied"] = [B, B, B, B, B],
        ["GET /Account/InvalidUser"] = [A, A, A, A, A],
        ["POST /Account/InvalidUser"] = [B, B, B, B, B],
        ["GET /Account/Lockout"] = [A, A, A, A, A],
        ["POST /Account/Lockout"] = [B, B, B, B, B],
        ["GET /Account/Login"] = [A, A, A, A, A],
        ["POST /Account/Login"] = [B, B, B, B, B],
        ["GET /Account/LoginWith2fa"] = [S, S, S, S, S],
        ["POST /Account/LoginWith2fa"] = [B, B, B, B, B],
        ["GET /Account/LoginWithRecoveryCode"] = [S, S, S, S, S],
        ["POST /Account/LoginWithRecoveryCode"] = [B, B, B, B, B],
        ["GET /Account/Manage"] = [S, A, A, A, A],
        ["POST /Account/Manage"] = [S, B, B, B, B],
        ["GET /Account/Manage/ChangePassword"] = [S, A, A, A, A],
        ["POST /Account/Manage/ChangePassword"] = [S, B, B, B, B],
        ["GET /Account/Manage/Disable2fa"] = [S, A, A, A, A],
        ["POST /Account/Manage/Disable2fa"] = [S, B, B, B, B],
        ["GET /Account/Manage/EnableAuthenticator"] = [S, A, A, A, A],
        ["POST /Account/Manage/EnableAuthenticator"] = [S, B, B, B, B],
        ["GET /Account/Manage/GenerateRecoveryCodes"] = [S, A, A, A, A],
        ["POST /Account/Manage/GenerateRecoveryCodes"] = [S, B, B, B, B],
        ["GET /Account/Manage/ResetAuthenticator"] = [S, A, A, A, A],
        ["POST /Account/Manage/ResetAuthenticator"] = [S, B, B, B, B],
        ["GET /Account/Manage/TwoFactorAuthentication"] = [S, A, A, A, A],
        ["POST /Account/Manage/TwoFactorAuthentication"] = [S, B, B, B, B],
        ["GET /Error"] = [A, A, A, A, A],
        ["POST /Error"] = [B, B, B, B, B],
        ["GET /administration"] = [S, F, F, F, A],
        ["POST /administration"] = [S, F, F, F, B],
        ["GET /administration/api-keys"] = [S, F, F, F, A],
        ["POST /administration/api-keys"] = [S, F, F, F, B],
        ["GET /administration/audit-trail"] = [S, F, F, A, A],
        ["POST /administration/audit-trail"] = [S, F, F, B, B],
        ["GET /administration/calendar"] = [S, F, A, F, A],
        ["POST /administration/calendar"] = [S, F, B, F, B],
        ["GET /administration/controller"] = [S, F, F, F, A],
        ["POST /administration/controller"] = [S, F, F, F, B],
        // Every role sees the source systems and their maps; only administrators get the buttons that change them (the service checks).
        // Completed erasures to re-apply after a restore: administrators only (systems and hash counts, no personal data).
        ["GET /administration/erasures"] = [S, F, F, F, A],
        ["POST /administration/erasures"] = [S, F, F, F, B],
        ["GET /administration/source-systems"] = [S, A, A, A, A],
        ["POST /administration/source-systems"] = [S, B, B, B, B],
        ["GET /administration/source-systems/{Id:guid}"] = [S, A, A, A, A],
        ["POST /administration/source-systems/{Id:guid}"] = [S, B, B, B, B],
        ["GET /dashboard"] = [S, A, A, A, F],
        ["POST /dashboard"] = [S, B, B, B, F],
        ["GET /not-found"] = [A, A, A, A, A],
        // The retention ledger: the office reads it (auditors too); administrators do not (ADR 0006).
        ["GET /retention"] = [S, A, A, A, F],
        ["POST /retention"] = [S, B, B, B, F],
        ["POST /not-found"] = [B, B, B, B, B],
        ["GET /register"] = [S, A, A, A, F],
        ["POST /register"] = [S, B, B, B, F],
        ["GET /register/{Key}"] = [S, A, A, A, F],
        ["POST /register/{Key}"] = [S, B, B, B, F],
        ["GET /requests"] = [S, A, A, A, F],
        ["POST /requests"] = [S, B, B, B, F],
        ["GET /requests/{Reference}"] = [S, A, A, A, F],
        ["POST /requests/{Reference}"] = [S, B, B, B, F],
        ["GET /subjects"] = [S, A, A, A, F],
        ["POST /subjects"] = [S, B, B, B, F],
        ["GET /subjects/{Id:guid}"] = [S, A, A, A, F],
        ["POST /subjects/{Id:guid}"] = [S, B, B, B, F],
        // Endpoints; the intake API answers to an API key only, never to a staff cookie
        ["GET /api/reference/{documentName?}"] = [A, A, A, A, A],
        ["GET /api/v1/requests/{reference}"] = [U, U, U, U, U],
        ["GET /dashboard/export/sla.csv"] = [S, A, A, A, F],
        // A real document (the test case's acknowledgement): administrators handle no cases, so they are refused.
        ["GET /documents/{documentId:guid}"] = [S, A, A, A, F],
        ["GET /health"] = [A, A, A, A, A],
        // The load balancer's (ADR 0050): anonymous, the status word only.
        ["GET /health/live"] = [A, A, A, A, A],
        ["GET /health/ready"] = [A, A, A, A, A],
        ["GET /preferences/culture"] = [B, B, B, B, B],
        ["GET /register/export/art30.csv"] = [S, A, A, A, F],
        ["GET /register/export/art30.pdf"] = [S, A, A, A, F],
        ["GET /requests/{reference}/attachments/{attachmentId:guid}"] = [S, A, A, A, F],
        // The case file is for team leads and auditors (ADR 0019): administrators are refused by the policy, officers by the service.
        ["GET /requests/{requestId:guid}/case-file"] = [S, F, A, A, F],
        ["GET /{**path:file}"] = [S, N, N, N, N],
        ["POST /Account/Logout"] = [S, B, B, B, B],
        ["POST /api/v1/requests/"] = [U, U, U, U, U],
        // The privacy portal (ADR 0044): public to everyone; its forms read only a URL-encoded body with their own token, anything else is a bad request.
        // Issue 16, staff side: the Outbox for administrators and team leads (ADR 0043), the Inbox for those who register requests
        // (ADR 0046); the original .eml is probed with an id that is not a GUID, so the route is not there for anyone signed in.
        ["GET /administration/outbox"] = [S, F, A, F, A],
        ["POST /administration/outbox"] = [S, F, B, F, B],
        ["GET /inbox"] = [S, A, A, F, F],
        ["POST /inbox"] = [S, B, B, F, F],
        ["GET /inbox/{id:guid}/original"] = [S, N, N, N, N],
        // Secure delivery (ADR 0045): the answer pages are the portal's, under its base path; the page is public (a code opens it),
        // its forms are the portal's forms, and a download needs the answer's own cookie.
        ["GET /privacy/answer/{token}"] = [A, A, A, A, A],
        ["POST /privacy/answer/{token}/send-code"] = [B, B, B, B, B],
        ["POST /privacy/answer/{token}/code"] = [B, B, B, B, B],
        ["GET /privacy/answer/{token}/documents/{documentId:guid}"] = [N, N, N, N, N],
        ["GET /privacy/"] = [A, A, A, A, A],
        ["GET /privacy/code"] = [A, A, A, A, A],
        ["GET /privacy/language/{language}"] = [A, A, A, A, A],
        ["GET /privacy/status/{token}"] = [A, A, A, A, A],
        ["GET /privacy/status/{token}/code"] = [A, A, A, A, A],
        ["GET /privacy/{**rest}"] = [N, N, N, N, N],
        ["POST /privacy/"] = [B, B, B, B, B],
        ["POST /privacy/code"] = [B, B, B, B, B],
        ["POST /privacy/status/{token}/code"] = [B, B, B, B, B],
        ["POST /privacy/status/{token}/message"] = [B, B, B, B, B],
        ["POST /privacy/status/{token}/send-code"] = [B, B, B, B, B],
        ["POST /privacy/status/{token}/withdraw"] = [B, B, B, B, B],
    };

    [Fact]
    public async Task EveryPageAndEndpointAnswersEveryRoleAsTheTableSays()
    {
        var routes = app.Routes();
        var unlisted = routes.Where(r => !Matrix.ContainsKey(r)).ToList();
        var gone = Matrix.Keys.Where(k => !routes.Contains(k)).ToList();

        var actual = new StringBuilder();
        var mismatches = new List<string>();
        foreach (var route in routes)
        {
            var outcomes = new List<Outcome>();
            foreach (var caller in Callers)
            {
                outcomes.Add(await app.OutcomeAsync(caller, route));
            }
            actual.AppendLine($"        [\"{route}\"] = [{string.Join(", ", outcomes.Select(o => o.ToString()[0]))}],");
            if (Matrix.TryGetValue(route, out var expected) && !expected.SequenceEqual(outcomes))
            {
                mismatches.Add($"{route}: expected {string.Join("/", expected)}, got {string.Join("/", outcomes)}");
            }
        }

        unlisted.ShouldBeEmpty("every page and endpoint needs a row in the table; as they answer now:\n" + actual);
        gone.ShouldBeEmpty("rows for routes the app no longer has");
        mismatches.ShouldBeEmpty();
    }

    /// <summary>The app with the demo cases, so routes with a reference, a subject or a purpose point at real ones.</summary>
    public sealed class App : IAsyncLifetime
    {
        private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _samples = new(StringComparer.Ordinal);

        public PrivacyDeskAppFactory Factory { get; } = new() { SeedDemoCases = true };

        public async ValueTask InitializeAsync()
        {
            _ = Factory.Server;
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            // A case nobody handles yet, registered with its original letter, so every officer may see it and its
            // attachment: the matrix is about roles, not assignment, and a real file tells a refusal from "not there".
            var officer = await Infrastructure.Callers.ForAsync(Factory, "officer@privacydesk.test");
            var letter = Encoding.UTF8.GetBytes("Geachte heer, mevrouw,\nIk wil weten welke gegevens u van mij heeft.");
            var registered = await ActivatorUtilities.CreateInstance<RequestRegistration>(Factory.Services).RegisterAsync(officer,
                new NewRequest(RequestType.Access, RequestChannel.Letter, DateTimeOffset.UtcNow.AddHours(-1), "nl", null,
                    new NewSubject("Matrix Proef", "matrix.proef@example.nl", null, "C-990001", SubjectCategory.Customer),
                    "Brief: inzage.", [new NewAttachment("brief.txt", letter.Length, _ => Task.FromResult(letter))]));
            var reference = RequestReference.Parse(registered.Value);
            var request = await db.Requests.AsNoTracking().Where(r => r.Reference == reference).Select(r => new { r.Id, r.Reference, r.SubjectId }).SingleAsync();
            _samples["Reference"] = request.Reference.ToString();
            _samples["reference"] = request.Reference.ToString();
            _samples["requestId"] = request.Id.ToString();
            _samples["Id"] = request.SubjectId.ToString();
            _samples["Key"] = await db.Purposes.AsNoTracking().Select(p => p.Key).FirstAsync();
            _samples["attachmentId"] = (await db.RequestAttachments.AsNoTracking().Where(a => a.RequestId == request.Id).Select(a => a.Id).SingleAsync()).ToString();
            // Its acknowledgement, a real document: who may download it is the service's call.
            var acknowledgement = await ActivatorUtilities.CreateInstance<PrivacyDesk.Web.Features.Documents.CaseDocuments>(Factory.Services)
                .AcknowledgeAsSystemAsync(request.Id, PrivacyDesk.Domain.Staff.Actor.System);
            _samples["documentId"] = acknowledgement.Value!.Id.ToString();
            foreach (var caller in Callers)
            {
                _clients[caller] = caller == "anonymous" ? SignedInClient.Anonymous(Factory) : await SignedInClient.CreateAsync(Factory, caller);
            }
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }
            await Factory.DisposeAsync();
        }

        /// <summary>"METHOD /pattern" for every routed page and endpoint, leaving out the framework's own (static files, the Blazor hub).</summary>
        public List<string> Routes()
        {
            var sources = Factory.Services.GetRequiredService<EndpointDataSource>();
            return [.. sources.Endpoints.OfType<RouteEndpoint>()
                .Where(e => !IsFramework(e))
                .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                    .Where(m => m is "GET" or "POST" or "PUT" or "DELETE" or "PATCH")
                    .Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"))
                .Distinct(StringComparer.Ordinal)
                // Signing out last: the clients keep their cookies for every other route.
                .OrderBy(r => r.Contains("Logout", StringComparison.Ordinal))
                .ThenBy(r => r, StringComparer.Ordinal)];
        }

        private static bool IsFramework(RouteEndpoint endpoint)
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            return pattern.StartsWith("/_", StringComparison.Ordinal)
                || endpoint.Metadata.Any(m => m.GetType().Namespace?.StartsWith("Microsoft.AspNetCore.StaticAssets", StringComparison.Ordinal) == true)
                || (!pattern.Contains('{', StringComparison.Ordinal) && Path.HasExtension(pattern) && !pattern.Contains("/export/", StringComparison.Ordinal))
                || pattern.StartsWith("/openapi", StringComparison.Ordinal);
        }

        public async Task<Outcome> OutcomeAsync(string caller, string route)
        {
            var space = route.IndexOf(' ', StringComparison.Ordinal);
            var method = new HttpMethod(route[..space]);
            var path = System.Text.RegularExpressions.Regex.Replace(route[(space + 1)..], @"\{(?<name>[A-Za-z]+)(:[^}]*)?\}",
                m => Uri.EscapeDataString(_samples.TryGetValue(m.Groups["name"].Value, out var value) ? value : "x"));
            using var message = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            if (method == HttpMethod.Post)
            {
                message.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }
            using var response = await _clients[caller].SendAsync(message, Xunit.TestContext.Current.CancellationToken);
            var location = response.Headers.Location?.ToString() ?? "";
            return response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => Outcome.Unauthorized,
                HttpStatusCode.Forbidden => Outcome.Forbidden,
                HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) => Outcome.SignIn,
                HttpStatusCode.Redirect or HttpStatusCode.Found when location.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) => Outcome.Forbidden,
                HttpStatusCode.NotFound => Outcome.NotFound,
                HttpStatusCode.BadRequest => Outcome.BadRequest,
                >= HttpStatusCode.InternalServerError => Outcome.Error,
                _ => Outcome.Allowed,
            };
        }
    }
}
