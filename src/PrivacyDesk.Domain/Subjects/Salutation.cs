namespace PrivacyDesk.Domain.Subjects;

/// <summary>How a letter addresses the subject: "Geachte heer …" / "Dear Mr …"; unknown falls back to the full name.</summary>
public enum Salutation
{
    /// <summary>Not known: letters address the subject by their full name, never by a guessed title.</summary>
    Unknown,

    /// <summary>"de heer" / "Mr".</summary>
    Sir,

    /// <summary>"mevrouw" / "Ms".</summary>
    Madam,
}
