using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Seeding;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Web.Features.Subjects;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Subjects;

/// <summary>One app with the demo cases for the whole class: search and profiles only read (and audit).</summary>
public sealed class DemoCasesApp : PrivacyDeskAppFactory
{
    public DemoCasesApp() => SeedDemoCases = true;
}

[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class SubjectDirectoryTests(DemoCasesApp factory) : IClassFixture<DemoCasesApp>
{
    private SubjectDirectory Directory => ActivatorUtilities.CreateInstance<SubjectDirectory>(factory.Services);

    private async Task<T> WithDbAsync<T>(Func<PrivacyDeskDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>());
    }

    [Theory]
    [InlineData("vries")]
    [InlineData("JAN DE")]
    [InlineData("jan.devries@example.nl")]
    [InlineData("C-100001")]
    [InlineData("100001")]
    public async Task FindsTheCustomerByNameEmailOrCustomerNumber(string text)
    {
        var officer = await Callers.ForAsync(factory, "officer@privacydesk.test");

        var result = await Directory.SearchAsync(officer, text);

        result.Value.Rows.ShouldContain(r => r.FullName == DemoCases.WellKnownName && r.CustomerNumber == DemoCases.WellKnownCustomerNumber);
        result.Value.Rows.Single(r => r.FullName == DemoCases.WellKnownName).OpenRequests.ShouldBe(0);
    }

    [Fact]
    public async Task FindsNamesWithDiacriticsTypedWithout()
    {
        var lead = await Callers.ForAsync(factory, "lead@privacydesk.test");

        var result = await Directory.SearchAsync(lead, "nunez oster");

        result.Value.Rows.ShouldHaveSingleItem().FullName.ShouldBe("Jürgen Ñúñez-Østergaard");
    }

    [Fact]
    public async Task ASearchOfOneCharacterIsRefused()
    {
        var officer = await Callers.ForAsync(factory, "officer@privacydesk.test");

        var result = await Directory.SearchAsync(officer, " j ");

        result.Errors.ShouldContain(e => e.Code == SubjectDirectory.SearchTooShort.Code);
    }

    [Fact]
    public async Task OpeningAProfileIsAnAuditedViewWithoutPersonalData()
    {
        var auditor = await Callers.ForAsync(factory, "auditor@privacydesk.test");
        var jan = await WithDbAsync(db => db.DataSubjects.Where(s => s.CustomerNumber == DemoCases.WellKnownCustomerNumber).Select(s => s.Id).SingleAsync());

        var profile = await Directory.ProfileAsync(auditor, jan, "nl");

        profile.Value.FullName.ShouldBe(DemoCases.WellKnownName);
        var view = await WithDbAsync(db => db.AuditEvents.Where(e => e.Action == SubjectDirectory.ProfileViewed && e.EntityId == jan.ToString())
            .OrderByDescending(e => e.Sequence).FirstAsync());
        view.ActorName.ShouldBe("Pieter Bakker");
        view.EntityType.ShouldBe("DataSubject");
        new[] { view.Before, view.After, view.Details, view.Reason }.ShouldAllBe(text => text == null);
    }

    [Fact]
    public async Task TheProfileShowsTheRelationshipPurposesAndRecipientsFromTheRegister()
    {
        var officer = await Callers.ForAsync(factory, "officer@privacydesk.test");
        var jan = await WithDbAsync(db => db.DataSubjects.Where(s => s.CustomerNumber == DemoCases.WellKnownCustomerNumber).Select(s => s.Id).SingleAsync());

        var profile = (await Directory.ProfileAsync(officer, jan, "en")).Value;

        profile.Categories.ShouldBe([SubjectCategory.Customer]);
        profile.RelationshipEnd.ShouldNotBeNull();
        profile.Purposes.ShouldContain(p => p.Key == "identity-verification");
        profile.Purposes.ShouldNotContain(p => p.Key == "security", "a Draft purpose processes nobody's data");
        profile.Recipients.ShouldContain(r => r.Name.Contains("IDnow", StringComparison.Ordinal));
        profile.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task TheProfileListsTheSubjectsRequestsAndConsents()
    {
        var lead = await Callers.ForAsync(factory, "lead@privacydesk.test");
        var busiest = await WithDbAsync(db => db.Requests.GroupBy(r => r.SubjectId).OrderByDescending(g => g.Count()).Select(g => new { g.Key, Count = g.Count() }).FirstAsync());

        var profile = (await Directory.ProfileAsync(lead, busiest.Key, "nl")).Value;

        profile.Requests.Count.ShouldBe(busiest.Count);
        profile.Requests.ShouldAllBe(r => r.MayOpen);
        profile.Requests.Select(r => r.ReceivedOn).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public async Task AnAdministratorIsRefusedOnTheServerAndNothingIsAudited()
    {
        var admin = await Callers.ForAsync(factory, "admin@privacydesk.test");
        var anyone = await WithDbAsync(db => db.DataSubjects.Select(s => s.Id).FirstAsync());
        var views = await WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == SubjectDirectory.ProfileViewed));

        var search = await Directory.SearchAsync(admin, "vries");
        var profile = await Directory.ProfileAsync(admin, anyone, "nl");

        search.Errors.ShouldContain(e => e.Code == "auth.forbidden");
        profile.Errors.ShouldContain(e => e.Code == "auth.forbidden");
        (await WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == SubjectDirectory.ProfileViewed))).ShouldBe(views);
    }

    [Fact]
    public async Task AnAdministratorCannotOpenTheSubjectPages()
    {
        using var client = await SignedInClient.CreateAsync(factory, "admin@privacydesk.test");
        var anyone = await WithDbAsync(db => db.DataSubjects.Select(s => s.Id).FirstAsync());

        var search = await client.GetAsync(new Uri("/subjects", UriKind.Relative));
        var profile = await client.GetAsync(new Uri($"/subjects/{anyone}", UriKind.Relative));

        search.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        search.Headers.Location!.ToString().ShouldContain("AccessDenied");
        profile.Headers.Location!.ToString().ShouldContain("AccessDenied");
    }
}
