using System.Globalization;
using System.Text;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Web.Features.Requests;

/// <summary>
/// Addresses into the queue with its filters in the query string (the quick filter and the dashboard's
/// narrowing filters: type, age, handler, status). Only codes and staff ids, never a subject's data.
/// </summary>
public static class QueueLinks
{
    public const string Path = "/requests";

    public static string Url(
        QueueFilter filter = QueueFilter.Open, RequestType? type = null, AgeBucket? age = null, string? handlerId = null, RequestStatus? status = null,
        DaySpan? received = null, DaySpan? answered = null)
    {
        var parts = new List<string>();
        if (FilterSlug(filter) is { } slug)
        {
            parts.Add("filter=" + slug);
        }
        if (type is { } t)
        {
            parts.Add("type=" + TypeSlug(t));
        }
        if (age is { } a)
        {
            parts.Add("age=" + AgeSlug(a));
        }
        if (!string.IsNullOrEmpty(handlerId))
        {
            parts.Add("handler=" + Uri.EscapeDataString(handlerId));
        }
        if (status is { } s)
        {
            parts.Add("status=" + StatusSlug(s));
        }
        if (received is not null)
        {
            parts.Add("received=" + RangeSlug(received));
        }
        if (answered is not null)
        {
            parts.Add("answered=" + RangeSlug(answered));
        }
        return parts.Count == 0 ? Path : Path + "?" + string.Join('&', parts);
    }

    public static string? FilterSlug(QueueFilter of) => of switch
    {
        QueueFilter.Mine => "mine",
        QueueFilter.Unassigned => "unassigned",
        QueueFilter.DueWithinWeek => "due-soon",
        QueueFilter.Overdue => "overdue",
        QueueFilter.AwaitingIdentity => "awaiting-identity",
        QueueFilter.AwaitingMyApproval => "awaiting-approval",
        QueueFilter.Closed => "closed",
        QueueFilter.NotDownloaded => "not-downloaded",
        _ => null,
    };

    /// <summary>"access", "automated-decision-review": the type's name in kebab case.</summary>
    public static string TypeSlug(RequestType type) => Kebab(type.ToString());

    public static RequestType? ParseType(string? slug) =>
        slug is null ? null : Enum.GetValues<RequestType>().Cast<RequestType?>().FirstOrDefault(t => string.Equals(TypeSlug(t!.Value), slug, StringComparison.OrdinalIgnoreCase));

    public static string StatusSlug(RequestStatus status) => Kebab(status.ToString());

    public static RequestStatus? ParseStatus(string? slug) =>
        slug is null ? null : Enum.GetValues<RequestStatus>().Cast<RequestStatus?>().FirstOrDefault(s => string.Equals(StatusSlug(s!.Value), slug, StringComparison.OrdinalIgnoreCase));

    public static string AgeSlug(AgeBucket age) => age switch
    {
        AgeBucket.Days0To7 => "0-7",
        AgeBucket.Days8To14 => "8-14",
        AgeBucket.Days15To21 => "15-21",
        AgeBucket.Days22To28 => "22-28",
        AgeBucket.Days29Plus => "29-plus",
        _ => "extended",
    };

    public static AgeBucket? ParseAge(string? slug) =>
        slug is null ? null : Enum.GetValues<AgeBucket>().Cast<AgeBucket?>().FirstOrDefault(a => string.Equals(AgeSlug(a!.Value), slug, StringComparison.OrdinalIgnoreCase));

    private static string Kebab(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }
            text.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }
        return text.ToString();
    }

    /// <summary>"2026-11-02..2026-11-08": ISO dates, both included.</summary>
    public static string RangeSlug(DaySpan range) =>
        range.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".." + range.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A range from the address; anything malformed, reversed or longer than a year is ignored.</summary>
    public static DaySpan? ParseRange(string? slug)
    {
        var parts = (slug ?? "").Split("..");
        if (parts.Length != 2
            || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            || to < from || to.DayNumber - from.DayNumber > 366)
        {
            return null;
        }
        return new DaySpan(from, to);
    }
}
