using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Subjects;
using static PrivacyDesk.Domain.Tests.TestData;

namespace PrivacyDesk.Domain.Tests.Subjects;

/// <summary>Names and addresses that look fine on a form but are not: broken addresses, line breaks, hidden direction marks.</summary>
public sealed class NamesAndAddressesTests
{
    [Theory]
    [InlineData("a@b..c")]
    [InlineData("a@.b.nl")]
    [InlineData("a..b@example.nl")]
    [InlineData(".a@example.nl")]
    [InlineData("a.@example.nl")]
    [InlineData("a@-example.nl")]
    [InlineData("a@example-.nl")]
    [InlineData("a@exa_mple.nl")]
    [InlineData("a@example.n")]
    [InlineData("a@example.123")]
    [InlineData("a<b>@example.nl")]
    [InlineData("jan\u202E@example.nl")]
    [InlineData("jan@exam\u200Bple.nl")]
    public void RefusesAnAddressNoMailServerWouldTake(string email)
    {
        DataSubject.Register("Jan Jansen", [email], [SubjectCategory.Customer], Officer, Now).Codes().ShouldBe(["subject.email_invalid"]);
    }

    [Theory]
    [InlineData("jan.jansen@example.nl")]
    [InlineData("j+dsr@mail.example.co.uk")]
    [InlineData("o'brien@example.ie")]
    [InlineData("zoë@bücher.de")]
    public void AcceptsOrdinaryAddresses(string email)
    {
        DataSubject.Register("Jan Jansen", [email], [SubjectCategory.Customer], Officer, Now).IsSuccess.ShouldBeTrue();
    }

    [Theory]
    [InlineData("Jan\r\nBcc: iedereen")]
    [InlineData("Jan\nJansen")]
    [InlineData("Jan\tJansen")]
    [InlineData("\u202Efdp.exe")]
    [InlineData("Jan\u2066Jansen")]
    [InlineData("Jan\u200BJansen")]
    [InlineData("Jan\u2028Jansen")]
    public void RefusesANameWithLineBreaksOrInvisibleCharacters(string name)
    {
        DataSubject.Register(name, ["jan@example.nl"], [SubjectCategory.Customer], Officer, Now).Codes().ShouldBe(["subject.name_hidden_characters"]);
        Customer().Rename(name, Officer, Now).Codes().ShouldBe(["subject.name_hidden_characters"]);
    }

    [Fact]
    public void KeepsNamesInOtherScriptsAndWithJoiners()
    {
        DataSubject.Register("Zoë O'Brien-Çelik", ["zoe@example.nl"], [SubjectCategory.Customer], Officer, Now).IsSuccess.ShouldBeTrue();
        DataSubject.Register("محمد علي", ["m@example.nl"], [SubjectCategory.Customer], Officer, Now).IsSuccess.ShouldBeTrue();
        DataSubject.Register("می\u200Cخواهم", ["p@example.nl"], [SubjectCategory.Customer], Officer, Now).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void RefusesAThirdPartyWithAHiddenNameOrABrokenAddress()
    {
        var name = DataSubjectRequest.Receive(Requests.RequestCases.Reference,
            Requests.RequestCases.Intake(RequestType.Portability) with { ThirdParty = new("Bank\u202EB", "dpo@bankb.example") }, [], Officer, Now);
        var address = DataSubjectRequest.Receive(Requests.RequestCases.Reference,
            Requests.RequestCases.Intake(RequestType.Portability) with { ThirdParty = new("Bank B", "dpo@bankb..example") }, [], Officer, Now);

        name.Errors.Select(e => e.Code).ShouldBe(["request.third_party.name_hidden_characters"]);
        address.Errors.Select(e => e.Code).ShouldBe(["request.third_party.email_invalid"]);
    }
}
