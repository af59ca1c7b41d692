using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Rights;
using PrivacyDesk.Domain.Subjects;

namespace PrivacyDesk.Domain.Tests.Common;

public sealed class GlossaryTests
{
    public static TheoryData<Type> TermTypes() => [.. Glossary.Terms];

    [Fact]
    public void NamesEveryTermTheOfficeTranslates() =>
        Glossary.Terms.ShouldBe(
        [
            typeof(RequestType), typeof(RequestStatus), typeof(RequestChannel), typeof(DecisionKind), typeof(PurposeDecisionOutcome),
            typeof(RefusalGround), typeof(RequestRefusalGround), typeof(LawfulBasisKind), typeof(IdentityVerificationMethod),
            typeof(IdentityVerificationOutcome), typeof(Requirement), typeof(Salutation),
        ], ignoreOrder: true);

    [Theory]
    [MemberData(nameof(TermTypes))]
    public void GivesEveryValueOneDutchAndOneEnglishName(Type term)
    {
        var names = Enum.GetValues(term).Cast<Enum>().Select(value => (value, text: Glossary.Term(value))).ToList();

        names.ShouldAllBe(n => !string.IsNullOrWhiteSpace(n.text.Nl) && !string.IsNullOrWhiteSpace(n.text.En));
        // A name is a label: it starts with a capital, so it reads the same in a chip, a column and a letter's block.
        names.ShouldAllBe(n => char.IsUpper(n.text.Nl[0]) && char.IsUpper(n.text.En[0]));
        names.Select(n => n.text.Nl).ShouldBeUnique();
        names.Select(n => n.text.En).ShouldBeUnique();
    }

    [Fact]
    public void RefusesAValueItHasNoNameFor() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Glossary.Term((RequestType)99));

    [Theory]
    [InlineData("nl", "Inzage (art. 15 AVG)")]
    [InlineData("en", "Access (Art. 15 GDPR)")]
    public void CitesTheRightsArticleInTheReadersForm(string language, string expected) =>
        Plain(Glossary.WithArticle(RequestType.Access, language)).ShouldBe(expected);

    [Fact]
    public void CitesTheArticleTheRightNeedsForAGround()
    {
        Plain(Glossary.WithArticles(RefusalGround.RightsOfOthers, RequestType.Portability, "nl"))
            .ShouldBe("Rechten en vrijheden van anderen (art. 20 lid 4 AVG)");
        Plain(Glossary.WithArticles(RequestRefusalGround.LegalClaims, RequestType.Erasure, "en"))
            .ShouldBe("Legal claims (Art. 17(3)(e) GDPR)");
        Plain(Glossary.WithArticles(RequestRefusalGround.Other, RequestType.Access, "nl")).ShouldBe("Andere grond");
    }

    [Fact]
    public void GivesADecisionAndTheGroundOfTheWholeRequestTheSameWordsWhereTheyMeanTheSame()
    {
        Glossary.Term(PurposeDecisionOutcome.PartiallyComply).ShouldBe(Glossary.Term(DecisionKind.PartiallyComply));
        Glossary.Term(RefusalGround.LegalRetentionObligation).ShouldBe(Glossary.Term(RequestRefusalGround.LegalObligationToRetain));
    }

    private static string Plain(string text) => text.Replace(LegalCitations.NoBreak, ' ');
}
