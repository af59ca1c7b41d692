using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Subjects;
using static PrivacyDesk.Domain.Tests.TestData;

namespace PrivacyDesk.Domain.Tests.Subjects;

public sealed class DataSubjectTests
{
    [Theory]
    [InlineData("", "jan@example.nl", "subject.name_missing")]
    [InlineData("Jan Jansen", "", "subject.email_invalid")]
    [InlineData("Jan Jansen", "jan@localhost", "subject.email_invalid")]
    [InlineData("Jan Jansen", "jan@@example.nl", "subject.email_invalid")]
    public void RefusesToRegisterWithoutANameOrValidEmail(string name, string email, string code)
    {
        DataSubject.Register(name, [email], [SubjectCategory.Customer], Officer, Now).Codes().ShouldContain(code);
    }

    [Fact]
    public void RegistersWithSeveralEmailAddressesAndRecordsIt()
    {
        var subject = DataSubject.Register("Jan Jansen", ["Jan@Example.nl", "j.jansen@work.nl"], [SubjectCategory.Customer], Officer, Now,
            phone: "+31 6 12345678", customerNumber: "C-1001").Value;

        subject.EmailAddresses.ShouldBe(["jan@example.nl", "j.jansen@work.nl"]);
        subject.CustomerNumber.ShouldBe("C-1001");
        subject.PendingChanges.Single().Action.ShouldBe("subject.registered");
    }

    [Fact]
    public void RegistersTheSalutationLettersUseAndRefusesOneThatDoesNotExist()
    {
        var subject = DataSubject.Register("Niels van der Meer", ["niels@example.nl"], [SubjectCategory.Customer], Officer, Now, salutation: Salutation.Sir).Value;

        subject.Salutation.ShouldBe(Salutation.Sir);
        subject.PendingChanges.Single().After!["Salutation"].ShouldBe("Sir");
        DataSubject.Register("Jan Jansen", ["jan@example.nl"], [SubjectCategory.Customer], Officer, Now).Value.Salutation.ShouldBe(Salutation.Unknown);
        DataSubject.Register("Jan Jansen", ["jan@example.nl"], [SubjectCategory.Customer], Officer, Now, salutation: (Salutation)7)
            .Codes().ShouldBe(["subject.salutation_invalid"]);
    }

    [Theory]
    [InlineData("Niels van der Meer", "Van der Meer")]
    [InlineData("Pieter de Jong", "De Jong")]
    [InlineData("Anna van den Berg-Smit", "Van den Berg-Smit")]
    [InlineData("Kees in 't Veld", "In 't Veld")]
    [InlineData("Anna Jansen", "Jansen")]
    [InlineData("Madonna", "Madonna")]
    public void TheSurnameAfterATitleKeepsItsPrefixesWithTheFirstCapitalised(string fullName, string surname)
    {
        PersonName.SurnameAfterTitle(fullName).ShouldBe(surname);
    }

    [Fact]
    public void KeepsAtLeastOneEmailAddressAndOneCategory()
    {
        var subject = Customer();

        subject.RemoveEmailAddress("jan@example.nl", Officer, Now).Codes().ShouldBe(["subject.email_last"]);
        subject.RemoveCategory(SubjectCategory.Customer, Officer, Now).Codes().ShouldBe(["subject.category_missing"]);
        subject.AddEmailAddress("jan@example.nl", Officer, Now).Codes().ShouldBe(["subject.email_duplicate"]);
    }

    [Fact]
    public void RefusesARelationshipEndBeforeItsStart()
    {
        var subject = Customer(relationshipStart: new DateOnly(2020, 1, 1));

        subject.EndRelationship(new DateOnly(2019, 12, 31), Officer, Now).Codes().ShouldBe(["subject.relationship.end_before_start"]);
        subject.EndRelationship(new DateOnly(2024, 3, 31), Officer, Now).IsSuccess.ShouldBeTrue();
        subject.RelationshipHasEnded(Today).ShouldBeTrue();
    }

    [Fact]
    public void CorrectsTheRelationshipDatesAndRecordsBeforeAndAfter()
    {
        var subject = Customer(relationshipStart: new DateOnly(2020, 1, 1));
        subject.DequeueChanges();

        subject.CorrectRelationship(new DateOnly(2019, 6, 1), new DateOnly(2024, 3, 31), Today, Officer, Now).IsSuccess.ShouldBeTrue();

        subject.RelationshipStart.ShouldBe(new DateOnly(2019, 6, 1));
        subject.RelationshipEnd.ShouldBe(new DateOnly(2024, 3, 31));
        var change = subject.PendingChanges.ShouldHaveSingleItem();
        change.Action.ShouldBe("subject.relationship_corrected");
        change.Before!["RelationshipStart"].ShouldBe("2020-01-01");
        change.Before!["RelationshipEnd"].ShouldBeNull();
        change.After!["RelationshipEnd"].ShouldBe("2024-03-31");
    }

