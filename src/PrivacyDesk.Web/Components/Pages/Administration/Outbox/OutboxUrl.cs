using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using PrivacyDesk.Web.Features.Mail;

namespace PrivacyDesk.Web.Components.Pages.Administration.Outbox;

public enum OutboxTab
{
    Emails,
    Work,
}

/// <summary>What the Outbox page's address says: the list, the quick filter, the page. Never an address or an id.</summary>
public sealed record OutboxUrl(OutboxTab Tab = OutboxTab.Emails, OutboxFilter Filter = OutboxFilter.All, int Page = 1)
{
    public const string Path = "/administration/outbox";

    public static OutboxUrl Parse(string? tab, string? filter, string? page) => new(
        Enum.TryParse<OutboxTab>(tab, ignoreCase: true, out var t) && Enum.IsDefined(t) ? t : OutboxTab.Emails,
        Enum.TryParse<OutboxFilter>(filter, ignoreCase: true, out var f) && Enum.IsDefined(f) ? f : OutboxFilter.All,
        int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1);

    /// <summary>The page's address for this state (defaults left out).</summary>
    public string Link()
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (Tab != OutboxTab.Emails)
        {
            query["tab"] = Tab.ToString().ToLowerInvariant();
        }
        if (Filter != OutboxFilter.All)
        {
            query["filter"] = Filter.ToString().ToLowerInvariant();
        }
        if (Page > 1)
        {
            query["page"] = Page.ToString(CultureInfo.InvariantCulture);
        }
        return QueryHelpers.AddQueryString(Path, query);
    }
}
