namespace PrivacyDesk.Documents.Layout;

/// <summary>What a PDF reader shows under document properties, and the language screen readers use.</summary>
public sealed record DocumentMetadata(string Title, string Subject, string Author, string Language, DateTimeOffset CreatedAt)
{
    public string Creator { get; init; } = "PrivacyDesk";
}
