using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Outbox;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Documents;
using PrivacyDesk.Web.Features.Mail;
using PrivacyDesk.Web.Tests.Infrastructure;
using PrivacyDesk.Web.Tests.Intake;

namespace PrivacyDesk.Web.Tests.Documents;

/// <summary>
/// The acknowledgement letter of an API request, made by the one outbox after the 201 (ADR 0048): on the app's real SQLite file, the
/// runner run by hand with a moving clock, as the other outbox tests do.
/// </summary>
public sealed class AcknowledgementOutboxTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private IntakeApiFactory _app = default!;
    private WebApplicationFactory<Program> _services = default!;

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app = new IntakeApiFactory();
        // Three tries before the outbox gives up, so the test reaches the dead letter in a few passes.
        _services = _app.WithWebHostBuilder(b => b
            .UseSetting("Outbox:MaxAttempts", "3")
            .ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock)));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _app.DisposeAsync();
    }

    private static string Body(string language = "en") => JsonSerializer.Serialize(new
    {
        type = "access",
        language,
        subject = new { fullName = "Anna de Vries", email = $"anna.{Guid.NewGuid():N}@example.com" },
        description = "Please send me a copy of my personal data.",
    });

    private async Task<Guid> PostAsync(HttpClient client)
    {
        var response = await client.SendAsync(IntakeApiFactory.Post(Body()), Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var reference = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("reference").GetString()!;
        await using var scope = _services.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        return await db.Requests.Where(r => r.Reference == RequestReference.Parse(reference)).Select(r => r.Id).SingleAsync(Cancel);
    }

    private static async Task<T> InDbAsync<T>(IServiceProvider services, Func<PrivacyDeskDbContext, Task<T>> read)
    {
        await using var scope = services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>());
    }

    private Task<List<GeneratedDocument>> LettersAsync(Guid requestId, IServiceProvider? services = null) =>
        InDbAsync(services ?? _services.Services, db => db.GeneratedDocuments.AsNoTracking().Where(d => d.RequestId == requestId).ToListAsync(Cancel));

    private Task<OutboxMessage> MessageAsync(Guid requestId, IServiceProvider? services = null)
    {
        var payload = AcknowledgementLetters.Payload(requestId);
        return InDbAsync(services ?? _services.Services, db => db.OutboxMessages.AsNoTracking()
            .SingleAsync(m => m.Kind == AcknowledgementLetters.OutboxKind && m.Payload == payload, Cancel));
    }

    private async Task<AcknowledgementWork?> OnTheCaseAsync(Guid requestId)
    {
        var officer = await Callers.ForAsync(_app, "lead@privacydesk.test");
        await using var scope = _services.Services.CreateAsyncScope();
        var view = await scope.ServiceProvider.GetRequiredService<CaseDocuments>().ListAsync(officer, requestId, Cancel);
        return view.Value.Acknowledgement;
    }

    private Task<int> RunOutboxAsync(IServiceProvider? services = null) =>
        (services ?? _services.Services).GetRequiredService<OutboxRunner>().RunDueAsync(Cancel);

    [Fact]
    public async Task TheApiAnswersBeforeTheLetterExistsAndTheOutboxThenMakesExactlyOne()
    {
        using var client = _services.CreateClient();
        var requestId = await PostAsync(client);

        (await LettersAsync(requestId)).ShouldBeEmpty("the 201 came before the letter");
        (await OnTheCaseAsync(requestId))!.State.ShouldBe(AcknowledgementState.Pending);

        await RunOutboxAsync();

        var letter = (await LettersAsync(requestId)).ShouldHaveSingleItem();
        letter.Kind.ShouldBe(DocumentKind.Acknowledgement);
        letter.Version.ShouldBe(1);
        letter.Language.ShouldBe("en");
        letter.CreatedByName.ShouldBe("Intake API (Demo web form (development only))");
        (await MessageAsync(requestId)).CompletedAt.ShouldNotBeNull();
        (await OnTheCaseAsync(requestId)).ShouldBeNull("the letter is there");

        // The lease ran out while the handler still worked and another instance ran the message again.
        await InDbAsync(_services.Services, db => db.OutboxMessages.Where(m => m.Kind == AcknowledgementLetters.OutboxKind)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.CompletedAt, (DateTimeOffset?)null), Cancel));
        await RunOutboxAsync();

        (await LettersAsync(requestId)).ShouldHaveSingleItem("a retried message makes no second letter");
        (await InDbAsync(_services.Services, db => db.AuditEvents.CountAsync(e => e.EntityId == letter.Id.ToString() && e.Action == CaseDocuments.GeneratedAction, Cancel)))
            .ShouldBe(1);
    }

    [Fact]
    public async Task ALetterThatCannotBeMadeShowsAsFailingThenGivenUpOnTheOutboxPageAndTheCaseAndSendAgainMakesIt()
    {
        using var client = _services.CreateClient();
        var requestId = await PostAsync(client);
        // The callers' host starts (and seeds) first: a later start would put a controller profile back.
        var admin = await Callers.ForAsync(_app, "admin@privacydesk.test");
        // No controller profile: no letterhead, so the letter cannot be rendered.
        var profile = await InDbAsync(_services.Services, db => db.ControllerProfiles.AsNoTracking().SingleAsync(Cancel));
        await InDbAsync(_services.Services, db => db.ControllerProfiles.ExecuteDeleteAsync(Cancel));

        await RunOutboxAsync();

        var failing = await MessageAsync(requestId);
        failing.LastErrorCode.ShouldBe(DocumentStoreErrors.NoControllerProfile.Code);
        failing.CompletedAt.ShouldBeNull();
        var onCase = (await OnTheCaseAsync(requestId))!;
        onCase.State.ShouldBe(AcknowledgementState.Failing);
        onCase.LastErrorCode.ShouldBe(DocumentStoreErrors.NoControllerProfile.Code);
        var outbox = _services.Services.GetRequiredService<OutboxAdministration>();
        (await outbox.WorkAsync(admin, OutboxFilter.Failing, 1, Cancel)).Value.Rows.Where(r => r.Kind == AcknowledgementLetters.OutboxKind)
            .ShouldHaveSingleItem().State.ShouldBe(OutboxState.Failing);

        for (var pass = 0; pass < 5; pass++)
        {
            _clock.Advance(TimeSpan.FromHours(1));
            await RunOutboxAsync();
        }

        var givenUp = await MessageAsync(requestId);
        givenUp.Attempts.ShouldBe(3, "three tries and no more");
        (await OnTheCaseAsync(requestId))!.State.ShouldBe(AcknowledgementState.GivenUp);
        var row = (await outbox.WorkAsync(admin, OutboxFilter.Failing, 1, Cancel)).Value.Rows.Where(r => r.Kind == AcknowledgementLetters.OutboxKind)
            .ShouldHaveSingleItem();
        row.State.ShouldBe(OutboxState.GivenUp);
        (await LettersAsync(requestId)).ShouldBeEmpty();

        // The profile is filled in again and an administrator sends it again: the next pass makes the letter.
        await InDbAsync(_services.Services, async db =>
        {
            db.ControllerProfiles.Add(profile);
            return await db.SaveChangesAsync(Cancel);
        });
        (await outbox.SendAgainNowAsync(admin, givenUp.Id, Cancel)).IsSuccess.ShouldBeTrue();
        await RunOutboxAsync();

        (await LettersAsync(requestId)).ShouldHaveSingleItem().Kind.ShouldBe(DocumentKind.Acknowledgement);
        (await OnTheCaseAsync(requestId)).ShouldBeNull();
    }

    [Fact]
    public async Task AnAppStartedAgainOnTheSameDatabaseStillMakesTheLetter()
    {
        Guid requestId;
        using (var client = _services.CreateClient())
        {
            requestId = await PostAsync(client);
        }
        // The first host stops before its outbox ran; a new one starts on the same file.
        await _services.DisposeAsync();
        await using var restarted = new IntakeApiFactory();
        await using var host = restarted.WithWebHostBuilder(b => b.UseSetting("Database:SqlitePath", _app.DatabasePath));

        await RunOutboxAsync(host.Services);

        (await LettersAsync(requestId, host.Services)).ShouldHaveSingleItem().Kind.ShouldBe(DocumentKind.Acknowledgement);
    }
}
