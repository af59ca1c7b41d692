using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using static PrivacyDesk.Domain.Tests.TestData;

namespace PrivacyDesk.Domain.Tests.Register;

/// <summary>A recipient's optional e-mail address for Art. 19 notices (ADR 0051): absent, or one a mail server takes, Draft or not.</summary>
public sealed class RecipientEmailRuleTests
{
    private static readonly PurposeDefinition Valid = Definition("kyc", LawfulBasisKind.LegitimateInterest, LawfulBasisKind.LegalObligation);

    [Theory]
    [InlineData(null, true)]
    [InlineData("privacy@bkr.nl", true)]
    [InlineData("art19@überweisung.de", true)]
    [InlineData("bkr.nl", false)]
    [InlineData("privacy@bkr", false)]
    [InlineData("privacy@@bkr.nl", false)]
    [InlineData("privacy bkr@bkr.nl", false)]
    [InlineData("privacy@bkr.nl\nBcc: x@y.nl", false)]
    public void ARecipientsAddressIsAbsentOrOneAMailServerTakes(string? email, bool valid) =>
        new Recipient("BKR", RecipientKind.CreditBureau, "NL", email).HasValidEmail().ShouldBe(valid);

    [Fact]
    public void ADraftWithAMalformedRecipientAddressIsRefusedNamingTheRecipient()
    {
        var result = Purpose.Draft(Valid with { Recipients = [new("BKR", RecipientKind.CreditBureau, "NL", "bkr.nl"), new("AFM", RecipientKind.Regulator, "NL")] }, Officer, Now);

        var error = result.Errors.ShouldHaveSingleItem();
        error.ShouldBe(RegisterErrors.RecipientEmailInvalid with { Arguments = error.Arguments });
        error.Field.ShouldBe("Recipients");
        error.Arguments!["recipient"].ShouldBe("BKR");
        var message = ErrorCatalog.Messages[error.Code];
        message.Nl.ShouldContain("{recipient}");
        message.En.ShouldContain("{recipient}");
    }

    [Fact]
    public void AddingARecipientWithAMalformedAddressIsRefusedEvenOnADraftAndChangesNothing()
    {
        var purpose = Draft(Valid with { Recipients = [] });
        var changes = purpose.PendingChanges.Count;

        purpose.AddRecipient(new("BKR", RecipientKind.CreditBureau, "NL", "privacy@"), Officer, Now).Codes().ShouldBe([RegisterErrors.RecipientEmailInvalid.Code]);

        purpose.Recipients.ShouldBeEmpty();
        purpose.PendingChanges.Count.ShouldBe(changes);
    }

    [Fact]
    public void AnActivePurposeTakesARecipientWithAValidAddressAndKeepsIt()
    {
        var purpose = Active(Valid);

        purpose.AddRecipient(new("BKR", RecipientKind.CreditBureau, "NL", "privacy@bkr.nl"), Officer, Now).IsSuccess.ShouldBeTrue();

        purpose.Recipients.ShouldContain(r => r.Name == "BKR" && r.Email == "privacy@bkr.nl");
        purpose.Definition.Recipients.ShouldContain(r => r.Email == "privacy@bkr.nl");
    }
}
