using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Components.Shared;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Hosting;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>One display of times and dates everywhere: the controller's zone, one date format per language.</summary>
public sealed class DisplayTimesTests : IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();

    public ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheApprovalAndEveryDecidedByMomentOfACaseAreInTheControllersZone()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Erasure, decideAll: true);
        await using (var db = _factory.Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContext())
        {
            // A stored moment is UTC; the page must not show it as such. Arranged in the data layer, opened as the unit of work opens it.
            db.AllowCaseChanges();
            var request = await db.Requests.SingleAsync(r => r.Id == requestId, Cancel);
            request.SubmitForApproval(await ObligationCases.ActorAsync(_factory, "officer@privacydesk.test"), DateTimeOffset.UtcNow, request.CurrentDecisions.Select(d => d.PurposeId)).IsSuccess.ShouldBeTrue();
            request.Approve(await ObligationCases.ActorAsync(_factory, "lead@privacydesk.test"), DateTimeOffset.UtcNow).IsSuccess.ShouldBeTrue();
            await db.SaveChangesAsync(Cancel);
        }
        var reference = await ReferenceAsync(requestId);
        var officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");

        var view = (await ActivatorUtilities.CreateInstance<CaseWorkspace>(_factory.Services).ReloadAsync(officer, reference, Cancel)).Value;

        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        view.ApprovedAt.ShouldNotBeNull().Offset.ShouldBe(zone.GetUtcOffset(view.ApprovedAt.Value));
        view.Purposes.ShouldNotBeEmpty();
        foreach (var decided in view.Purposes.Select(r => r.Decision).OfType<DecisionView>())
        {
            decided.DecidedAt.Offset.ShouldBe(zone.GetUtcOffset(decided.DecidedAt), "the decided-by line shows the controller's clock time");
        }
    }

    [Theory]
    [InlineData(LocalizationSetup.Dutch, "6 dec. 2026 14:05")]
    [InlineData(LocalizationSetup.English, "6 Dec 2026 14:05")]
    public void TheStaleEditMessageShowsItsMomentInTheOneDisplayFormat(string culture, string expected)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var shared = _factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var stale = new PrivacyDesk.Domain.Common.Error(StaleEdit.Code, Arguments: new Dictionary<string, string>
        {
            ["who"] = "Sanne de Vries",
            ["when"] = "2026-12-06T14:05:00.0000000+01:00",
        });

        var message = shared.Message(stale);

        message.ShouldContain(expected);
        message.ShouldNotContain("06/12/2026");
        message.ShouldNotContain("6-12-2026");
    }

    private async Task<string> ReferenceAsync(Guid requestId)
    {
        await using var db = _factory.Services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContext();
        return (await db.Requests.AsNoTracking().Where(r => r.Id == requestId).Select(r => r.Reference).SingleAsync(Cancel)).ToString();
    }
}
