using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using PrivacyDesk.Web.Features.Portal;

namespace PrivacyDesk.Web.Features.Delivery;

/// <summary>The answer link's token: random, only its keyed hash stored, and the address it lives at on the portal.</summary>
public static partial class DeliveryLinks
{
    private const int TokenBytes = 32;

    /// <summary>256 random bits, URL-safe: guessing one is hopeless, and it says nothing about the subject or the case.</summary>
    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>Hex HMAC-SHA256 of the token under the portal key, so a copy of the database opens no answer.</summary>
    public static string Hash(byte[] key, string token) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("delivery:" + token)));

    /// <summary>
    /// The link in the e-mail: the portal's public address when configured (<see cref="PortalOptions.PublicBaseUrl"/>, base path
    /// included, like the status links), else the address the officer's browser reached the app at plus the base path; then the
    /// answer's path and the token. Relative when neither is known.
    /// </summary>
    public static string AnswerUrl(PortalOptions options, string? siteBaseUri, string token)
    {
        ArgumentNullException.ThrowIfNull(options);
        var portal = !string.IsNullOrWhiteSpace(options.PublicBaseUrl)
            ? options.PublicBaseUrl.Trim().TrimEnd('/')
            : (siteBaseUri ?? "").Trim().TrimEnd('/') + options.BasePath.TrimEnd('/');
        return $"{portal}{AnswerEndpoints.AnswerSegment}/{token}";
    }

    /// <summary>
    /// A sent link e-mail's stored text with every answer link's token blanked out (<see cref="PortalPurge.BlankCode"/>): the row
    /// stays the record of what was sent and when, and a copy of the database holds no working link (only its keyed hash).
    /// </summary>
    public static string WithoutTokens(string text) => AnswerToken().Replace(text ?? "", "${path}" + PortalPurge.BlankCode);

    [GeneratedRegex(@"(?<path>" + AnswerEndpoints.AnswerSegment + @"/)[A-Za-z0-9_-]+")]
    private static partial Regex AnswerToken();

    /// <summary>"j•••@e•••.nl": enough for the subject to recognise the address, nothing for anyone else.</summary>
    public static string MaskEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == email.Length - 1)
        {
            return "•••";
        }
        var domain = email[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        var tld = dot > 0 ? domain[dot..] : "";
        return $"{email[0]}•••@{domain[0]}•••{tld}";
    }
}
