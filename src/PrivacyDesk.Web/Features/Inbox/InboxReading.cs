using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using MimeKit;
using PrivacyDesk.Domain.Requests;

namespace PrivacyDesk.Web.Features.Inbox;

/// <summary>What the reader makes of one message's content: plain text (never HTML), the language, a suggested request type.</summary>
public static partial class InboxReading
{
    /// <summary>Plain text of the message: its text part, or its HTML part sanitised and reduced to text. Attachments are never opened.</summary>
    public static string TextOf(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.TextBody;
        if (!string.IsNullOrWhiteSpace(text))
        {
            return Normalise(text);
        }
        return message.HtmlBody is { } html ? HtmlToText(html) : "";
    }

    /// <summary>
    /// HTML as text: sanitised first (scripts, styles, event handlers and foreign elements removed), then only the text
    /// nodes kept, with line breaks where blocks end. The result is shown as text, so nothing in it is ever markup.
    /// </summary>
    public static string HtmlToText(string html)
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Remove("style");
        var clean = sanitizer.Sanitize(html ?? "");
        var document = new HtmlParser().ParseDocument("<body>" + clean + "</body>");
        foreach (var block in document.QuerySelectorAll("br, p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote"))
        {
            block.Append(document.CreateTextNode("\n"));
        }
        return Normalise(document.Body?.TextContent ?? "");
    }

    /// <summary>"en" when the text reads as English, otherwise "nl" (the office's language).</summary>
    public static string LanguageOf(string subject, string text)
    {
        var words = Words(subject + " " + text);
        var dutch = words.Count(DutchWords.Contains);
        var english = words.Count(EnglishWords.Contains);
        return english > dutch ? "en" : "nl";
    }

    /// <summary>The request type the words suggest, strongest first; null when nothing points at one. The officer chooses.</summary>
    public static RequestType? SuggestedType(string subject, string text)
    {
        var haystack = " " + string.Join(' ', Words(subject + " " + text)) + " ";
        foreach (var (type, cues) in TypeCues)
        {
            if (cues.Any(cue => haystack.Contains(" " + cue, StringComparison.Ordinal)))
            {
                return type;
            }
        }
        return null;
    }

    /// <summary>The Message-ID, or (for a message without one) a hash of its headers, so a renumbered folder is not read twice.</summary>
    public static string DedupeKey(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!string.IsNullOrWhiteSpace(message.MessageId))
        {
            // Stored as is when it fits the column; a longer one as its hash, so the look-up and the unique index see the same key.
            var id = message.MessageId.Trim();
            return id.Length <= Data.Inbox.InboxMessage.HeaderIdMaxLength
                ? id
                : "sha256:" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)));
        }
        using var stream = new MemoryStream();
        message.Headers.WriteTo(stream);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream.ToArray()));
    }

    private static string Normalise(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd());
        return ManyBlankLines().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    private static List<string> Words(string text) =>
        [.. WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value)];

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex ManyBlankLines();

    [GeneratedRegex(@"[\p{L}\d]+")]
    private static partial Regex WordPattern();

    private static readonly HashSet<string> DutchWords = new(StringComparer.Ordinal)
    {
        "de", "het", "een", "en", "ik", "mijn", "van", "dat", "die", "niet", "graag", "wil", "u", "uw", "gegevens", "met",
        "voor", "op", "is", "zijn", "worden", "verzoek", "vriendelijke", "groet", "geachte", "heer", "mevrouw", "bedankt", "alstublieft",
    };

    private static readonly HashSet<string> EnglishWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "and", "i", "my", "of", "that", "not", "please", "would", "like", "you", "your", "data", "with",
        "for", "on", "is", "are", "be", "request", "regards", "dear", "sir", "madam", "thank", "thanks", "personal",
    };

    // Order matters: the more specific wish first ("stop marketing" is an objection before "data" makes it access).
    private static readonly (RequestType Type, string[] Cues)[] TypeCues =
    [
        (RequestType.ConsentWithdrawal, ["toestemming intrek", "trek mijn toestemming", "trek ik mijn toestemming", "intrekken toestemming", "withdraw my consent", "withdraw consent", "withdrawing my consent", "revoke my consent"]),
        (RequestType.Objection, ["bezwaar", "geen marketing", "geen reclame", "object to", "objection", "stop marketing", "no more marketing", "opt out"]),
        (RequestType.Erasure, ["verwijder", "wis ", "wissen", "vergeten te worden", "delete", "erase", "erasure", "right to be forgotten", "remove my"]),
        (RequestType.Rectification, ["corrigeer", "correctie", "rectificatie", "klopt niet", "onjuist", "aanpassen", "wijzigen", "rectif", "correct my", "is wrong", "incorrect", "update my"]),
        (RequestType.Restriction, ["beperk", "beperking", "restrict", "restriction"]),
        (RequestType.Portability, ["overdraagbaar", "overdragen", "overzetten", "portability", "port my", "transfer my data", "machine readable", "machineleesbaar"]),
        (RequestType.AutomatedDecisionReview, ["geautomatiseerd besluit", "automatisch besluit", "automatische beslissing", "automated decision", "human review", "menselijke tussenkomst"]),
        (RequestType.RecipientsDisclosure, ["wie heeft mijn gegevens ontvangen", "aan wie", "ontvangers", "who received", "recipients", "shared my data with"]),
        (RequestType.Access, ["inzage", "inzien", "kopie van mijn gegevens", "welke gegevens", "access", "copy of my data", "copy of my personal data", "what data", "which data", "subject access"]),
    ];
}
