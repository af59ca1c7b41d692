using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Outbox;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Intake;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Intake;

/// <summary>The intake API as the public web form uses it: real app, real SQLite, real HTTP.</summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class IntakeApiTests(IntakeApiTests.Fixture fixture) : IClassFixture<IntakeApiTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public IntakeApiFactory App { get; } = new();

        public HttpClient Client { get; private set; } = null!;

        public ValueTask InitializeAsync()
        {
            Client = App.CreateClient();
            return ValueTask.CompletedTask;
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await App.DisposeAsync();
        }
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private IntakeApiFactory App => fixture.App;

    private HttpClient Client => fixture.Client;

    private static string Body(
        string type = "access", string? email = null, string? customerNumber = null, string language = "en", string? receivedAt = null,
        string description = "Please send me a copy of my personal data.", object? thirdParty = null, string phone = "+31 20 123 4567")
    {
        var body = new JsonObject
        {
            ["type"] = type,
            ["language"] = language,
            ["subject"] = new JsonObject
            {
                ["fullName"] = "Anna de Vries",
                ["email"] = email ?? $"anna.{Guid.NewGuid():N}@example.com",
                ["phone"] = phone,
                ["customerNumber"] = customerNumber,
            },
            ["description"] = description,
        };
        if (receivedAt is not null)
        {
            body["receivedAt"] = receivedAt;
        }
        if (thirdParty is not null)
        {
            body["thirdParty"] = JsonSerializer.SerializeToNode(thirdParty);
        }
        return body.ToJsonString();
    }

    private async Task<(HttpResponseMessage Response, JsonElement Json)> SendAsync(HttpRequestMessage message)
    {
        var response = await Client.SendAsync(message, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<(Guid Id, string Key)> SecondKeyAsync()
    {
        var admin = await Callers.ForAsync(App, "admin@privacydesk.test");
        var keys = App.Services.GetRequiredService<ApiKeys>();
        var created = await keys.CreateAsync(admin, "Second system", Ct);
        return (created.Value.Row.Id, created.Value.Key);
    }

    [Fact]
    public async Task RegistersAWebFormRequestAndAnswersWithItsReferenceDatesAndLocation()
    {
        // 23:30 UTC on 24 November is already 25 November in Amsterdam: the controller's date counts.
        var (response, json) = await SendAsync(IntakeApiFactory.Post(Body(receivedAt: "2026-11-24T23:30:00Z")));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var reference = json.GetProperty("reference").GetString()!;
        reference.ShouldStartWith("DSR-2026-");
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/requests/{reference}");
        json.GetProperty("status").GetString().ShouldBe("received");
        json.GetProperty("receivedOn").GetString().ShouldBe("2026-11-25");

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var request = await db.Requests.AsNoTracking().SingleAsync(r => r.Reference == RequestReference.Parse(reference), Ct);
        request.Channel.ShouldBe(RequestChannel.WebForm);
        request.Language.ShouldBe("en");
        request.ReceivedOn.ShouldBe(new DateOnly(2026, 11, 25));
        json.GetProperty("dueDate").GetString().ShouldBe(request.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var subject = await db.DataSubjects.AsNoTracking().SingleAsync(s => s.Id == request.SubjectId, Ct);
        subject.Categories.ShouldBe([SubjectCategory.WebsiteVisitor]);
        (await db.ApiKeyRequests.AnyAsync(l => l.RequestId == request.Id, Ct)).ShouldBeTrue();
    }

    [Fact]
    public async Task TheOutboxGeneratesTheAcknowledgementAsVersionOneInTheRequestsLanguageAndAuditsIt()
    {
        var (response, json) = await SendAsync(IntakeApiFactory.Post(Body(language: "en")));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        // The letter follows from the outbox (ADR 0048); this test runs its passes by hand until nothing is due.
        var runner = App.Services.GetRequiredService<OutboxRunner>();
        while (await runner.RunDueAsync(Ct) > 0)
        {
        }

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var reference = RequestReference.Parse(json.GetProperty("reference").GetString()!);
        var requestId = await db.Requests.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync(Ct);
        var letter = await db.GeneratedDocuments.AsNoTracking().SingleAsync(d => d.RequestId == requestId, Ct);
        letter.Kind.ShouldBe(DocumentKind.Acknowledgement);
        letter.Version.ShouldBe(1);
        letter.Language.ShouldBe("en");
        letter.CreatedByName.ShouldBe("Intake API (Demo web form (development only))");
        (await db.AuditEvents.CountAsync(e => e.EntityId == letter.Id.ToString() && e.Action == "document.generated", Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task MatchesAnExistingSubjectByEmailAddressOrCustomerNumber()
    {
        var email = $"piet.{Guid.NewGuid():N}@example.com";
        var number = "C-" + Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await SendAsync(IntakeApiFactory.Post(Body(email: email, customerNumber: number)))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await App.CountRowsAsync();

        (await SendAsync(IntakeApiFactory.Post(Body(type: "erasure", email: email.ToUpperInvariant())))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await SendAsync(IntakeApiFactory.Post(Body(type: "objection", customerNumber: number)))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);

        var after = await App.CountRowsAsync();
        after.Requests.ShouldBe(before.Requests + 2);
        after.Subjects.ShouldBe(before.Subjects, "both requests belong to the subject already on file");
    }

    [Fact]
    public async Task FindsTheSubjectByAShortCustomerNumberThatStartsMoreThanTwentyOthers()
    {
        // "K-4242" is searched as the word "4242", which also starts the numbers of the 21 customers registered before it.
        // A customer whose random id sorts among the first eighth is registered again under another number: 400 others would put
        // only a handful before it, and the test failed about one run in twenty without testing anything.
        var tried = new HashSet<string>(StringComparer.Ordinal);
        string prefix;
        do
        {
            prefix = Random.Shared.Next(1_000, 9_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!tried.Add(prefix))
            {
                continue;
            }
            (await SendAsync(IntakeApiFactory.Post(Body(email: $"k{prefix}@example.com", customerNumber: $"K-{prefix}")))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        while (await SortsEarlyAsync(prefix));
        // Ids are random, so others are added until at least twenty of them sort before the customer (as the look-up reads them).
        var others = 0;
        while (await RankAsync(prefix) < 20 && others < 400)
        {
            for (var i = 0; i < 10; i++, others++)
            {
                (await SendAsync(IntakeApiFactory.Post(Body(email: $"k{prefix}{others}@example.com", customerNumber: $"K-{prefix}{others:D3}")))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);
            }
        }
        (await RankAsync(prefix)).ShouldBeGreaterThanOrEqualTo(20);
        var before = await App.CountRowsAsync();

        (await SendAsync(IntakeApiFactory.Post(Body(type: "erasure", customerNumber: $"K-{prefix}")))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);

        (await App.CountRowsAsync()).Subjects.ShouldBe(before.Subjects, "the customer on file, not a second one");
    }

    private async Task<bool> SortsEarlyAsync(string prefix)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var id = await db.DataSubjects.AsNoTracking().Where(s => s.CustomerNumber == "K-" + prefix).Select(s => (Guid?)s.Id).SingleOrDefaultAsync(Ct);
        return id is { } found && found.ToString()[0] is '0' or '1';
    }

    private async Task<int> RankAsync(string prefix)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var numbers = await db.DataSubjects.AsNoTracking().Where(s => s.CustomerNumber!.StartsWith("K-" + prefix))
            .OrderBy(s => s.Id).Select(s => s.CustomerNumber).ToListAsync(Ct);
        return numbers.IndexOf("K-" + prefix);
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "malformed JSON", "{\"type\": \"access\", ", "body" },
        { "not an object", "[1, 2, 3]", "body" },
        { "unknown type", Body(type: "everything"), "type" },
        { "missing subject", "{\"type\":\"access\",\"language\":\"en\",\"description\":\"x\"}", "subject" },
        { "missing name", Body().Replace("\"fullName\":\"Anna de Vries\",", "", StringComparison.Ordinal), "subject.fullName" },
        { "invalid e-mail", Body(email: "not-an-address"), "subject.email" },
        { "number as description", Body().Replace("\"description\":\"Please send me a copy of my personal data.\"", "\"description\":42", StringComparison.Ordinal), "description" },
        { "unknown language", Body(language: "de"), "language" },
        { "future receipt", Body(receivedAt: DateTimeOffset.UtcNow.AddDays(2).ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture)), "receivedAt" },
        { "receipt without offset", Body(receivedAt: "2026-11-20T10:00:00"), "receivedAt" },
        { "description too long", Body(description: new string('x', 10_001)), "description" },
        { "third party on access", Body(thirdParty: new { name = "Bank B", email = "privacy@bank-b.example" }), "thirdParty" },
        { "third party without e-mail", Body(type: "portability", thirdParty: new { name = "Bank B", email = "nope" }), "thirdParty.email" },
        { "phone too long", Body(phone: new string('1', 60)), "subject.phone" },
        { "unknown salutation", Body().Replace("\"fullName\":\"Anna de Vries\",", "\"fullName\":\"Anna de Vries\",\"salutation\":\"dr\",", StringComparison.Ordinal), "subject.salutation" },
    };

    [Theory]
    [InlineData("ms", "Madam")]
    [InlineData(null, "Unknown")]
    public async Task RegistersTheSubjectsSalutationForItsLetters(string? salutation, string stored)
    {
        var email = $"anna.{Guid.NewGuid():N}@example.com";
        var body = salutation is null
            ? Body(email: email)
            : Body(email: email).Replace("\"fullName\":\"Anna de Vries\",", $"\"fullName\":\"Anna de Vries\",\"salutation\":\"{salutation}\",", StringComparison.Ordinal);

        (await SendAsync(IntakeApiFactory.Post(body))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDesk.Data.PrivacyDeskDbContext>();
        var subject = (await db.DataSubjects.AsNoTracking().ToListAsync(Ct)).Single(s => s.EmailAddresses.Contains(email));
        subject.Salutation.ToString().ShouldBe(stored);
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task RefusesBadInputWithProblemDetailsNamingTheFieldAndStoresNothing(string why, string body, string field)
    {
        var before = await App.CountRowsAsync();

        var (response, json) = await SendAsync(IntakeApiFactory.Post(body));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, why);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        json.GetProperty("status").GetInt32().ShouldBe(400);
        json.GetProperty("errors").TryGetProperty(field, out var messages).ShouldBeTrue($"{why}: {json}");
        messages[0].GetString().ShouldNotBeNullOrWhiteSpace();
        (await App.CountRowsAsync()).ShouldBe(before, why);
    }

    [Fact]
    public async Task AnswersInDutchWhenAskedInDutch()
    {
        var message = IntakeApiFactory.Post(Body(type: "everything"));
        message.Headers.AcceptLanguage.Clear();
        message.Headers.AcceptLanguage.ParseAdd("nl-NL");
        var (_, json) = await SendAsync(message);
        json.GetProperty("errors").GetProperty("type")[0].GetString()!.ShouldStartWith("Onbekend soort verzoek");
    }

    [Fact]
    public async Task RefusesABodyOver64KilobytesWith413AndStoresNothing()
    {
        var before = await App.CountRowsAsync();
        var (response, json) = await SendAsync(IntakeApiFactory.Post(Body(description: new string('x', 70_000))));
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        json.GetProperty("errors").TryGetProperty("body", out _).ShouldBeTrue();
        (await App.CountRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task RefusesAnotherMediaTypeWith415()
    {
        var (response, _) = await SendAsync(IntakeApiFactory.Post(Body(), contentType: "text/plain"));
        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData(null, "X-Api-Key")]
    [InlineData("pdk_0000d3e0_wrong-secret", "X-Api-Key")]
    [InlineData("something else entirely", "X-Api-Key")]
    public async Task RefusesACallWithoutOrWithAWrongKeyWith401AndStoresNothing(string? key, string field)
    {
        var before = await App.CountRowsAsync();
        var (response, json) = await SendAsync(IntakeApiFactory.Post(Body(), key: key));
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        json.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
        (await SendAsync(IntakeApiFactory.Get("DSR-2026-000001", key))).Response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await App.CountRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task ARevokedKeyNoLongerWorks()
    {
        var second = await SecondKeyAsync();
        (await SendAsync(IntakeApiFactory.Post(Body(), key: second.Key))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var admin = await Callers.ForAsync(App, "admin@privacydesk.test");
        (await App.Services.GetRequiredService<ApiKeys>().RevokeAsync(admin, second.Id, Ct)).IsSuccess.ShouldBeTrue();

        (await SendAsync(IntakeApiFactory.Post(Body(), key: second.Key))).Response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheSameIdempotencyKeyAndBodyGetTheFirstAnswerAndCreateNothingNew()
    {
        var body = Body();
        var key = Guid.NewGuid().ToString();
        var (first, firstJson) = await SendAsync(IntakeApiFactory.Post(body, idempotencyKey: key));
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await App.CountRowsAsync();

        var (again, againJson) = await SendAsync(IntakeApiFactory.Post(body, idempotencyKey: key));

        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        againJson.GetProperty("reference").GetString().ShouldBe(firstJson.GetProperty("reference").GetString());
        again.Headers.Location.ShouldBe(first.Headers.Location);
        (await App.CountRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task TheSameIdempotencyKeySentSeveralTimesAtOnceRegistersOneRequestAndAnswersAllWithIt()
    {
        // A client retrying on a timeout while its first call still runs (or a proxy retrying on another instance): the calls overlap.
        var body = Body();
        var key = "at-once-" + Guid.NewGuid();
        var before = await App.CountRowsAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            var (response, json) = await SendAsync(IntakeApiFactory.Post(body, idempotencyKey: key));
            using (response)
            {
                return (response.StatusCode, Reference: json.ValueKind == JsonValueKind.Object && json.TryGetProperty("reference", out var r) ? r.GetString() : null);
            }
        }));

        answers.Select(a => a.StatusCode).ShouldAllBe(s => s == HttpStatusCode.Created);
        answers.Select(a => a.Reference).Distinct().Count().ShouldBe(1, "every call gets the one registration's answer");
        var after = await App.CountRowsAsync();
        after.Requests.ShouldBe(before.Requests + 1);
        after.Idempotency.ShouldBe(before.Idempotency + 1);
    }

    [Fact]
    public async Task TheSameIdempotencyKeyWithAnotherBodyIsAConflict()
    {
        var key = Guid.NewGuid().ToString();
        (await SendAsync(IntakeApiFactory.Post(Body(), idempotencyKey: key))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await App.CountRowsAsync();

        var (response, json) = await SendAsync(IntakeApiFactory.Post(Body(type: "erasure"), idempotencyKey: key));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        json.GetProperty("errors").TryGetProperty("Idempotency-Key", out _).ShouldBeTrue();
        (await App.CountRowsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task AnIdempotencyKeyOlderThan24HoursCountsAsNewAndTheKeysExpiredAnswersAreRemoved()
    {
        var key = "old-" + Guid.NewGuid();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
            var demo = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Prefix == "0000d3e0", Ct);
            db.IdempotencyRecords.Add(IdempotencyRecord.Create(demo.Id, key, "{}"u8.ToArray(), 201, "{\"reference\":\"DSR-2026-999998\"}",
                "/api/v1/requests/DSR-2026-999998", DateTimeOffset.UtcNow.AddHours(-25)));
            db.IdempotencyRecords.Add(IdempotencyRecord.Create(demo.Id, key + "-other", "{}"u8.ToArray(), 201, "{}", null, DateTimeOffset.UtcNow.AddDays(-3)));
            await db.SaveChangesAsync(Ct);
        }

        var (response, json) = await SendAsync(IntakeApiFactory.Post(Body(), idempotencyKey: key));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        json.GetProperty("reference").GetString().ShouldNotBe("DSR-2026-999998");
        await using var check = App.Services.CreateAsyncScope();
        var records = await check.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().IdempotencyRecords.AsNoTracking()
            .Where(r => r.KeyHash == ApiKey.Hash(key)).ToListAsync(Ct);
        records.Count.ShouldBe(1);
        records[0].ResponseBody.ShouldContain(json.GetProperty("reference").GetString()!);
        (await check.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().IdempotencyRecords
            .CountAsync(r => r.KeyHash == ApiKey.Hash(key + "-other"), Ct)).ShouldBe(0, "the key's other expired answers are removed too");
    }

    [Fact]
    public async Task TheIdempotencyKeyIsStoredHashedWithTheAnswer()
    {
        var key = "order-" + Guid.NewGuid();
        (await SendAsync(IntakeApiFactory.Post(Body(), idempotencyKey: key))).Response.StatusCode.ShouldBe(HttpStatusCode.Created);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var record = await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.KeyHash == ApiKey.Hash(key), Ct);
        record.KeyHash.ShouldNotContain("order-");
        record.ResponseBody.ShouldContain("\"reference\"");
        record.ResponseBody.ShouldNotContain("anna", Case.Insensitive);
    }

    [Fact]
    public async Task AnswersTheStatusOfARequestOnlyToTheKeyThatCreatedIt()
    {
        var (_, created) = await SendAsync(IntakeApiFactory.Post(Body(type: "restriction")));
        var reference = created.GetProperty("reference").GetString()!;

        var (response, json) = await SendAsync(IntakeApiFactory.Get(reference));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        json.GetProperty("reference").GetString().ShouldBe(reference);
        json.GetProperty("type").GetString().ShouldBe("restriction");
        json.GetProperty("status").GetString().ShouldBe("received");
        json.GetProperty("receivedOn").GetString().ShouldBe(created.GetProperty("receivedOn").GetString());
        json.GetProperty("dueDate").GetString().ShouldBe(created.GetProperty("dueDate").GetString());
        json.GetProperty("extendedDueDate").ValueKind.ShouldBe(JsonValueKind.Null);
        json.GetProperty("closedAt").ValueKind.ShouldBe(JsonValueKind.Null);

        var second = await SecondKeyAsync();
        (await SendAsync(IntakeApiFactory.Get(reference, second.Key))).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(IntakeApiFactory.Get("DSR-2026-999999"))).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await SendAsync(IntakeApiFactory.Get("not-a-reference"))).Response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesBothOperationsEveryFieldAndEveryError()
    {
        var document = JsonDocument.Parse(await Client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct)).RootElement;
        var paths = document.GetProperty("paths");
        var post = paths.GetProperty("/api/v1/requests").GetProperty("post");
        foreach (var status in new[] { "201", "400", "401", "409", "413", "415", "429" })
        {
            post.GetProperty("responses").TryGetProperty(status, out _).ShouldBeTrue(status);
        }
        post.GetProperty("responses").GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _).ShouldBeTrue();
        post.GetProperty("parameters").EnumerateArray().ShouldContain(p => p.GetProperty("name").GetString() == "Idempotency-Key");
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        scheme.GetProperty("in").GetString().ShouldBe("header");
        scheme.GetProperty("name").GetString().ShouldBe("X-Api-Key");
        var get = paths.GetProperty("/api/v1/requests/{reference}").GetProperty("get");
        get.GetProperty("responses").TryGetProperty("404", out _).ShouldBeTrue();
        paths.EnumerateObject().Select(p => p.Name).ShouldAllBe(p => p.StartsWith("/api/v1/"));
        var body = post.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("properties");
        foreach (var field in new[] { "type", "receivedAt", "channel", "language", "subject", "description", "thirdParty" })
        {
            body.GetProperty(field).TryGetProperty("description", out _).ShouldBeTrue(field);
        }
    }
}
