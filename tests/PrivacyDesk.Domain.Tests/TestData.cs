using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Domain.Subjects;

namespace PrivacyDesk.Domain.Tests;

/// <summary>Valid building blocks for the register, subject and rights tests.</summary>
internal static class TestData
{
    public static readonly Actor Officer = new("officer-1", "Fatima de Vries", ["PrivacyOfficer"]);
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1));
    public static readonly DateOnly Today = new(2026, 11, 25);

    public static readonly LegitimateInterestAssessment Lia = new("Purpose test", "Necessity test", "Balancing test", "Interest prevails", new DateOnly(2027, 6, 30));

    public static LawfulBasis ValidBasis(LawfulBasisKind kind) => kind switch
    {
        LawfulBasisKind.Consent => LawfulBasis.Consent(new("Opt-in checkbox", "Unsubscribe link", IsExplicit: false)),
        LawfulBasisKind.Contract => LawfulBasis.Contract("Customer agreement"),
        LawfulBasisKind.LegalObligation => LawfulBasis.LegalObligation("Wwft art. 33"),
        LawfulBasisKind.VitalInterests => LawfulBasis.VitalInterests("Medical emergency on premises"),
        LawfulBasisKind.PublicTask => LawfulBasis.PublicTask("Wet op het financieel toezicht"),
        _ => LawfulBasis.LegitimateInterest(Lia),
    };

    public static readonly RetentionPeriod FiveYears = new(5, RetentionUnit.Years, RetentionStart.AfterRelationshipEnd, "5 years after the end of the relationship, Wwft art. 33");

    public static PurposeDefinition Definition(string key = "test-purpose", params LawfulBasisKind[] bases) =>
        new(key, new("Testdoel", "Test purpose"), new("Omschrijving", "Description"))
        {
            LawfulBases = [.. bases.Select(ValidBasis)],
            SubjectCategories = [SubjectCategory.Customer],
            DataCategories =
            [
                new("Contact details", DataOrigin.ProvidedBySubject),
                new("Transactions", DataOrigin.ObservedFromUse),
                new("Risk score", DataOrigin.InferredOrDerived),
            ],
            Recipients = [new("Experian Nederland B.V.", RecipientKind.CreditBureau, "NL")],
            Retention = FiveYears,
            IsProcessedByAutomatedMeans = true,
        };

    public static Purpose Draft(PurposeDefinition definition) => Purpose.Draft(definition, Officer, Now).Value;

    public static Purpose Active(PurposeDefinition definition)
    {
        var purpose = Draft(definition);
        var activated = purpose.Activate(Officer, Now);
        activated.IsSuccess.ShouldBeTrue(string.Join(", ", activated.Errors));
        return purpose;
    }

    public static Purpose Active(params LawfulBasisKind[] bases) => Active(Definition("test-purpose", bases));

    public static DataSubject Customer(DateOnly? relationshipEnd = null, DateOnly? relationshipStart = null)
    {
        var subject = DataSubject.Register("Jan Jansen", ["jan@example.nl"], [SubjectCategory.Customer], Officer, Now,
            relationshipStart: relationshipStart ?? new DateOnly(2015, 3, 1)).Value;
        if (relationshipEnd is { } end)
        {
            subject.EndRelationship(end, Officer, Now).IsSuccess.ShouldBeTrue();
        }
        return subject;
    }

    public static IEnumerable<string> Codes(this Result result) => result.Errors.Select(e => e.Code);

    /// <summary>The privacy notice of the firm, read from the repository's own copy (the one the seeder embeds).</summary>
    public static string PrivacyNotice()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PrivacyDesk.sln")))
        {
            directory = directory.Parent;
        }
        directory.ShouldNotBeNull("PrivacyDesk.sln not found above the test output");
        return File.ReadAllText(Path.Combine(directory.FullName, "src", "PrivacyDesk.Data", "Seeding", "privacy-notice-nl.txt"));
    }
}
