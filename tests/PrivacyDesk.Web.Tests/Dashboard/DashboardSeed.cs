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

namespace PrivacyDesk.Web.Tests.Dashboard;

/// <summary>
/// A small office whose every dashboard figure can be worked out by hand (see the comments), built
/// through the domain, with dates relative to today. Sanne is officer@, Daan officer2@.
/// </summary>
public sealed class DashboardSeed
{
    public static readonly DateOnly Today = DeadlinePolicy.Default.Today(TimeProvider.System);

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private readonly Dictionary<string, string> _references = new(StringComparer.Ordinal);

    public ClaimsPrincipal Officer { get; private set; } = default!;

    public ClaimsPrincipal Officer2 { get; private set; } = default!;

    public ClaimsPrincipal Lead { get; private set; } = default!;

    public ClaimsPrincipal Auditor { get; private set; } = default!;

    public string this[string name] => _references[name];

    /// <summary>Receipt dates of every seeded request (for the weekly series).</summary>
    public List<DateOnly> ReceivedOn { get; } = [];

    public static async Task<DashboardSeed> CreateAsync(PrivacyDeskAppFactory factory)
    {
        var seed = new DashboardSeed
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
        var sanne = Officer.ToActor();
        var daan = Officer2.ToActor();
        var lead = Lead.ToActor();
        var subject = await SubjectAsync(factory);

        // ----- open (6) -----
        // O1: access, unassigned, received 2 days ago, due in 28: age 0–7; quiet for 2 days only.
        await RequestAsync(factory, "O1", RequestType.Access, subject, 2, 28, (_, _) => { });
        // O2: erasure, Sanne's, in progress today, due in 3: age 22–28, due within a week, active.
        await RequestAsync(factory, "O2", RequestType.Erasure, subject, 25, 3, (r, _) =>
        {
            Ok(r.Assign(lead, sanne, Now));
            Ok(r.StartProcessing(sanne, Now));
        });
        // O3: objection, Daan's, 5 days overdue: age 29+.
        await RequestAsync(factory, "O3", RequestType.Objection, subject, 40, -5, (r, _) =>
        {
            Ok(r.Assign(lead, daan, Now));
            Ok(r.StartProcessing(daan, Now));
        });
        // O4: access, Sanne's, due in 5, nothing done since it was assigned on receipt 10 days ago: age 8–14, at risk.
        await RequestAsync(factory, "O4", RequestType.Access, subject, 10, 5, (r, at) => Ok(r.Assign(lead, sanne, at)));
        // O5: rectification, Daan's, awaiting approval: age 15–21.
        await RequestAsync(factory, "O5", RequestType.Rectification, subject, 15, 15, (r, _) =>
        {
            Ok(r.Assign(lead, daan, Now));
            Ok(r.StartProcessing(daan, Now));
            Ok(r.SubmitForApproval(daan, Now, []));
        });
        // O6: access, Daan's, received 50 days ago, extended to 40 days from now: the "extended" bucket.
        await RequestAsync(factory, "O6", RequestType.Access, subject, 50, -20, (r, at) =>
        {
            Ok(r.Assign(lead, daan, at));
            Ok(r.Extend(daan, at.AddDays(5), ExtensionReason.Complexity, "Veel bronnen.", Today.AddDays(-45), Today.AddDays(40)));
        });

        // ----- answered (6) and withdrawn (1) -----
        // C1: Sanne, received 20 days ago, due in 10, answered 5 days ago: 15 days, on time.
        await AnsweredAsync(factory, "C1", sanne, lead, subject, 20, 10, 5);
        // C2: Daan, received 40 days ago, due 10 days ago, answered 8 days ago: 32 days, late.
        await AnsweredAsync(factory, "C2", daan, lead, subject, 40, -10, 8);
        // C3: Sanne, received 70 days ago, due 40 days ago, answered 60 days ago: 10 days, on time (90 days, not 30).
        await AnsweredAsync(factory, "C3", sanne, lead, subject, 70, -40, 60);
        // C4: Sanne, refused: received 30 days ago, due today, refusal sent yesterday: 29 days, on time.
        await RequestAsync(factory, "C4", RequestType.Access, subject, 30, 0, (r, at) =>
        {
            Ok(r.Assign(lead, sanne, at));
            Ok(r.ProposeRejection(sanne, at, new RefusalProposal(RequestRefusalGround.ManifestlyUnfounded, "Kennelijk ongegrond.", Demonstration: "Tien gelijke verzoeken."), []));
            Ok(r.Approve(lead, at));
            Ok(r.Reject(sanne, at, Today.AddDays(-1)));
        });
        // C6: Daan, received 230 days ago, answered 200 days ago (30 days, on time): only in a 365-day period.
        await AnsweredAsync(factory, "C6", daan, lead, subject, 230, -199, 200);
        // C7: Daan, received 80 days ago, due 50 days ago but extended to 10 days from now, answered 20 days ago: 60 days, on time, extended.
        await RequestAsync(factory, "C7", RequestType.Access, subject, 80, -50, (r, at) =>
        {
            Ok(r.Assign(lead, daan, at));
            Ok(r.Extend(daan, at, ExtensionReason.Complexity, "Veel bronnen.", Today.AddDays(-75), Today.AddDays(10)));
            Respond(r, daan, lead, at, Today.AddDays(-20));
        });
        // W1: withdrawn 3 days ago: closed but never answered, so in no answer figure.
        await RequestAsync(factory, "W1", RequestType.Access, subject, 12, 18, (r, at) =>
        {
            Ok(r.Assign(lead, sanne, at));
            Ok(r.Withdraw(sanne, at, null, Today.AddDays(-3)));
        });
    }

    private Task AnsweredAsync(
        PrivacyDeskAppFactory factory, string name, Actor handler, Actor lead, Guid subject, int receivedDaysAgo, int dueInDays, int answeredDaysAgo) =>
        RequestAsync(factory, name, RequestType.Access, subject, receivedDaysAgo, dueInDays, (r, at) =>
        {
            Ok(r.Assign(lead, handler, at));
            Respond(r, handler, lead, at, Today.AddDays(-answeredDaysAgo));
        });

    private static void Respond(DataSubjectRequest request, Actor handler, Actor lead, DateTimeOffset at, DateOnly answeredOn)
    {
        Ok(request.StartProcessing(handler, at));
        Ok(request.SubmitForApproval(handler, at, []));
        Ok(request.Approve(lead, at));
        Ok(request.MarkResponded(handler, at, answeredOn));
    }

    private static void Ok(PrivacyDesk.Domain.Common.Result result) =>
        result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors));

    private static async Task<Guid> SubjectAsync(PrivacyDeskAppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var subject = DataSubject.Register("Anna de Boer", ["anna.deboer@example.nl"], [SubjectCategory.Customer], Actor.System, Now, customerNumber: "C-200001").Value;
        db.DataSubjects.Add(subject);
        await db.SaveChangesAsync();
        return subject.Id;
    }

    /// <param name="then">Gets the request and the moment of receipt (actions "at" receipt leave the case quiet since then).</param>
    private async Task RequestAsync(
        PrivacyDeskAppFactory factory, string name, RequestType type, Guid subjectId, int receivedDaysAgo, int dueInDays, Action<DataSubjectRequest, DateTimeOffset> then)
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
                then(received.Value, receivedAt);
                db.Requests.Add(received.Value);
                await db.SaveChangesAsync();
            }
            return received;
        });
        Ok(result);
        _references[name] = result.Value.Reference.ToString();
        ReceivedOn.Add(receivedOn);
    }
}
