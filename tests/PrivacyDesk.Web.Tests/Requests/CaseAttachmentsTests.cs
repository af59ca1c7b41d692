using System.Net;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>The original e-mail or letter on the case: listed without its content, downloaded only by who may see the case, and every download audited.</summary>
public sealed class CaseAttachmentsTests : IAsyncLifetime
{
    private static readonly byte[] Letter = Encoding.UTF8.GetBytes("Geachte heer, mevrouw,\nVerwijder al mijn gegevens.\nJan");

    private readonly PrivacyDeskAppFactory _factory = new();
    private string _reference = "";
    private Guid _requestId;

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        var registration = ActivatorUtilities.CreateInstance<RequestRegistration>(_factory.Services);
        var officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        var request = new NewRequest(RequestType.Erasure, RequestChannel.Letter, DateTimeOffset.UtcNow.AddHours(-1), "nl", null,
            new NewSubject("Jan Smit", "jan.smit@example.nl", null, "C-777001", SubjectCategory.Customer),
            "Brief: verwijder al mijn gegevens.", [new NewAttachment("brief van Jan Smit.txt", Letter.Length, _ => Task.FromResult(Letter))]);
        _reference = (await registration.RegisterAsync(officer, request, Xunit.TestContext.Current.CancellationToken)).Value;
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        _requestId = await db.Requests.Where(r => r.Reference == RequestReference.Parse(_reference)).Select(r => r.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private CaseAttachments Attachments => ActivatorUtilities.CreateInstance<CaseAttachments>(_factory.Services);

    private async Task<int> DownloadsRecordedAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var id = _requestId.ToString();
        return await db.AuditEvents.CountAsync(e => e.EntityId == id && e.Action == CaseAttachments.DownloadedAction, Xunit.TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task TheCaseListsItsOriginalWithSizeAndWhoAddedIt()
    {
        var lead = await Callers.ForAsync(_factory, "lead@privacydesk.test");

        var rows = (await Attachments.ListAsync(lead, _requestId, Xunit.TestContext.Current.CancellationToken)).Value;

        var row = rows.ShouldHaveSingleItem();
        row.FileName.ShouldBe("brief van Jan Smit.txt");
        row.SizeBytes.ShouldBe(Letter.Length);
        row.UploadedByName.ShouldBe("Sanne de Vries");
    }

    [Fact]
    public async Task ATeamLeadDownloadsTheOriginalAndTheDownloadIsRecorded()
    {
        var rows = (await Attachments.ListAsync(await Callers.ForAsync(_factory, "lead@privacydesk.test"), _requestId, Xunit.TestContext.Current.CancellationToken)).Value;
        using var client = await SignedInClient.CreateAsync(_factory, "lead@privacydesk.test");

        using var response = await client.GetAsync(new Uri(CaseAttachmentEndpoints.DownloadPath(_reference, rows[0].Id), UriKind.Relative), Xunit.TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync(Xunit.TestContext.Current.CancellationToken)).ShouldBe(Letter);
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        (await DownloadsRecordedAsync()).ShouldBe(1);
    }

    // Another officer is told the case does not exist; an administrator is sent to "no access" by the policy.
    [Theory]
    [InlineData("officer2@privacydesk.test", HttpStatusCode.NotFound)]
    [InlineData("admin@privacydesk.test", HttpStatusCode.Redirect)]
    public async Task WhoMayNotSeeTheCaseGetsNoCopyAndNothingIsRecorded(string email, HttpStatusCode expected)
    {
        // The case is handled by nobody yet, so give it to the first officer: the second may then not see it.
        await TakeAsync(await Callers.ForAsync(_factory, "officer@privacydesk.test"));
        var rows = (await Attachments.ListAsync(await Callers.ForAsync(_factory, "lead@privacydesk.test"), _requestId, Xunit.TestContext.Current.CancellationToken)).Value;
        using var client = await SignedInClient.CreateAsync(_factory, email);

        using var response = await client.GetAsync(new Uri(CaseAttachmentEndpoints.DownloadPath(_reference, rows[0].Id), UriKind.Relative), Xunit.TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(expected);
        (await DownloadsRecordedAsync()).ShouldBe(0);
    }

    private async Task TakeAsync(ClaimsPrincipal officer)
    {
        var workspace = ActivatorUtilities.CreateInstance<CaseWorkspace>(_factory.Services);
        var view = (await workspace.OpenAsync(officer, _reference, Xunit.TestContext.Current.CancellationToken)).Value;
        (await workspace.TakeAsync(officer, view.Id, view.Stamp, Xunit.TestContext.Current.CancellationToken)).IsSuccess.ShouldBeTrue();
    }
}
