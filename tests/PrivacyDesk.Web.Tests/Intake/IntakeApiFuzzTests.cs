using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace PrivacyDesk.Web.Tests.Intake;

/// <summary>
/// A few thousand generated malformed bodies (random JSON shapes, wrong types, huge strings, broken
/// UTF-8, truncated documents, bad values in every field): never a 5xx, never a row.
/// </summary>
public sealed class IntakeApiFuzzTests : IAsyncLifetime
{
    private const int Bodies = 3000;
    private static readonly string[] Fields = ["type", "receivedAt", "channel", "language", "subject", "description", "thirdParty"];
    private static readonly string[] SubjectFields = ["fullName", "email", "phone", "customerNumber"];

    private readonly IntakeApiFactory _app = new();
    private readonly Random _random = new(20261125);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task ThousandsOfMalformedBodiesNeverAnswer5xxAndNeverCreateARow()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        using var client = _app.CreateClient();
        var before = await _app.CountRowsAsync();
        var statuses = new Dictionary<HttpStatusCode, int>();
        var serverErrors = new List<string>();

        for (var i = 0; i < Bodies; i++)
        {
            var body = Generate(i % 6);
            using var response = await client.SendAsync(IntakeApiFactory.PostBytes(body), ct);
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
            if ((int)response.StatusCode >= 500 || response.IsSuccessStatusCode)
            {
                serverErrors.Add($"{(int)response.StatusCode}: {Encoding.UTF8.GetString(body[..Math.Min(body.Length, 300)])}");
            }
        }

        serverErrors.ShouldBeEmpty();
        statuses.Keys.ShouldAllBe(s => s == HttpStatusCode.BadRequest || s == HttpStatusCode.RequestEntityTooLarge);
        (await _app.CountRowsAsync()).ShouldBe(before);
    }

    private byte[] Generate(int kind) => kind switch
    {
        0 => Encoding.UTF8.GetBytes(RandomValue(0).ToJsonString()),
        1 => Encoding.UTF8.GetBytes(WithOneFieldBroken().ToJsonString()),
        2 => BrokenUtf8(),
        3 => Truncated(),
        4 => Encoding.UTF8.GetBytes(WithHugeString().ToJsonString()),
        _ => Encoding.UTF8.GetBytes(WithSubjectBroken().ToJsonString()),
    };

    private static JsonObject Valid() => new()
    {
        ["type"] = "access",
        ["language"] = "nl",
        ["subject"] = new JsonObject { ["fullName"] = "Fuzz Tester", ["email"] = "fuzz@example.com" },
        ["description"] = "Inzage graag.",
    };

    /// <summary>Any JSON value: most are not objects, and the objects lack a type.</summary>
    private JsonNode RandomValue(int depth)
    {
        var pick = _random.Next(depth > 3 ? 5 : 7);
        return pick switch
        {
            0 => JsonValue.Create(_random.Next())!,
            1 => JsonValue.Create(RandomText(_random.Next(0, 40)))!,
            2 => JsonValue.Create(_random.Next(2) == 0)!,
            3 => JsonValue.Create(_random.NextDouble() * 1e12)!,
            4 => JsonValue.Create("")!,
            5 => new JsonArray([.. Enumerable.Range(0, _random.Next(4)).Select(_ => RandomValue(depth + 1))]),
            _ => RandomObject(depth),
        };
    }

    private JsonObject RandomObject(int depth)
    {
        var result = new JsonObject();
        foreach (var _ in Enumerable.Range(0, _random.Next(5)))
        {
            var name = _random.Next(3) == 0 ? Fields[_random.Next(1, Fields.Length)] : RandomText(_random.Next(1, 12));
            result[name] = RandomValue(depth + 1);
        }
        result.Remove("type");
        return result;
    }

    private JsonNode? WrongValue(string field) => _random.Next(8) switch
    {
        0 => null,
        1 => JsonValue.Create(_random.Next(-5, 5)),
        2 => JsonValue.Create(true),
        3 => new JsonArray(JsonValue.Create("access")),
        4 => new JsonObject { ["value"] = field },
        5 => JsonValue.Create(field switch
        {
            "receivedAt" => _random.Next(3) switch { 0 => "2026-13-45T99:00:00Z", 1 => "2099-01-01T00:00:00+01:00", _ => "gisteren" },
            "language" => "de",
            "type" => "everything",
            "channel" => "pigeon",
            _ => "   ",
        }),
        6 => JsonValue.Create("\u0000\u0007"),
        _ => JsonValue.Create(new string('x', 10_001 + _random.Next(20_000))),
    };

    private JsonObject WithOneFieldBroken()
    {
        var body = Valid();
        var field = Fields[_random.Next(Fields.Length)];
        var value = WrongValue(field);
        if (field is "receivedAt" or "channel" or "thirdParty" && value is null)
        {
            value = JsonValue.Create(12);
        }
        if (field == "thirdParty")
        {
            value = _random.Next(2) == 0 ? new JsonObject { ["name"] = "", ["email"] = "x" } : value;
        }
        if (_random.Next(4) == 0 && field is not ("receivedAt" or "channel" or "thirdParty"))
        {
            body.Remove(field);
        }
        else
        {
            body[field] = value;
        }
        return body;
    }

    private JsonObject WithSubjectBroken()
    {
        var body = Valid();
        var subject = (JsonObject)body["subject"]!;
        var field = SubjectFields[_random.Next(SubjectFields.Length)];
        subject[field] = field switch
        {
            "email" => _random.Next(3) switch { 0 => "a@b@c", 1 => "no spaces allowed@example.com", _ => "plain" },
            "fullName" => _random.Next(2) == 0 ? new string('N', 201) : "",
            _ => new string('9', 51 + _random.Next(100)),
        };
        return body;
    }

    private JsonObject WithHugeString()
    {
        var body = Valid();
        var field = _random.Next(3) switch { 0 => "description", 1 => "type", _ => "language" };
        body[field] = RandomText(10_001 + _random.Next(60_000));
        return body;
    }

    private byte[] BrokenUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid().ToJsonString()).ToList();
        var at = bytes.IndexOf((byte)'I');
        byte[][] broken = [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF]];
        bytes.InsertRange(at < 0 ? 1 : at, broken[_random.Next(broken.Length)]);
        return [.. bytes];
    }

    private byte[] Truncated()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid().ToJsonString());
        return bytes[.._random.Next(0, bytes.Length - 1)];
    }

    private string RandomText(int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(_random.Next(10) switch
            {
                0 => (char)_random.Next(0x20),
                1 => (char)_random.Next(0xD800, 0xDFFF),
                2 => (char)_random.Next(0x80, 0x2FFF),
                _ => (char)_random.Next(0x20, 0x7F),
            });
        }
        return builder.ToString();
    }
}
