using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PrivacyDesk.Data.Outbox;
using PrivacyDesk.Web.Features.Inbox;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Mail;

/// <summary>The Outbox page names every kind of background work in the administrator's language, never by its code.</summary>
public sealed class OutboxWorkKindTests : IAsyncDisposable
{
    private readonly PrivacyDeskAppFactory _app = new();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Theory]
    [InlineData("nl-NL")]
    [InlineData("en-GB")]
    public void EveryKindOfWorkHasAName(string culture)
    {
        var kinds = _app.Services.CreateScope().ServiceProvider.GetServices<IOutboxHandler>().Select(h => h.Kind)
            .Append(MailboxPoll.KindName).Distinct().ToList();
        var text = _app.Services.GetRequiredService<IStringLocalizer<MailText>>();
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            kinds.Where(kind => text["WorkKind." + kind].ResourceNotFound).ShouldBeEmpty();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