    [Fact]
    public void RefusesARelationshipCorrectionTheLawCannotUseAndChangesNothing()
    {
        var subject = Customer(relationshipStart: new DateOnly(2020, 1, 1));
        subject.DequeueChanges();

        subject.CorrectRelationship(new DateOnly(2020, 1, 1), new DateOnly(2019, 12, 31), Today, Officer, Now).Codes().ShouldBe(["subject.relationship.end_before_start"]);
        subject.CorrectRelationship(new DateOnly(2020, 1, 1), Today.AddDays(1), Today, Officer, Now).Codes().ShouldBe(["subject.relationship.end_in_future"]);
        subject.CorrectRelationship(Today.AddDays(1), null, Today, Officer, Now).Codes().ShouldBe(["subject.relationship.start_in_future"]);
        subject.CorrectRelationship(null, new DateOnly(2024, 3, 31), Today, Officer, Now).Codes().ShouldBe(["subject.relationship.not_started"]);

        subject.RelationshipStart.ShouldBe(new DateOnly(2020, 1, 1));
        subject.RelationshipEnd.ShouldBeNull();
        subject.PendingChanges.ShouldBeEmpty();
    }

    [Fact]
    public void AnEndRecordedByMistakeCanBeClearedAndTheEndDayItselfIsNotTheFuture()
    {
        var subject = Customer(relationshipStart: new DateOnly(2020, 1, 1));
        subject.EndRelationship(new DateOnly(2024, 3, 31), Officer, Now).IsSuccess.ShouldBeTrue();

        subject.CorrectRelationship(new DateOnly(2020, 1, 1), null, Today, Officer, Now).IsSuccess.ShouldBeTrue();
        subject.RelationshipEnd.ShouldBeNull();
        subject.CorrectRelationship(new DateOnly(2020, 1, 1), Today, Today, Officer, Now).IsSuccess.ShouldBeTrue();
        subject.RelationshipEnd.ShouldBe(Today);
    }

    [Fact]
    public void ACorrectedEndMovesTheKeptUntilDateOfPurposesKeptAfterTheRelationshipOnly()
    {
        var wwft = Active(Definition("wwft", LawfulBasisKind.LegalObligation));
        var cctv = Active(Definition("cctv", LawfulBasisKind.LegitimateInterest) with
        {
            Retention = new(4, RetentionUnit.Months, RetentionStart.AfterCollection, "4 maanden"),
        });

        var changes = RelationshipRetention.Changes([wwft, cctv], new DateOnly(2020, 1, 1), new DateOnly(2024, 3, 31), new DateOnly(2020, 1, 1), new DateOnly(2024, 6, 30));

        changes.ShouldBe([new RetentionChange(wwft.Id, new DateOnly(2029, 3, 31), new DateOnly(2029, 6, 30))]);
    }

    [Fact]
    public void GivesAndWithdrawsConsentWithItsChannelAndWording()
    {
        var surveys = Active(Definition("surveys", LawfulBasisKind.LegitimateInterest, LawfulBasisKind.Consent));
        var subject = Customer();

        subject.GiveConsent(surveys, ConsentChannel.WebForm, "surveys-v3", Officer, Now).IsSuccess.ShouldBeTrue();
        subject.GiveConsent(surveys, ConsentChannel.Email, "surveys-v3", Officer, Now).Codes().ShouldBe(["subject.consent.already_given"]);
        subject.WithdrawConsent(surveys.Id, Officer, Now.AddDays(10)).IsSuccess.ShouldBeTrue();

        var consent = subject.Consents.Single();
        consent.Channel.ShouldBe(ConsentChannel.WebForm);
        consent.WordingVersion.ShouldBe("surveys-v3");
        consent.WithdrawnAt.ShouldBe(Now.AddDays(10));
        consent.CoversMoment(Now.AddDays(5)).ShouldBeTrue();
        consent.CoversMoment(Now.AddDays(11)).ShouldBeFalse();
        subject.HasWithdrawnConsent(surveys.Id).ShouldBeTrue();
        subject.WithdrawConsent(surveys.Id, Officer, Now.AddDays(11)).Codes().ShouldBe(["subject.consent.not_given"]);
        subject.PendingChanges.Select(c => c.Action).ShouldContain("subject.consent.withdrawn");
    }

