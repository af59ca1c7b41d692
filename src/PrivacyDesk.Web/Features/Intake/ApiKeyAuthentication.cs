using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Web.Features.Intake;

/// <summary>
/// The intake API's authentication scheme: the <c>X-Api-Key</c> header, recognised by <see cref="ApiKeys"/>. A call
/// without it has no result (the policy then challenges); a wrong or revoked key fails; the challenge is a 401 problem.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[IntakeEndpoints.ApiKeyHeader].ToString();
        if (presented.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }
        var caller = await keys.RecogniseAsync(presented, Context.RequestAborted);
        return caller is null
            ? AuthenticateResult.Fail("Unknown or revoked API key.")
            : AuthenticateResult.Success(new AuthenticationTicket(caller.ToPrincipal(Scheme.Name), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var missing = string.IsNullOrEmpty(Request.Headers[IntakeEndpoints.ApiKeyHeader].ToString());
        Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
        await IntakeEndpoints.Problem(StatusCodes.Status401Unauthorized, [missing ? IntakeApiErrors.KeyMissing : IntakeApiErrors.KeyInvalid]).ExecuteAsync(Context);
    }
}
