using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Domain.Subjects;
using PrivacyDesk.Web.Hosting;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>
/// A small queue with one request per situation the quick filters tell apart, built through the
/// domain (so every row is one the app could have made), with deadlines relative to today.
/// </summary>
public sealed class QueueSeed
{
    public static readonly DateOnly Today = DeadlinePolicy.Default.Today(TimeProvider.System);

    private readonly Dictionary<string, string> _references = new(StringComparer.Ordinal);

    public ClaimsPrincipal Officer { get; private set; } = default!;

    public ClaimsPrincipal Officer2 { get; private set; } = default!;

    public ClaimsPrincipal Lead { get; private set; } = default!;

    public ClaimsPrincipal Auditor { get; private set; } = default!;

    /// <summary>The reference of the request seeded under <paramref name="name"/> (R1 … R8).</summary>
    public string this[string name] => _references[name];

    public IEnumerable<string> References(params string[] names) => names.Select(n => _references[n]);

    public static async Task<QueueSeed> CreateAsync(PrivacyDeskAppFactory factory)
    {
        var seed = new QueueSeed
        {
            Officer = await Callers.ForAsync(factory, "officer@privacydesk.test"),
            Officer2 = await Callers.ForAsync(factory, "officer2@privacydesk.test"),
            Lead = await Callers.ForAsync(factory, "lead@privacydesk.test"),
            Auditor = await Callers.ForAsync(factory, "auditor@privacydesk.test"),
        };
        await seed.FillAsync(factory);
        return seed;
    }

    private async Task FillAsync(PrivacyDeskAppFactory factory)
    {
        var officer = Officer.ToActor();
        var officer2 = Officer2.ToActor();
        var lead = Lead.ToActor();
        var anna = await SubjectAsync(factory, "Anna de Boer", "anna.deboer@example.nl", "C-100001");
        var bram = await SubjectAsync(factory, "Bram Visser", "bram@visser.example", "C-100002");
        var ayse = await SubjectAsync(factory, "Çelik, Ayşe", "ayse@example.nl", "C-100003");

        // R1: new, unassigned, a month to go.
        await RequestAsync(factory, "R1", RequestType.Access, anna, receivedDaysAgo: 2, dueInDays: 28, _ => { });
        // R2: Sanne's, in progress, due in 3 days.
        await RequestAsync(factory, "R2", RequestType.Erasure, bram, 25, 3, r =>
        {
            Ok(r.Assign(lead, officer, Now));
            Ok(r.StartProcessing(officer, Now));
        });
        // R3: Daan's, in progress, 5 days overdue.
        await RequestAsync(factory, "R3", RequestType.Objection, ayse, 40, -5, r =>
        {
            Ok(r.Assign(lead, officer2, Now));
            Ok(r.StartProcessing(officer2, Now));
        });
        // R4: Sanne's, waiting for proof of identity.
        await RequestAsync(factory, "R4", RequestType.Access, anna, 10, 20, r =>
        {
            Ok(r.Assign(officer, officer, Now));
            Ok(r.RequestIdentityVerification(officer, Now));
        });
        // R5: Daan's response, submitted by Daan: the team lead may approve it.
        await RequestAsync(factory, "R5", RequestType.Rectification, bram, 15, 15, r =>
        {
            Ok(r.Assign(lead, officer2, Now));
            Ok(r.StartProcessing(officer2, Now));
            Ok(r.SubmitForApproval(officer2, Now, []));
        });
        // R6: the team lead's own response: four eyes, so not theirs to approve.
        await RequestAsync(factory, "R6", RequestType.Portability, ayse, 12, 18, r =>
        {
            Ok(r.Assign(lead, lead, Now));
            Ok(r.StartProcessing(lead, Now));
            Ok(r.SubmitForApproval(lead, Now, []));
        });
        // R7: Sanne's, withdrawn: closed.
        await RequestAsync(factory, "R7", RequestType.Access, anna, 40, -10, r =>
        {
            Ok(r.Assign(officer, officer, Now));
            Ok(r.Withdraw(officer, Now, "Ingetrokken per telefoon."));
        });
        // R8: Daan's, just received.
        await RequestAsync(factory, "R8", RequestType.Erasure, ayse, 5, 25, r => Ok(r.Assign(lead, officer2, Now)));
    }

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static void Ok(PrivacyDesk.Domain.Common.Result result) =>
        result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors));

    private static async Task<Guid> SubjectAsync(PrivacyDeskAppFactory factory, string name, string email, string customerNumber)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var subject = DataSubject.Register(name, [email], [SubjectCategory.Customer], Actor.System, Now, customerNumber: customerNumber).Value;
        db.DataSubjects.Add(subject);
        await db.SaveChangesAsync();
        return subject.Id;
    }

    private async Task RequestAsync(
        PrivacyDeskAppFactory factory, string name, RequestType type, Guid subjectId, int receivedDaysAgo, int dueInDays, Action<DataSubjectRequest> then)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var receivedOn = Today.AddDays(-receivedDaysAgo);
        var receivedAt = new DateTimeOffset(receivedOn.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(1));
        var intake = new RequestIntake(type, RequestChannel.Email, receivedAt, receivedOn, "nl", subjectId, "Verzoek " + name, Today.AddDays(dueInDays));
        var result = await db.InTransactionAsync(async () =>
        {
            var reference = await RequestReferences.NextAsync(db, receivedOn.Year);
            var received = DataSubjectRequest.Receive(reference, intake, [], Actor.System, receivedAt);
            if (received.IsSuccess)
            {
                then(received.Value);
                db.Requests.Add(received.Value);
                await db.SaveChangesAsync();
            }
            return received;
        });
        Ok(result);
        _references[name] = result.Value.Reference.ToString();
    }
}
