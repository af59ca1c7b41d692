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
            "accounts.customer_id <- customers.id",
            "transactions.account_id <- accounts.id",
        ]);
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
