using System.Text.RegularExpressions;

namespace PrivacyDesk.EndToEnd.Tests.Infrastructure;

/// <summary>One Warning, Error or Critical line of the app's console log.</summary>
/// <param name="Level">warn, fail or crit, as the console logger writes them.</param>
public sealed record AppLogEntry(string Level, string Category, int EventId, string Message)
{
    public override string ToString() => $"{Level}: {Category}[{EventId}] {Message}";
}

/// <summary>
/// The app's warnings and errors from any category (EF Core, ASP.NET Core, our own): the end-to-end run fails on any
/// that is not expected by design (<see cref="Expected"/>), naming each, so a warning seen in use cannot slip by again.
/// </summary>
public static partial class AppWarnings
{
    /// <summary>Warnings the browser tests provoke on purpose; each with the one-line reason it is expected.</summary>
    public static readonly IReadOnlyList<(string Category, int EventId, string Reason)> Expected =
    [
        // Keep it short: a warning that is a bug is fixed, not listed.
        ("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", 35,
            "Keys are kept in the database without an XML encryptor, a known gap described in docs/operations.md (Data Protection keys)."),
    ];

    /// <summary>The entry the line starts, or null for a line that is not a warning (or an exception's continuation).</summary>
    public static AppLogEntry? Parse(string line)
    {
        var match = WarningLine().Match(line);
        return match.Success
            ? new AppLogEntry(match.Groups["level"].Value, match.Groups["category"].Value, int.Parse(match.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups["message"].Value.Trim())
            : null;
    }

    /// <summary>Errors expected only with one message (the category alone is far too wide): category, event id, the words the message starts with, the reason.</summary>
    public static readonly IReadOnlyList<(string Category, int EventId, string MessageStart, string Reason)> ExpectedMessages =
    [
        ("Microsoft.AspNetCore.Components.RenderTree.Renderer", 0,
            "An exception occurred during non-streaming rendering. This exception will be ignored because the response is being discarded and the request is being re-executed. System.ObjectDisposedException",
            "ASP.NET Core's own note that it ignores a redirect still running for a response it has already discarded (status-code re-execution); seen since the "
            + "issue 15 browser test runs a second app instance, not reproduced when that test runs alone; the page the user gets is the re-executed one."),
    ];

    public static bool IsExpected(AppLogEntry entry) =>
        Expected.Any(e => e.EventId == entry.EventId && entry.Category.Equals(e.Category, StringComparison.Ordinal))
        || ExpectedMessages.Any(e => e.EventId == entry.EventId && entry.Category.Equals(e.Category, StringComparison.Ordinal)
            && entry.Message.StartsWith(e.MessageStart, StringComparison.Ordinal));

    // The console logger's single-line form (set by RunningApp): "warn: Category[EventId] message".
    [GeneratedRegex(@"^(?<level>warn|fail|crit): (?<category>[^\[\s]+)\[(?<id>\d+)\]\s?(?<message>.*)$")]
    private static partial Regex WarningLine();
}
