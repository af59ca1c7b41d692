namespace PrivacyDesk.Documents.CaseFiles;

/// <summary>The case file's words for an audit action, for the case page's timeline where it has no sentence of its own: one set of words, not two.</summary>
public static class AuditActionWords
{
    /// <summary>The action in words, or null when the case file does not know it either.</summary>
    public static string? Known(string action, bool dutch)
    {
        ArgumentNullException.ThrowIfNull(action);
        var words = CaseFileText.Action(action, dutch);
        return string.Equals(words, action, StringComparison.Ordinal) ? null : words;
    }
}
