using System.Security.Cryptography;

namespace PrivacyDesk.Web.Features.Common;

/// <summary>A page that could not load: the id the page shows and the log holds, so a report finds its log line.</summary>
public sealed record PageLoadFailure(string CorrelationId);

/// <summary>
/// The one way a page records that it failed to load (ADR 0026): one log line with a correlation id the page
/// shows. The line holds the page's name and the exception's types and stack, never its message, which may
/// quote stored data (a name, a value from the database).
/// </summary>
public sealed partial class PageLoadFailures(ILogger<PageLoadFailures> logger)
{
    public PageLoadFailure Record(string page, Exception exception)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(page);
        ArgumentNullException.ThrowIfNull(exception);
        var id = NewId();
        LogFailure(logger, page, id, Types(exception), exception.StackTrace ?? "");
        return new PageLoadFailure(id);
    }

    /// <summary>Eight characters, easy to read out over the phone (no 0/O or 1/I).</summary>
    private static string NewId()
    {
        const string alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        Span<char> id = stackalloc char[9];
        for (var i = 0; i < id.Length; i++)
        {
            id[i] = i == 4 ? '-' : alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        }
        return new string(id);
    }

    private static string Types(Exception exception)
    {
        var types = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            types.Add(current.GetType().FullName ?? current.GetType().Name);
        }
        return string.Join(" <- ", types);
    }

    [LoggerMessage(EventId = 2601, Level = LogLevel.Error,
        Message = "Page {Page} could not be loaded; correlation id {CorrelationId}; {ExceptionTypes}\n{StackTrace}")]
    private static partial void LogFailure(ILogger logger, string page, string correlationId, string exceptionTypes, string stackTrace);
}
