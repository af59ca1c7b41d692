using PrivacyDesk.Data.Mail;
using PrivacyDesk.Domain.Controller;
using PrivacyDesk.Web.Features.Mail;
using PrivacyDesk.Web.Features.Portal;

namespace PrivacyDesk.Web.Tests.Mail;

/// <summary>The one frame around every e-mail: signature from the controller profile in the e-mail's language, an HTML alternative from the text.</summary>
public sealed class MailFrameTests
{
    private static readonly ControllerContact Firm = new("Bank Noord N.V.", "Postbus 1", null, "privacy@banknoord.example", "Mr. A. de Wit", "fg@banknoord.example", null);

    [Fact]
    public void ADutchEmailIsSignedByTheFirmsPrivacyTeamWithTheDpo()
    {
        var text = MailFrame.Text("Geachte heer,\r\n\r\nWij hebben uw verzoek ontvangen.   \r\n", "nl", Firm);

        text.ShouldBe("Geachte heer,\n\nWij hebben uw verzoek ontvangen.\n\n-- \nMet vriendelijke groet,\n\nHet privacyteam van Bank Noord N.V.\n" +
            "Functionaris gegevensbescherming: Mr. A. de Wit (fg@banknoord.example)\n");
    }

    [Fact]
    public void AnEnglishEmailIsSignedInEnglishAndAMissingDpoLeavesItsLineOut()
    {
        var text = MailFrame.Text("Dear Sir,", "en", Firm with { DpoName = null, DpoEmail = " " });

        text.ShouldEndWith("-- \nKind regards,\n\nThe privacy office of Bank Noord N.V.\n");
    }

    [Fact]
    public void TheHtmlAlternativeEncodesTheTextAndMakesLinksClickableWithoutTheSentencesFullStop()
    {
        var html = MailFrame.Apply("Zie https://privacy.example.nl/privacy/status/x?a=1&b=2.\n<script>alert(1)</script>", "nl", "Uw verzoek", Firm).Html;

        html.ShouldContain("<html lang=\"nl\">");
        html.ShouldContain("<title>Uw verzoek</title>");
        html.ShouldContain("<a href=\"https://privacy.example.nl/privacy/status/x?a=1&amp;b=2\"");
        html.ShouldContain("b=2</a>.<br>");
        html.ShouldNotContain("<script>");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldContain("Het privacyteam van Bank Noord N.V.");
    }

    [Fact]
    public void ThePortalCodeStandsApartInTheHtmlAndStaysOnItsOwnLineInTheText()
    {
        var draft = PortalCodes.CodeMail("jan@example.nl", "nl", "482913", "Bank Noord N.V.");

        var framed = MailFrame.Apply(draft.TextBody, draft.Language, draft.Subject, Firm);

        framed.Text.ShouldContain("\n\n    482913\n\n");
        framed.Html.ShouldContain("monospace;font-size:22px;font-weight:bold;letter-spacing:.12em;\">482913</p>");
    }

    [Theory]
    [InlineData("jan.devries@example.nl", "j***@example.nl")]
    [InlineData(" A@b.nl ", "A***@b.nl")]
    [InlineData("geen-adres", "***")]
    [InlineData("", "")]
    public void AddressesAreMaskedToTheFirstLetterAndTheDomain(string address, string masked) =>
        MailAddresses.Mask(address).ShouldBe(masked);

    [Fact]
    public void TheSenderIsTheConfiguredAddressElseTheProfilesWithTheFirmsName()
    {
        MailSendHandler.Sender(new MailOptions(), Firm)!.ToString().ShouldBe("\"Bank Noord N.V.\" <privacy@banknoord.example>");
        MailSendHandler.Sender(new MailOptions { From = "noreply@banknoord.example" }, Firm)!.Address.ShouldBe("noreply@banknoord.example");
        MailSendHandler.Sender(new MailOptions(), Firm with { Email = "" }).ShouldBeNull();
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public void EveryMailKindAndEveryMailErrorHasWordsOnTheOutboxPage(string language)
    {
        var words = new System.Resources.ResourceManager("PrivacyDesk.Web.Resources.MailText", typeof(MailText).Assembly);
        var culture = new System.Globalization.CultureInfo(language);
        string Constants(Type type, string prefix) => string.Join(",", type.GetFields()
            .Where(f => f.IsLiteral && words.GetString(prefix + (string)f.GetRawConstantValue()!, culture) is null)
            .Select(f => f.Name));

        Constants(typeof(MailKinds), "MailKind.").ShouldBeEmpty();
        Constants(typeof(MailErrors), "Error.").ShouldBeEmpty();
    }
}
