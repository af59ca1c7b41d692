using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Domain.Subjects;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Portal;

/// <summary>The case page tells the officer whether the portal's verified address was already on file for the matched subject (ADR 0044).</summary>
public sealed class PortalIdentityEvidenceTests : IAsyncLifetime
{
    private readonly PortalHarness _portal = new();

    private static CancellationToken Cancel => PortalHarness.Cancel;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _portal.DisposeAsync();

    private async Task OnFileAsync(string email, string customerNumber)
    {
        await using var db = _portal.Db();
        db.DataSubjects.Add(DataSubject.Register("Jan de Klant", [email], [SubjectCategory.Customer], Actor.System,
            _portal.Clock.GetUtcNow().AddYears(-2), customerNumber: customerNumber).Value);
        await db.SaveChangesAsync(Cancel);
    }

    private async Task<bool?> AddressOnFileAsync()
    {
        await using var db = _portal.Db();
        var reference = (await db.Requests.AsNoTracking().SingleAsync(Cancel)).Reference.ToString();
        await using var scope = _portal.Services.CreateAsyncScope();
        var lead = Callers.Principal("lead-1", "Fatima El Amrani", [StaffRole.TeamLead]);
        var view = await scope.ServiceProvider.GetRequiredService<CaseWorkspace>().OpenAsync(lead, reference, Cancel);
        view.IsSuccess.ShouldBeTrue();
        return view.Value.EmailVerifiedAddressOnFile;
    }

    [Fact]
    public async Task ANewSubjectsAddressWasNotOnFile()
    {
        using var browser = _portal.Browser();
        await _portal.RegisterAsync(browser, PortalHarness.ValidForm("new.person@example.nl"));

        (await AddressOnFileAsync()).ShouldBe(false);
    }

    [Fact]
    public async Task TheAddressOfASubjectOnFileIsOnFile()
    {
        await OnFileAsync("jan.klant@example.nl", "C-100200");
        using var browser = _portal.Browser();
        await _portal.RegisterAsync(browser, PortalHarness.ValidForm("Jan.Klant@example.nl"));

        (await AddressOnFileAsync()).ShouldBe(true);
    }

    [Fact]
    public async Task ACustomerNumberOnFileWithAnotherAddressIsNotEnough()
    {
        await OnFileAsync("jan.klant@example.nl", "C-100200");
        using var browser = _portal.Browser();
        await _portal.RegisterAsync(browser, PortalHarness.ValidForm("someone.else@example.nl", f => f["CustomerNumber"] = "C-100200"));

        (await AddressOnFileAsync()).ShouldBe(false);
    }
}
