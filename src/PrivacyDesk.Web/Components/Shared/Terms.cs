using System.Globalization;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;

namespace PrivacyDesk.Web.Components.Shared;

/// <summary>
/// The office's words on screen, in the current culture: the domain's <see cref="Glossary"/>, which the
/// letters, the case file and the CSV exports read too (ADR 0029). The .resx files keep the screens' sentences only.
/// </summary>
public static class Terms
{
    /// <summary>"en" or "nl", from the circuit's culture.</summary>
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "nl";

    /// <summary>The name of a request type, status, channel, decision, ground, basis, identity method or outcome, or requirement.</summary>
    public static string Of(Enum value) => Glossary.Name(value, Language);

    /// <summary>"Inzage (art. 15 AVG)".</summary>
    public static string WithArticle(RequestType type) => Glossary.WithArticle(type, Language);

    /// <summary>"Wettelijke bewaarplicht (art. 17 lid 3 onder b AVG)".</summary>
    public static string WithArticles(RefusalGround ground, RequestType right) => Glossary.WithArticles(ground, right, Language);

    /// <summary>"Rechtsvorderingen (art. 17 lid 3 onder e AVG)".</summary>
    public static string WithArticles(RequestRefusalGround ground, RequestType right) => Glossary.WithArticles(ground, right, Language);

    /// <summary>"f · Gerechtvaardigd belang".</summary>
    public static string WithLetter(LawfulBasisKind basis) => Glossary.WithLetter(basis, Language);

    /// <summary>A legal reference as the screen's language writes it ("art. 17 lid 3 onder b AVG" / "Art. 17(3)(b) GDPR").</summary>
    public static string Cite(string? reference) => LegalCitations.Format(reference, dutch: Language == "nl");
}
