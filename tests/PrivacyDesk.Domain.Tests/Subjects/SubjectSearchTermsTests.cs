using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Domain.Subjects;

namespace PrivacyDesk.Domain.Tests.Subjects;

public sealed class SubjectSearchTermsTests
{
    private static readonly Actor Officer = new("officer-1", "Sanne", [StaffRole.PrivacyOfficer]);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1));

    [Fact]
    public void FoldsNameWordsWithoutAccentsAndSpellsOutLettersWithoutADecomposition()
    {
        var terms = SubjectSearchTerms.For("Jürgen Ñúñez-Østergaard", ["J.Nunez@Example.NL"], "C-100001");

        terms.ShouldBe(["jurgen", "nunez", "ostergaard", "j.nunez@example.nl", "c-100001", "100001"], ignoreOrder: true);
    }

    [Fact]
    public void ATypedSearchIsFoldedTheSameWayAndKeepsAnEmailAddressWhole()
    {
        SubjectSearchTerms.QueryWords("  MÜLLER  j.nunez@example.nl ").ShouldBe(["j.nunez@example.nl", "muller"]);
        SubjectSearchTerms.QueryWords("El-Amrani").ShouldBe(["amrani", "el"], ignoreOrder: true);
    }

    [Fact]
    public void DropsOneLetterWordsWhenLongerOnesNarrowTheSearch()
    {
        SubjectSearchTerms.QueryWords("C-100001").ShouldBe(["100001"]);
        SubjectSearchTerms.QueryWords("j").ShouldBe(["j"]);
        SubjectSearchTerms.QueryWords("   ").ShouldBeEmpty();
    }

    [Fact]
    public void ASubjectsTermsFollowRenamesAndChangedAddresses()
    {
        var subject = DataSubject.Register("Jan de Vries", ["jan@example.nl"], [SubjectCategory.Customer], Officer, Now, customerNumber: "C-1").Value;

        subject.Rename("Jan Bakker", Officer, Now).IsSuccess.ShouldBeTrue();
        subject.AddEmailAddress("jan@werk.example", Officer, Now).IsSuccess.ShouldBeTrue();
        subject.RemoveEmailAddress("jan@example.nl", Officer, Now).IsSuccess.ShouldBeTrue();
        subject.AssignCustomerNumber(null, Officer, Now).IsSuccess.ShouldBeTrue();

        subject.SearchTerms.Select(t => t.Term).ShouldBe(["jan", "bakker", "jan@werk.example"], ignoreOrder: true);
        subject.SearchTerms.ShouldAllBe(t => t.SubjectId == subject.Id);
    }
}
