using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Hosting;

/// <summary>
/// Every page and endpoint of the app, as every role, from one table. The routes are read from the app's own
/// endpoint data source (pages included), so a new page or endpoint without a row here fails the test.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.App app) : IClassFixture<AuthorizationMatrixTests.App>
{
    /// <summary>What a caller gets: through to the page or endpoint, sent to sign in, refused, or asked for an API key.</summary>
    public enum Outcome
    {
        Allowed,
        SignIn,
        Forbidden,
        Unauthorized,
    }

    private const Outcome A = Outcome.Allowed;
    private const Outcome S = Outcome.SignIn;
    private const Outcome F = Outcome.Forbidden;
    private const Outcome U = Outcome.Unauthorized;

    private static readonly string[] Callers = ["anonymous", "officer@privacydesk.test", "lead@privacydesk.test", "auditor@privacydesk.test", "admin@privacydesk.test"];

    /// <summary>
    /// Route (method and pattern, as the app declares it) to the outcome for: anonymous, officer, team lead, auditor, administrator.
    /// Route parameters are filled with a real case, subject and purpose of the demo data.
    /// </summary>
    private static readonly Dictionary<string, Outcome[]> Matrix = new(StringComparer.Ordinal)
    {
        // Pages (Blazor answers GET and, for forms, POST on every page route; both must agree)
        ["GET /"] = [S, A, A, A, A],
        ["POST /"] = [S, A, A, A, A],
        ["GET /Account/AccessDenied"] = [A, A, A, A, A],
        ["POST /Account/AccessDenied"] = [A, A, A, A, A],
        ["GET /Account/InvalidUser"] = [A, A, A, A, A],
        ["POST /Account/InvalidUser"] = [A, A, A, A, A],
        ["GET /Account/Lockout"] = [A, A, A, A, A],
        ["POST /Account/Lockout"] = [A, A, A, A, A],
        ["GET /Account/Login"] = [A, A, A, A, A],
        ["POST /Account/Login"] = [A, A, A, A, A],
        ["GET /Account/LoginWith2fa"] = [S, S, S, S, S],
        ["POST /Account/LoginWith2fa"] = [A, A, A, A, A],
        ["GET /Account/LoginWithRecoveryCode"] = [S, S, S, S, S],
        ["POST /Account/LoginWithRecoveryCode"] = [A, A, A, A, A],
        ["GET /Account/Manage"] = [S, A, A, A, A],
        ["POST /Account/Manage"] = [S, A, A, A, A],
        ["GET /Account/Manage/ChangePassword"] = [S, A, A, A, A],
        ["POST /Account/Manage/ChangePassword"] = [S, A, A, A, A],
        ["GET /Account/Manage/Disable2fa"] = [S, A, A, A, A],
        ["POST /Account/Manage/Disable2fa"] = [S, A, A, A, A],
        ["GET /Account/Manage/EnableAuthenticator"] = [S, A, A, A, A],
        ["POST /Account/Manage/EnableAuthenticator"] = [S, A, A, A, A],
        ["GET /Account/Manage/GenerateRecoveryCodes"] = [S, A, A, A, A],
        ["POST /Account/Manage/GenerateRecoveryCodes"] = [S, A, A, A, A],
        ["GET /Account/Manage/ResetAuthenticator"] = [S, A, A, A, A],
        ["POST /Account/Manage/ResetAuthenticator"] = [S, A, A, A, A],
        ["GET /Account/Manage/TwoFactorAuthentication"] = [S, A, A, A, A],
        ["POST /Account/Manage/TwoFactorAuthentication"] = [S, A, A, A, A],
        ["GET /Error"] = [A, A, A, A, A],
        ["POST /Error"] = [A, A, A, A, A],
        ["GET /administration"] = [S, F, F, F, A],
        ["POST /administration"] = [S, F, F, F, A],
        ["GET /administration/api-keys"] = [S, F, F, F, A],
        ["POST /administration/api-keys"] = [S, F, F, F, A],
        ["GET /administration/audit-trail"] = [S, F, F, A, A],
        ["POST /administration/audit-trail"] = [S, F, F, A, A],
        ["GET /administration/calendar"] = [S, F, A, F, A],
        ["POST /administration/calendar"] = [S, F, A, F, A],
        ["GET /administration/controller"] = [S, F, F, F, A],
        ["POST /administration/controller"] = [S, F, F, F, A],
        // Every role sees the source systems and their maps; only administrators get the buttons that change them (the service checks).
        ["GET /administration/source-systems"] = [S, A, A, A, A],
        ["POST /administration/source-systems"] = [S, A, A, A, A],
        ["GET /administration/source-systems/{Id:guid}"] = [S, A, A, A, A],
        ["POST /administration/source-systems/{Id:guid}"] = [S, A, A, A, A],
        ["GET /dashboard"] = [S, A, A, A, F],
        ["POST /dashboard"] = [S, A, A, A, F],
        ["GET /not-found"] = [A, A, A, A, A],
        ["POST /not-found"] = [A, A, A, A, A],
        ["GET /register"] = [S, A, A, A, F],
        ["POST /register"] = [S, A, A, A, F],
        ["GET /register/{Key}"] = [S, A, A, A, F],
        ["POST /register/{Key}"] = [S, A, A, A, F],
        ["GET /requests"] = [S, A, A, A, F],
        ["POST /requests"] = [S, A, A, A, F],
        ["GET /requests/{Reference}"] = [S, A, A, A, F],
        ["POST /requests/{Reference}"] = [S, A, A, A, F],
        ["GET /subjects"] = [S, A, A, A, F],
        ["POST /subjects"] = [S, A, A, A, F],
        ["GET /subjects/{Id:guid}"] = [S, A, A, A, F],
        ["POST /subjects/{Id:guid}"] = [S, A, A, A, F],
        // Endpoints; the intake API answers to an API key only, never to a staff cookie
        ["GET /api/reference/{documentName?}"] = [A, A, A, A, A],
        ["GET /api/v1/requests/{reference}"] = [U, U, U, U, U],
        ["GET /dashboard/export/sla.csv"] = [S, A, A, A, F],
        // An unknown document id answers 404 to anyone signed in; the service refuses a real one per role.
        ["GET /documents/{documentId:guid}"] = [S, A, A, A, A],
        ["GET /health"] = [A, A, A, A, A],
        ["GET /preferences/culture"] = [A, A, A, A, A],
        ["GET /register/export/art30.csv"] = [S, A, A, A, F],
        ["GET /register/export/art30.pdf"] = [S, A, A, A, F],
        ["GET /requests/{reference}/attachments/{attachmentId:guid}"] = [S, A, A, A, F],
        // The case file is for team leads and auditors (ADR 0019): administrators are refused by the policy, officers by the service.
        ["GET /requests/{requestId:guid}/case-file"] = [S, F, A, A, F],
        ["GET /{**path:file}"] = [S, A, A, A, A],
        ["POST /Account/Logout"] = [S, A, A, A, A],
        ["POST /api/v1/requests/"] = [U, U, U, U, U],
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
            // A case nobody handles yet, so every officer may see it: the matrix is about roles, not assignment.
            var request = await db.Requests.AsNoTracking().Where(r => r.HandlerId == null).Select(r => new { r.Id, r.Reference, r.SubjectId }).FirstAsync();
            _samples["Reference"] = request.Reference.ToString();
            _samples["reference"] = request.Reference.ToString();
            _samples["requestId"] = request.Id.ToString();
            _samples["Id"] = request.SubjectId.ToString();
            _samples["Key"] = await db.Purposes.AsNoTracking().Select(p => p.Key).FirstAsync();
            _samples["attachmentId"] = Guid.NewGuid().ToString();
            _samples["documentId"] = Guid.NewGuid().ToString();
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
                _ => Outcome.Allowed,
            };
        }
    }
}
