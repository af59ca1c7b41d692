using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using PrivacyDesk.Domain.Sources.Changes;
using PrivacyDesk.Web.Features.Retention;

namespace PrivacyDesk.Web.Components.Pages.Retention;

public enum RetentionTab
{
    Ledger,
    Tasks,
    Completed,
}

/// <summary>What the retention page's address says: the tab and the ledger's filters. Codes, a month and a system name only, never personal data.</summary>
public sealed record RetentionUrl(RetentionTab Tab = RetentionTab.Ledger, RetentionEntryStatus? Status = null, DateOnly? Month = null, bool Overdue = false, string? System = null, int Page = 1)
{
    public const string Path = "/retention";

    public static RetentionUrl Parse(IReadOnlyDictionary<string, string?> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? Text(string key) => query.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        return new RetentionUrl(
            Enum.TryParse<RetentionTab>(Text("tab"), ignoreCase: true, out var tab) ? tab : RetentionTab.Ledger,
            Enum.TryParse<RetentionEntryStatus>(Text("status"), ignoreCase: true, out var status) && Enum.IsDefined(status) ? status : null,
            DateOnly.TryParseExact(Text("month") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null,
            Text("overdue") is "1" or "true",
            Text("system"),
            int.TryParse(Text("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1);
    }

    public LedgerFilter Filter => new(Status, Month, Overdue, System, Page);

    public bool IsFiltered => Status is not null || Month is not null || Overdue || System is not null;

    /// <summary>The page's address for this state (defaults left out).</summary>
    public string Link()
    {
        var query = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (Tab != RetentionTab.Ledger)
        {
            query["tab"] = Tab.ToString().ToLowerInvariant();
        }
        if (Status is { } status)
        {
            query["status"] = status.ToString().ToLowerInvariant();
        }
        if (Month is { } month)
        {
            query["month"] = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }
        if (Overdue)
        {
            query["overdue"] = "1";
        }
        if (System is not null)
        {
            query["system"] = System;
        }
        if (Page > 1)
        {
            query["page"] = Page.ToString(CultureInfo.InvariantCulture);
        }
        return QueryHelpers.AddQueryString(Path, query);
    }

    /// <summary>The dashboard's drill-down: the ledger for one month's expiries.</summary>
    public static string ForMonth(DateOnly month) => new RetentionUrl(Month: new DateOnly(month.Year, month.Month, 1), Status: RetentionEntryStatus.Running).Link();

    public static string ForOverdue() => new RetentionUrl(Overdue: true).Link();
}
