using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Domain.Tests.Sources;

public sealed class RetrievalPlannerTests
{
    private static IEnumerable<string> Describe(RetrievalPlan plan) => plan.Steps.Select(s =>
        $"{s.Table.Name}.{s.MatchColumn} <- " + (s.Source.Identifier is { } kind ? kind.ToString() : $"{s.Source.FromTable}.{s.Source.FromColumn}"));

    [Fact]
    public void ReadsEachInScopeTableOnceFromTheIdentitiesOutwards()
    {
        var plan = RetrievalPlanner.Plan(SourceMaps.Valid, 3).Value;

        plan.MapVersion.ShouldBe(3);
        Describe(plan).ShouldBe(
        [
            "customers.customer_number <- CustomerNumber",
            "customers.email <- EmailAddress",
            "accounts.customer_id <- customers.id",
            "transactions.account_id <- accounts.id",
        ]);
    }

    [Fact]
    public void ReadsATableByEveryIdentityColumnSoASubjectKnownOnlyByEmailIsFound()
    {
        // Found in review: read by its first identity only, a prospect without a customer number got "holds nothing".
        var plan = RetrievalPlanner.Plan(new DataMap([SourceMaps.Customers]), 1).Value;

        Describe(plan).ShouldBe(["customers.customer_number <- CustomerNumber", "customers.email <- EmailAddress"]);
    }

    [Fact]
    public void NeverWalksBackFromATableReachedOnlyAsALookup()
    {
        // Found in review: accounts -> products is a lookup; every table pointing at that product (other customers'
        // accounts, reviews by anyone) belongs to someone else and must not be read for this subject.
        var accounts = SourceMaps.Accounts with
        {
            Columns = [.. SourceMaps.Accounts.Columns, new("product_id", "integer", false, true, null, null)],
            References = [.. SourceMaps.Accounts.References, new("product_id", "public", "products", "id", true)],
        };
        var products = new MappedTable("public", "products", true, null, ["kyc"], [new("id", "integer", true, true, null, null)], []);
        var reviews = new MappedTable("public", "product_reviews", true, null, ["kyc"],
            [new("id", "integer", true, true, null, null), new("product_id", "integer", false, true, null, null), new("text", "text", false, false, null, "Contact details")],
            [new("product_id", "public", "products", "id", true)]);
        var map = new DataMap([SourceMaps.Customers, accounts, products, reviews]);

        // No identity reaches the reviews: the map is refused, naming them, instead of reading everyone's.
        DataMapValidation.Validate(map, SourceMaps.Purposes, null).ShouldContain(e => e.Field != null && e.Field.Contains("product_reviews"));
        RetrievalPlanner.Plan(map, 1).IsFailure.ShouldBeTrue();
        var withoutReviews = new DataMap([SourceMaps.Customers, accounts, products]);
        RetrievalPlanner.Plan(withoutReviews, 1).Value.Steps.Select(s => s.Table.Name).ShouldBe(["customers", "customers", "accounts", "products"]);
    }

    [Fact]
    public void NeverReadsAnOutOfScopeTable()
    {
        var branches = SourceMaps.Branches with
        {
            Columns = [.. SourceMaps.Branches.Columns, new("manager_email", "text", false, true, SubjectIdentifierKind.EmailAddress, null)],
        };
        var map = new DataMap([SourceMaps.Customers, SourceMaps.Accounts, SourceMaps.Transactions, branches]);

        RetrievalPlanner.Plan(map, 1).Value.Steps.Select(s => s.Table.Name).ShouldNotContain("branches");
    }

    [Fact]
    public void FollowsAReferenceAgainstItsDirection()
    {
        // The identity sits in transactions; accounts and customers are reached from it, against the references.
        var customers = SourceMaps.Customers
            .WithColumn("customer_number", c => c with { Identifies = null })
            .WithColumn("email", c => c with { Identifies = null });
        var transactions = SourceMaps.Transactions with
        {
            Columns = [.. SourceMaps.Transactions.Columns, new("payer_email", "text", false, true, SubjectIdentifierKind.EmailAddress, "Contact details")],
        };

        var plan = RetrievalPlanner.Plan(new DataMap([customers, SourceMaps.Accounts, transactions]), 1).Value;

        Describe(plan).ShouldBe(
        [
            "transactions.payer_email <- EmailAddress",
            "accounts.id <- transactions.account_id",
            "customers.id <- accounts.customer_id",
        ]);
    }

    [Fact]
    public void GivesTheSamePlanWhateverTheOrderOfTheReferences()
    {
        // Two routes reach transactions; the plan is the same on every run (map order decides, not a hash).
        var map = SourceMaps.Valid.With("transactions", t => t with
        {
            Columns = [.. t.Columns, new("customer_id", "integer", false, true, null, null)],
            References = [.. t.References, new("customer_id", "public", "customers", "id", false)],
        });

        var first = Describe(RetrievalPlanner.Plan(map, 1).Value).ToList();
        var second = Describe(RetrievalPlanner.Plan(map, 1).Value).ToList();

        first.ShouldBe(second);
        first.ShouldBe(
        [
            "customers.customer_number <- CustomerNumber",
            "customers.email <- EmailAddress",
            "accounts.customer_id <- customers.id",
            "transactions.customer_id <- customers.id",
        ]);
    }

    [Fact]
    public void RefusesAnInvalidMapWithTheReasons()
    {
        var map = SourceMaps.Valid.With("transactions", t => t with { References = [] });

        var result = RetrievalPlanner.Plan(map, 1);

        result.IsFailure.ShouldBeTrue();
        result.Errors.Select(e => e.Code).ShouldBe(["source.map.invalid", "source.map.table_unreachable"]);
    }

    [Fact]
    public void RefusesAMapWithoutIdentity()
    {
        RetrievalPlanner.Plan(DataMap.Empty, 0).Errors.Select(e => e.Code).ShouldBe(["source.map.invalid", "source.map.no_identity"]);
    }
}
