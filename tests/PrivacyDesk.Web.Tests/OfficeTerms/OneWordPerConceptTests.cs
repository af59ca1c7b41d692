using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;

namespace PrivacyDesk.Web.Tests.OfficeTerms;

/// <summary>
/// Every screen text, in each language, calls one thing by one word, and a message that sends the reader to a
/// setting names it as the menu does: an officer who reads "auditlogboek" on one page and "audittrail" on the next
/// asks whether they are two things.
/// </summary>
public sealed class OneWordPerConceptTests
{
    private static readonly Assembly Web = typeof(SharedResource).Assembly;

    /// <summary>The word we use, and the synonyms seen before that must not come back.</summary>
    public static TheoryData<string, string, string> Synonyms => new()
    {
        { "nl", "audittrail", @"auditlogboek|auditspoor|audit-trail|audit trail|auditlog\b" },
        { "en", "audit trail", @"audit log\b|audit-trail|audittrail" },
        { "nl", "privacyfunctionaris", @"privacy officer" },
        { "nl", "teamleider", @"teamlead\b|team lead" },
        { "en", "team lead", @"team leader|teamlead\b" },
        { "nl", "organisatieprofiel", @"profiel van de verwerkingsverantwoordelijke" },
    };

    [Theory]
    [MemberData(nameof(Synonyms))]
    public void EveryScreenTextUsesTheOfficesWordForTheConcept(string language, string word, string synonyms)
    {
        var pattern = new Regex(synonyms, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var offending = Texts(language)
            .Where(t => pattern.IsMatch(t.Value))
            .Select(t => $"{t.Key}: {t.Value}")
            .ToList();

        offending.ShouldBeEmpty($"say '{word}' in {language}");
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public void TheExampleProfileWarningNamesTheMenuItemWhereTheProfileIsFilledIn(string language)
    {
        var texts = Texts(language).ToDictionary(t => t.Key, t => t.Value);
        var place = $"{texts["SharedResource/Nav.Administration"]} › {texts["SettingsText/Nav.Controller"]}";

        texts["DocumentText/Documents.ExampleProfile"].ShouldContain(place);
    }

    [Fact]
    public void TheTextsAreReadFromBothLanguages()
    {
        // Guards the two tests above against passing on an empty list.
        Texts("nl").Count().ShouldBeGreaterThan(500);
        Texts("en").Count().ShouldBeGreaterThan(500);
        Texts("nl").ShouldContain(t => t.Key == "SharedResource/Nav.Queue" && t.Value == "Wachtrij");
    }

    /// <summary>Every resource string of the web project in one language, keyed "File/Name".</summary>
    private static IEnumerable<KeyValuePair<string, string>> Texts(string language)
    {
        foreach (var name in Web.GetManifestResourceNames().Where(n => n.EndsWith(".resources", StringComparison.Ordinal)))
        {
            var baseName = name[..^".resources".Length];
            var manager = new ResourceManager(baseName, Web);
            // English is the neutral resource; Dutch lives in the satellite assembly and falls back to nothing.
            var set = language == "en"
                ? manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)
                : manager.GetResourceSet(CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false);
            if (set is null)
            {
                continue;
            }
            var file = baseName[(baseName.LastIndexOf('.') + 1)..];
            foreach (DictionaryEntry entry in set)
            {
                if (entry.Value is string value)
                {
                    yield return new KeyValuePair<string, string>($"{file}/{entry.Key}", value);
                }
            }
        }
    }
}
