using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Identity;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Domain.Subjects;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>Real cases in the test app's SQLite database: a customer and a request of theirs, as intake would register them.</summary>
public static class CaseWorkspaceData
{
    private static readonly Actor Intake = Actor.System;

    public static async Task<RequestReference> RegisterAsync(PrivacyDeskAppFactory factory, RequestType type, DateTimeOffset? receivedAt = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var at = receivedAt ?? DateTimeOffset.UtcNow;
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContextAsync();
        var subject = DataSubject.Register("Ayşe Çelik", ["ayse@example.nl"], [SubjectCategory.Customer], Intake, at,
            customerNumber: "C-000042", relationshipStart: new DateOnly(2019, 5, 1)).Value;
        db.DataSubjects.Add(subject);
        await db.SaveChangesAsync();

        var deadline = new ResponseDeadlineCalculator(HolidayCalendar.LegalOnly, DeadlinePolicy.Default).ForReceiptAt(at);
        var result = await db.InTransactionAsync(async () =>
        {
            var reference = await RequestReferences.NextAsync(db, deadline.ReceivedOn.Year);
            var intake = new RequestIntake(type, RequestChannel.Email, at, deadline.ReceivedOn, "nl", subject.Id,
                "Ik wil weten welke gegevens u van mij hebt.", deadline.DueOn);
            var received = DataSubjectRequest.Receive(reference, intake, [], Intake, at);
            if (received.IsSuccess)
            {
                db.Requests.Add(received.Value);
                await db.SaveChangesAsync();
            }
            return received;
        });
        return result.Value.Reference;
    }

    /// <summary>A second team lead, for four eyes: the demo data hold one.</summary>
    public static async Task<ClaimsPrincipal> SecondTeamLeadAsync(PrivacyDeskAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        const string email = "lead2@privacydesk.test";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Joost Smit" };
                (await users.CreateAsync(user, "Demo-Privacy-2026!")).Succeeded.ShouldBeTrue();
                (await users.AddToRoleAsync(user, StaffRole.TeamLead)).Succeeded.ShouldBeTrue();
            }
        }
        return await Callers.ForAsync(factory, email);
    }
}
