using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>Registering a request by hand against the real service and a real SQLite database.</summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class RequestRegistrationTests : IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();
    private RequestRegistration _registration = default!;
    private ClaimsPrincipal _officer = default!;

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        _registration = ActivatorUtilities.CreateInstance<RequestRegistration>(_factory.Services);
        _officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<T> WithDbAsync<T>(Func<PrivacyDeskDbContext, Task<T>> query)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>());
    }

    private Task<(int Requests, int Subjects, int Attachments, int Audit)> CountsAsync() => WithDbAsync(async db =>
        (await db.Requests.CountAsync(), await db.DataSubjects.CountAsync(), await db.RequestAttachments.CountAsync(), await db.AuditEvents.CountAsync()));

    private static NewSubject Lotte => new("Lotte Smit", "lotte.smit@example.nl", "+31 6 1111 2222", "C-555001", SubjectCategory.Customer);

    private static NewRequest Request(
        DateTimeOffset receivedAt, NewSubject? subject = null, Guid? subjectId = null, RequestType type = RequestType.Erasure,
        IReadOnlyList<NewAttachment>? attachments = null) =>
        new(type, RequestChannel.Phone, receivedAt, "nl", subjectId, subjectId is null ? subject ?? Lotte : null,
            "Wil dat al haar gegevens worden verwijderd.", attachments ?? []);

    [Fact]
    public async Task ARequestReceivedAt2330UtcCountsFromTheNextAmsterdamDay()
    {
        // Mon 9 Feb 2026 23:30 UTC is Tue 10 Feb 00:30 in Amsterdam: due Tue 10 Mar 2026 (deadlines.md, first example).
        var result = await _registration.RegisterAsync(_officer, Request(new DateTimeOffset(2026, 2, 9, 23, 30, 0, TimeSpan.Zero)));

        result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors));
        result.Value.ShouldBe("DSR-2026-000001");
        var request = await WithDbAsync(db => db.Requests.SingleAsync());
        request.ReceivedOn.ShouldBe(new DateOnly(2026, 2, 10));
        request.DueOn.ShouldBe(new DateOnly(2026, 3, 10));
        request.Status.ShouldBe(RequestStatus.Received);
        request.Channel.ShouldBe(RequestChannel.Phone);
        var subject = await WithDbAsync(db => db.DataSubjects.SingleAsync(s => s.Id == request.SubjectId));
        subject.FullName.ShouldBe("Lotte Smit");
        subject.CustomerNumber.ShouldBe("C-555001");
    }

    [Fact]
    public async Task ANewYearsEveReceiptInAmsterdamTakesTheNewYearsReferenceAndRollsPastTheWeekend()
    {
        // 31 Dec 2025 23:30 UTC is 1 Jan 2026 in Amsterdam; 1 Feb 2026 is a Sunday, so the answer is due Mon 2 Feb.
        var result = await _registration.RegisterAsync(_officer, Request(new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.Zero)));

        result.Value.ShouldBe("DSR-2026-000001");
        var request = await WithDbAsync(db => db.Requests.SingleAsync());
        request.ReceivedOn.ShouldBe(new DateOnly(2026, 1, 1));
        request.DueOn.ShouldBe(new DateOnly(2026, 2, 2));
    }

    [Fact]
    public async Task TheSubjectAndTheRequestAreRecordedInTheAuditTrailWithoutTheDescription()
    {
        var reference = (await _registration.RegisterAsync(_officer, Request(DateTimeOffset.UtcNow.AddHours(-2)))).Value;

        var events = await WithDbAsync(db => db.AuditEvents.Where(e => e.Action == "subject.registered" || e.Action == "request.received").ToListAsync());
        events.Select(e => e.Action).ShouldBe(["subject.registered", "request.received"], ignoreOrder: true);
        events.ShouldAllBe(e => e.ActorName == "Sanne de Vries");
        events.Single(e => e.Action == "request.received").After!.ShouldContain(reference);
        events.ShouldAllBe(e => !(e.After ?? "").Contains("verwijderd"));
    }

    [Fact]
    public async Task AnOpenRequestOfTheSameTypeIsFlaggedNotRefused()
    {
        var first = (await _registration.RegisterAsync(_officer, Request(DateTimeOffset.UtcNow.AddDays(-3)))).Value;
        var subjectId = await WithDbAsync(db => db.Requests.Select(r => r.SubjectId).SingleAsync());

        var warning = await _registration.FindOpenDuplicateAsync(_officer, subjectId, RequestType.Erasure);
        var other = await _registration.FindOpenDuplicateAsync(_officer, subjectId, RequestType.Access);
        var second = await _registration.RegisterAsync(_officer, Request(DateTimeOffset.UtcNow.AddHours(-1), subjectId: subjectId));

        warning.Value!.Reference.ShouldBe(first);
        other.Value.ShouldBeNull();
        second.IsSuccess.ShouldBeTrue();
        var repeat = await WithDbAsync(db => db.Requests.AsNoTracking().ToListAsync());
        repeat.Single(r => r.Reference.ToString() == second.Value).DuplicateOf!.ToString().ShouldBe(first);
    }

    [Fact]
    public async Task AnAttachmentThatIsTooLargeIsRefusedAndNothingIsStored()
    {
        var before = await CountsAsync();
        var read = false;
        var tooLarge = new NewAttachment("e-mail van betrokkene.eml", RequestAttachment.MaxSizeBytes + 1, _ =>
        {
            read = true;
            return Task.FromResult(new byte[RequestAttachment.MaxSizeBytes + 1]);
        });

        var result = await _registration.RegisterAsync(_officer, Request(DateTimeOffset.UtcNow.AddHours(-1), attachments: [tooLarge]));

        result.Errors.ShouldContain(e => e.Code == "intake.attachment.too_large" && e.Field == RequestRegistration.Fields.Attachments);
        read.ShouldBeFalse("an oversized file is refused before it is read");
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task AFileLargerThanItsBrowserDeclaredIsRefusedAndNothingIsStored()
    {
        var before = await CountsAsync();
        var lying = new NewAttachment("brief.pdf", 1_000, _ => Task.FromResult(new byte[RequestAttachment.MaxSizeBytes + 1]));

        var result = await _registration.RegisterAsync(_officer, Request(DateTimeOffset.UtcNow.AddHours(-1), attachments: [lying]));

        result.Errors.ShouldContain(e => e.Code == "intake.attachment.too_large");
        (await CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task AFileTypeOutsideTheAllowListIsRefused()
    {
        var result = await _registration.RegisterAsync(_officer, Request(DateTimeOffset.UtcNow.AddHours(-1),
            attachments: [new NewAttachment("factuur.exe", 10, _ => Task.FromResult(new byte[10]))]));

        result.Errors.ShouldContain(e => e.Code == "intake.attachment.type_not_allowed");
        (await CountsAsync()).Requests.ShouldBe(0);
    }

    [Fact]
    public async Task TheOriginalLetterIsStoredWithItsHashAndWhoAddedIt()
    {
        var content = "%PDF-1.7 brief van de betrokkene"u8.ToArray();
        var reference = (await _registration.RegisterAsync(_officer, Request(DateTimeOffset.UtcNow.AddHours(-1),
            attachments: [new NewAttachment(@"C:\fakepath\brief.pdf", content.Length, _ => Task.FromResult(content))]))).Value;

        var attachment = await WithDbAsync(db => db.RequestAttachments.SingleAsync());
        attachment.FileName.ShouldBe("brief.pdf");
        attachment.ContentType.ShouldBe("application/pdf");
        attachment.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(content)));
        attachment.UploadedByName.ShouldBe("Sanne de Vries");
        var audit = await WithDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == RequestAttachment.AddedAction));
        audit.After!.ShouldContain(attachment.Sha256);
        audit.After!.ShouldNotContain("brief.pdf");
        reference.ShouldStartWith("DSR-");
    }

    [Fact]
    public async Task AReceiptInTheFutureIsRefusedAtTheField()
    {
        var result = await _registration.RegisterAsync(_officer, Request(DateTimeOffset.UtcNow.AddHours(2)));

        result.Errors.ShouldContain(e => e.Code == "intake.received_at.future" && e.Field == RequestRegistration.Fields.ReceivedAt);
        (await CountsAsync()).Requests.ShouldBe(0);
    }

    [Fact]
    public async Task EveryMissingFieldIsNamedAtOnce()
    {
        var result = await _registration.RegisterAsync(_officer,
            new NewRequest(null, null, null, "nl", null, new NewSubject("", "", null, null, null), "", []));

        result.Errors.Select(e => e.Field).ShouldBe(
            [RequestRegistration.Fields.Type, RequestRegistration.Fields.Channel, RequestRegistration.Fields.ReceivedAt, RequestRegistration.Fields.FullName,
             RequestRegistration.Fields.Email, RequestRegistration.Fields.Category, RequestRegistration.Fields.Description],
            ignoreOrder: true);
    }

    [Theory]
    [InlineData("auditor@privacydesk.test")]
    [InlineData("admin@privacydesk.test")]
    public async Task OnlyThoseWhoHandleRequestsMayRegisterOne(string email)
    {
        var caller = await Callers.ForAsync(_factory, email);

        var result = await _registration.RegisterAsync(caller, Request(DateTimeOffset.UtcNow.AddHours(-1)));

        result.Errors.ShouldContain(e => e.Code == "auth.forbidden");
        (await CountsAsync()).Subjects.ShouldBe(0);
    }
}
