using System.Globalization;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Dashboard;
using PrivacyDesk.Web.Features.Requests;

namespace PrivacyDesk.Web.Components.Pages.Dashboard;

/// <summary>
/// What the dashboard's address says: the period, a request type and the breach forecast's quiet days and
/// horizon. Only numbers and a type code, never personal data, so a view can be shared.
/// </summary>
public sealed record DashboardUrl(int Period = DashboardUrl.DefaultPeriod, RequestType? Type = null, int QuietDays = DashboardUrl.DefaultDays, int HorizonDays = DashboardUrl.DefaultDays)
{
    public const string Path = "/dashboard";
    public const int DefaultPeriod = 90;
    public const int DefaultDays = 7;

    /// <summary>The choices the forecast's menus offer; the address may hold any value within the bounds.</summary>
    public static IReadOnlyList<int> QuietChoices { get; } = [3, 5, 7, 10, 14];

    public static IReadOnlyList<int> HorizonChoices { get; } = [3, 7, 14, 21];

    /// <summary>Reads the address: an unknown period or type, or a number that is no number, gives its default; days are kept within bounds.</summary>
    public static DashboardUrl Parse(IReadOnlyDictionary<string, string?> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        int? Number(string key) =>
            query.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

        return new DashboardUrl(
            Number("period") is { } period && DashboardQuery.Periods.Contains(period) ? period : DefaultPeriod,
            QueueLinks.ParseType(query.TryGetValue("type", out var type) ? type : null),
            Math.Clamp(Number("quiet") ?? DefaultDays, 1, 90),
            Math.Clamp(Number("horizon") ?? DefaultDays, 0, 60));
    }

    public DashboardQuery Query => new(Period, Type, QuietDays, HorizonDays);

    public string TypeSlug => Type is { } type ? QueueLinks.TypeSlug(type) : "";

    /// <summary>A type chosen from the menu by its code; the empty code is all types.</summary>
    public DashboardUrl WithType(string? slug) => this with { Type = QueueLinks.ParseType(slug) };

    /// <summary>The query string's values, defaults left out (null), in a fixed order.</summary>
    public IReadOnlyDictionary<string, string?> ToQuery() => new Dictionary<string, string?>
    {
        ["period"] = Period == DefaultPeriod ? null : Period.ToString(CultureInfo.InvariantCulture),
        ["type"] = Type is { } type ? QueueLinks.TypeSlug(type) : null,
        ["quiet"] = QuietDays == DefaultDays ? null : QuietDays.ToString(CultureInfo.InvariantCulture),
        ["horizon"] = HorizonDays == DefaultDays ? null : HorizonDays.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The address, relative: <c>/dashboard?period=30&amp;type=erasure</c>.</summary>
    public override string ToString()
    {
        var parts = ToQuery().Where(p => p.Value is not null).Select(p => p.Key + "=" + p.Value).ToList();
        return parts.Count == 0 ? Path : Path + "?" + string.Join('&', parts);
    }
}