    [Fact]
    public void RefusesConsentForAPurposeThatDoesNotRestOnConsentOrIsNotActive()
    {
        var subject = Customer();

        subject.GiveConsent(Active(LawfulBasisKind.LegitimateInterest), ConsentChannel.App, "v1", Officer, Now).Codes().ShouldBe(["subject.consent.purpose_not_consent_based"]);
        subject.GiveConsent(Draft(Definition("draft", LawfulBasisKind.Consent)), ConsentChannel.App, "v1", Officer, Now).Codes().ShouldBe(["register.purpose.not_active"]);
        subject.GiveConsent(Active(LawfulBasisKind.Consent), ConsentChannel.App, " ", Officer, Now).Codes().ShouldBe(["subject.consent.wording_missing"]);
    }

    [Fact]
    public void RefusesAWithdrawalDatedBeforeTheConsent()
    {
        var purpose = Active(LawfulBasisKind.Consent);
        var subject = Customer();
        subject.GiveConsent(purpose, ConsentChannel.App, "v1", Officer, Now).IsSuccess.ShouldBeTrue();

        subject.WithdrawConsent(purpose.Id, Officer, Now.AddDays(-1)).Codes().ShouldBe(["subject.consent.withdrawal_before_given"]);
    }

    [Fact]
    public void DerivesItsPurposesFromCategoriesOfActivePurposes()
    {
        var customers = Active(Definition("customers", LawfulBasisKind.Contract));
        var visitors = Active(Definition("visitors", LawfulBasisKind.LegitimateInterest) with { SubjectCategories = [SubjectCategory.PremisesVisitor] });
        var draft = Draft(Definition("draft", LawfulBasisKind.Contract));

        Customer().ProcessingPurposes([customers, visitors, draft]).ShouldBe([customers]);
    }

    [Fact]
    public void LetsTheOfficerIncludeOrExcludeAPurposeWithAReason()
    {
        var customers = Active(Definition("customers", LawfulBasisKind.Contract));
        var visitors = Active(Definition("visitors", LawfulBasisKind.LegitimateInterest) with { SubjectCategories = [SubjectCategory.PremisesVisitor] });
        var subject = Customer();

        subject.IncludePurpose(visitors, "Visited the Amsterdam office on 3 March", Officer, Now).IsSuccess.ShouldBeTrue();
        subject.ExcludePurpose(customers.Id, "", Officer, Now).Codes().ShouldBe(["subject.override.reason_missing"]);
        subject.ExcludePurpose(customers.Id, "Account never opened", Officer, Now).IsSuccess.ShouldBeTrue();

        subject.ProcessingPurposes([customers, visitors]).ShouldBe([visitors]);
        subject.ClearPurposeOverride(customers.Id, Officer, Now).IsSuccess.ShouldBeTrue();
        subject.ProcessingPurposes([customers, visitors]).ShouldBe([customers, visitors]);
    }

    [Fact]
    public void RefusesToIncludeAPurposeThatIsNotActive()
    {
        Customer().IncludePurpose(Draft(Definition("draft", LawfulBasisKind.Contract)), "Reason", Officer, Now).Codes().ShouldBe(["register.purpose.not_active"]);
    }

    [Fact]
    public void RefusesACreditReferenceInDoubtUntilTheSubjectHasBeenContacted()
    {
        var subject = Customer();
        var inquiry = subject.RecordCreditReferenceInquiry("Experian Nederland B.V.", Officer, Now).Value;
        subject.RaiseCreditReferenceDoubt(inquiry, "Address on the request differs from ours", Officer, Now).IsSuccess.ShouldBeTrue();

        subject.ProvideCreditReference(inquiry, Officer, Now).Codes().ShouldBe(["subject.credit_reference.contact_required"]);

        subject.RecordSubjectContactedAboutReference(inquiry, "Called the customer; he confirmed the new address", Officer, Now).IsSuccess.ShouldBeTrue();
        subject.ProvideCreditReference(inquiry, Officer, Now).IsSuccess.ShouldBeTrue();
        subject.CreditReferenceInquiries.Single().Status.ShouldBe(CreditReferenceStatus.Provided);
        subject.ProvideCreditReference(inquiry, Officer, Now).Codes().ShouldBe(["subject.credit_reference.already_answered"]);
    }

    [Fact]
    public void ProvidesACreditReferenceWithoutContactWhenThereIsNoDoubt()
    {
        var subject = Customer();
        var inquiry = subject.RecordCreditReferenceInquiry("Experian Nederland B.V.", Officer, Now).Value;

        subject.ProvideCreditReference(inquiry, Officer, Now).IsSuccess.ShouldBeTrue();
        subject.ProvideCreditReference(Guid.NewGuid(), Officer, Now).Codes().ShouldBe(["subject.credit_reference.not_found"]);
    }
}
