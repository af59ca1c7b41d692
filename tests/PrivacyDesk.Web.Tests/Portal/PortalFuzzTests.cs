using System.Text;
using Microsoft.EntityFrameworkCore;

namespace PrivacyDesk.Web.Tests.Portal;

/// <summary>
/// Generated malformed posts and paths to every portal address (random fields, huge and broken values, wrong content types,
/// odd paths, with and without a valid token and stamp): never a 5xx, and no request or code is ever stored.
/// </summary>
public sealed class PortalFuzzTests : IAsyncLifetime
{
    private const int Posts = 600;
    private static readonly string[] Paths =
    [
        "/privacy", "/privacy/", "/privacy/code", "/privacy/status/abc", "/privacy/status/abc/send-code", "/privacy/status/abc/code",
        "/privacy/status/abc/withdraw", "/privacy/status/abc/message", "/privacy/language/xx", "/privacy/%01%7f", "/privacy/status/%2e%2e%2f",
        "/privacy/status/" + new string('a', 3000), "/privacy/code?x=" + new string('%', 20),
        "/privacy/answer/abc", "/privacy/answer/abc/send-code", "/privacy/answer/abc/code", "/privacy/answer/abc/documents/00000000-0000-0000-0000-000000000000",
        "/privacy/answer/" + new string('a', 3000), "/privacy/answer/%2e%2e%2f/code",
    ];

    private static readonly string[] Fields = ["Type", "FullName", "Email", "CustomerNumber", "Phone", "Description", "ThirdPartyName", "ThirdPartyEmail",
        "Website", "Started", "Code", "Message", "Confirm", "__RequestVerificationToken"];

    private readonly PortalHarness _portal = new();
    private readonly Random _random = new(20261207);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    [Fact]
    public async Task MalformedPostsAndPathsNeverAnswer5xxAndStoreNothing()
    {
        var cancel = PortalHarness.Cancel;
        using var browser = _portal.Browser();
        var page = await browser.GetStringAsync(new Uri("/privacy", UriKind.Relative), cancel);
        var valid = PortalHarness.HiddenFields(page);
        var failures = new List<string>();

        for (var i = 0; i < Posts; i++)
        {
            var path = Paths[_random.Next(Paths.Length)];
            using var request = new HttpRequestMessage(i % 11 == 0 ? HttpMethod.Get : HttpMethod.Post, path) { Content = Body(i, valid) };
            using var response = await browser.SendAsync(request, cancel);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} {request.Method} {path[..Math.Min(path.Length, 80)]} body kind {i % 7}");
            }
        }

        failures.ShouldBeEmpty();
        await using var db = _portal.Db();
        (await db.PortalChallenges.CountAsync(cancel)).ShouldBe(0);
        (await db.Requests.CountAsync(cancel)).ShouldBe(0);
        (await db.OutgoingEmails.CountAsync(cancel)).ShouldBe(0);
    }

    private HttpContent Body(int i, Dictionary<string, string> valid) => (i % 7) switch
    {
        0 => new ByteArrayContent(RandomBytes(_random.Next(0, 4000))) { Headers = { { "Content-Type", "application/x-www-form-urlencoded" } } },
        1 => new FormUrlEncodedContent(RandomFields(valid, huge: false)),
        2 => new StringContent(string.Join('&', Enumerable.Range(0, _random.Next(1, 200)).Select(_ => RandomText(_random.Next(0, 40)) + "=" + RandomText(_random.Next(0, 40)))),
            Encoding.UTF8, "application/x-www-form-urlencoded"),
        3 => new ByteArrayContent(Encoding.UTF8.GetBytes("Description=" + new string('x', PortalLimits.Oversized))) { Headers = { { "Content-Type", "application/x-www-form-urlencoded" } } },
        4 => new StringContent("{\"Type\":\"Access\"}", Encoding.UTF8, "application/json"),
        5 => new MultipartFormDataContent { { new StringContent("Access"), "Type" }, { new ByteArrayContent(RandomBytes(2000)), "file", "a.bin" } },
        _ => new FormUrlEncodedContent(RandomFields(valid, huge: true)),
    };

    private Dictionary<string, string> RandomFields(Dictionary<string, string> valid, bool huge)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_random.Next(2) == 0)
        {
            foreach (var (key, value) in valid)
            {
                fields[key] = value;
            }
        }
        foreach (var field in Fields.Where(_ => _random.Next(3) > 0))
        {
            fields[field] = huge && _random.Next(3) == 0 ? new string('é', _random.Next(10_000, 40_000)) : RandomText(_random.Next(0, 300));
        }
        fields["Type"] = _random.Next(4) switch { 0 => "99", 1 => "Access", 2 => "-1", _ => RandomText(10) };
        // Never a code e-mail: an invalid address keeps even a well-formed, well-timed post from being issued.
        fields["Email"] = "no-at-sign" + RandomText(5);
        return fields;
    }

    private string RandomText(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = _random.Next(10) switch
            {
                0 => (char)_random.Next(0, 32),
                1 => (char)_random.Next(0xD800, 0xDFFF),
                2 => "%&=+<>\"'\\/;"[_random.Next(11)],
                _ => (char)_random.Next(32, 0x2FF),
            };
        }
        return new string(chars);
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private static class PortalLimits
    {
        public const int Oversized = Web.Features.Portal.PortalEndpoints.MaxBodyBytes + 10;
    }
}
