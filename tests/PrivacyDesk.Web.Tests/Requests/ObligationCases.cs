using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Domain.Subjects;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>Subjects and requests saved through the domain into the factory's real SQLite database.</summary>
internal static class ObligationCases
{
    public const string CustomerNumber = "C-004711";
    public const string Email = "ayse.celik@example.nl";

    public static async Task<Actor> ActorAsync(PrivacyDeskAppFactory factory, string email) => Web.Hosting.IdentitySetup.ToActor(await Callers.ForAsync(factory, email));

    /// <summary>A customer's request handled by <paramref name="handlerEmail"/>, received <paramref name="receivedDaysAgo"/> days ago, in progress unless told otherwise.</summary>
    public static async Task<Guid> CreateAsync(
        PrivacyDeskAppFactory factory, RequestType type, string handlerEmail = "officer@privacydesk.test", int receivedDaysAgo = 3,
        bool startProcessing = true, bool decideAll = false, bool assign = true, bool verifyIdentity = false)
    {
        var handler = await ActorAsync(factory, handlerEmail);
        await using var db = factory.Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        var receivedAt = now.AddDays(-receivedDaysAgo);
        var subject = DataSubject.Register("Ayşe Çelik", [Email], [SubjectCategory.Customer], handler, receivedAt, customerNumber: CustomerNumber).Value;
        db.DataSubjects.Add(subject);
        await db.SaveChangesAsync();

        var purposes = await db.Purposes.AsNoTracking().ToListAsync();
        var deadline = new ResponseDeadlineCalculator(HolidayCalendar.LegalOnly, DeadlinePolicy.Default).ForReceiptAt(receivedAt);
        var result = await db.InTransactionAsync(async () =>
        {
            var reference = await RequestReferences.NextAsync(db, deadline.ReceivedOn.Year);
            var intake = new RequestIntake(type, RequestChannel.Email, receivedAt, deadline.ReceivedOn, "nl", subject.Id, "Verzoek van de betrokkene.", deadline.DueOn);
            var received = DataSubjectRequest.Receive(reference, intake, [], handler, receivedAt);
            var request = received.Value;
            if (assign)
            {
                request.Assign(handler, handler, receivedAt).IsSuccess.ShouldBeTrue();
            }
            if (verifyIdentity)
            {
                request.RecordIdentityVerification(handler, receivedAt, IdentityVerificationMethod.KnownChannel, IdentityVerificationOutcome.Verified).IsSuccess.ShouldBeTrue();
            }
            if (assign && startProcessing)
            {
                request.StartProcessing(handler, receivedAt).IsSuccess.ShouldBeTrue();
            }
            if (decideAll)
            {
                foreach (var purpose in subject.ProcessingPurposes(purposes))
                {
                    request.RecordDecision(handler, receivedAt, new PurposeDecisionDraft(purpose.Id, PurposeDecisionOutcome.Comply)).IsSuccess.ShouldBeTrue();
                }
            }
            db.Requests.Add(request);
            await db.SaveChangesAsync();
            return received;
        });
        return result.Value.Id;
    }

    public static async Task<DataSubjectRequest> LoadAsync(PrivacyDeskAppFactory factory, Guid requestId)
    {
        await using var db = factory.Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContext();
        return await db.Requests.AsNoTracking().SingleAsync(r => r.Id == requestId);
    }

    public static async Task<int> ExtractCountAsync(PrivacyDeskAppFactory factory)
    {
        await using var db = factory.Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContext();
        return await db.CollectionExtracts.CountAsync();
    }
}
