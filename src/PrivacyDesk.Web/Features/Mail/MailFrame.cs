using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using PrivacyDesk.Domain.Controller;

namespace PrivacyDesk.Web.Features.Mail;

/// <summary>The finished text and HTML of one e-mail as it leaves: the feature's text, the signature, and the HTML built from both.</summary>
public sealed record FramedMail(string Text, string Html);

/// <summary>
/// The frame around every e-mail (ADR 0043), applied in this one place at send time (the sender and the Outbox page's
/// preview): the firm's name and the data protection officer from the controller profile as the signature, in the
/// e-mail's language, and an HTML alternative built from the plain text (encoded, links made clickable, plain styling
/// with enough contrast). Features write only the content, as plain text; nothing they write is taken as HTML.
/// </summary>
public static partial class MailFrame
{
    /// <summary>The conventional signature separator ("-- " on a line of its own), which mail clients recognise.</summary>
    public const string SignatureSeparator = "-- ";

    public static FramedMail Apply(string body, string language, string subject, ControllerContact contact)
    {
        var text = Text(body, language, contact);
        return new FramedMail(text, Html(text, language, subject));
    }

    /// <summary>The content with tidy line ends, then the signature.</summary>
    public static string Text(string body, string language, ControllerContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var en = language == "en";
        var content = string.Join('\n', (body ?? "").ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).Trim('\n');
        var signature = new StringBuilder();
        signature.Append(en ? "Kind regards," : "Met vriendelijke groet,").Append("\n\n");
        var firm = Clean(contact.Name);
        signature.Append(firm is null
            ? (en ? "The privacy office" : "Het privacyteam")
            : (en ? $"The privacy office of {firm}" : $"Het privacyteam van {firm}"));
        var dpoName = Clean(contact.DpoName);
        var dpoEmail = Clean(contact.DpoEmail);
        if (dpoName is not null || dpoEmail is not null)
        {
            var who = dpoName is not null && dpoEmail is not null ? $"{dpoName} ({dpoEmail})" : dpoName ?? dpoEmail;
            signature.Append('\n').Append(en ? "Data protection officer: " : "Functionaris gegevensbescherming: ").Append(who);
        }
        return $"{content}\n\n{SignatureSeparator}\n{signature}\n";
    }

    /// <summary>
    /// HTML from framed text: paragraphs at blank lines, line breaks kept, an indented paragraph (a code, a reference)
    /// set apart in a larger fixed-width face, http(s) links clickable, the signature below a rule.
    /// </summary>
    public static string Html(string framedText, string language, string subject)
    {
        var lang = language == "en" ? "en" : "nl";
        var text = (framedText ?? "").ReplaceLineEndings("\n");
        var split = text.IndexOf($"\n{SignatureSeparator}\n", StringComparison.Ordinal);
        var content = split < 0 ? text : text[..split];
        var signature = split < 0 ? "" : text[(split + SignatureSeparator.Length + 2)..];
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(lang).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(WebUtility.HtmlEncode(subject ?? "")).Append("</title></head>\n")
            .Append("<body style=\"margin:0;padding:0;background:#ffffff;\">\n")
            .Append("<div style=\"max-width:40em;margin:0 auto;padding:24px 16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f1f1f;\">\n");
        AppendParagraphs(html, content);
        if (signature.Length > 0)
        {
            html.Append("<div style=\"margin-top:2em;padding-top:1em;border-top:1px solid #8a8a8a;color:#3d3d3d;font-size:14px;\">\n");
            AppendParagraphs(html, signature);
            html.Append("</div>\n");
        }
        html.Append("</div>\n</body></html>\n");
        return html.ToString();
    }

    private static void AppendParagraphs(StringBuilder html, string text)
    {
        foreach (var paragraph in ParagraphBreak().Split(text.Trim('\n')).Where(p => p.Trim().Length > 0))
        {
            var lines = paragraph.Split('\n');
            var indented = lines.All(l => l.StartsWith("    ", StringComparison.Ordinal) || l.StartsWith('\t'));
            html.Append(indented
                ? "<p style=\"margin:0 0 1em;padding:8px 16px;background:#f1f3f4;font-family:Consolas,'Courier New',monospace;font-size:22px;font-weight:bold;letter-spacing:.12em;\">"
                : "<p style=\"margin:0 0 1em;\">");
            html.AppendJoin("<br>\n", lines.Select(l => Linked(indented ? l.Trim() : l)));
            html.Append("</p>\n");
        }
    }

    /// <summary>One line, HTML-encoded, with its http(s) addresses as links (a sentence's closing full stop is not part of the link).</summary>
    private static string Linked(string line)
    {
        var result = new StringBuilder();
        var at = 0;
        foreach (Match match in Link().Matches(line))
        {
            var url = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', '\'');
            result.Append(WebUtility.HtmlEncode(line[at..match.Index]));
            var encoded = WebUtility.HtmlEncode(url);
            result.Append("<a href=\"").Append(encoded).Append("\" style=\"color:#0b57d0;text-decoration:underline;\">").Append(encoded).Append("</a>");
            at = match.Index + url.Length;
        }
        result.Append(WebUtility.HtmlEncode(line[at..]));
        return result.ToString();
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"\n[ \t]*\n+")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();
}
