using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Domain.Tests.Sources;

public sealed class DataMapValidationTests
{
    private static IReadOnlyList<Error> Validate(DataMap map, DataMap? live = null) => DataMapValidation.Validate(map, SourceMaps.Purposes, live);

    [Fact]
    public void AcceptsAMapWhoseEveryInScopeTableIsReachedFromAnIdentity()
    {
        Validate(SourceMaps.Valid).ShouldBeEmpty();
    }

    [Fact]
    public void RefusesAnInScopeTableThatNoIdentityReaches()
    {
        var map = SourceMaps.Valid.With("transactions", t => t with { References = [] });

        var error = Validate(map).ShouldHaveSingleItem();

        error.Code.ShouldBe("source.map.table_unreachable");
        error.Field.ShouldBe("Tables[public.transactions]");
        error.Arguments!["table"].ShouldBe("public.transactions");
    }

    [Fact]
    public void ReachesATableThroughAReferenceThatPointsAtIt()
    {
        // customers holds no identity; it is reached from the identity in accounts, against the reference's direction.
        var customers = SourceMaps.Customers
            .WithColumn("customer_number", c => c with { Identifies = null })
            .WithColumn("email", c => c with { Identifies = null });
        var accounts = SourceMaps.Accounts with
        {
            Columns = [.. SourceMaps.Accounts.Columns, new("holder_email", "text", false, true, SubjectIdentifierKind.EmailAddress, "Contact details")],
        };

        Validate(new DataMap([customers, accounts, SourceMaps.Transactions, SourceMaps.Branches])).ShouldBeEmpty();
    }

    [Fact]
    public void DoesNotWalkThroughAnOutOfScopeTable()
    {
        // accounts is out of scope, so transactions (reached only through it) cannot be read.
        var map = SourceMaps.Valid.With("accounts", t => t with { InScope = false, OutOfScopeReason = "Archived", PurposeKeys = [] });

        Validate(map).Select(e => e.Field).ShouldBe(["Tables[public.transactions]"]);
    }

    [Fact]
    public void RefusesAMapWithoutAnyIdentityColumnOnce()
    {
        var map = SourceMaps.Valid.With("customers", t => t
            .WithColumn("customer_number", c => c with { Identifies = null })
            .WithColumn("email", c => c with { Identifies = null }));

        var error = Validate(map).ShouldHaveSingleItem();

        error.Code.ShouldBe("source.map.no_identity");
        error.Field.ShouldBe("Tables");
    }

    [Fact]
    public void RefusesAnEmptyMapForHavingNoIdentity()
    {
        Validate(DataMap.Empty).Select(e => e.Code).ShouldBe(["source.map.no_identity"]);
    }

    [Fact]
    public void RefusesACategoryThatNoneOfTheTablesPurposesNames()
    {
        var map = SourceMaps.Valid.With("customers", t => t.WithColumn("name", c => c with { Category = "Health data" }));

        var error = Validate(map).ShouldHaveSingleItem();

        error.Code.ShouldBe("source.map.category_not_in_purposes");
        error.Field.ShouldBe("Tables[public.customers].Columns[name].Category");
        error.Arguments!["category"].ShouldBe("Health data");
    }

    [Fact]
    public void DoesNotCheckCategoriesOfAnOutOfScopeTable()
    {
        var map = SourceMaps.Valid.With("branches", t => t.WithColumn("city", c => c with { Category = "Location" }));

        Validate(map).ShouldBeEmpty();
    }

    [Fact]
    public void RefusesAnInScopeTableWithoutPurposes()
    {
        var map = SourceMaps.Valid.With("accounts", t => t with { PurposeKeys = [] });

        var codes = Validate(map).Select(e => (e.Code, e.Field)).ToList();

        codes.ShouldContain(("source.map.purposes_missing", "Tables[public.accounts].PurposeKeys"));
        // Its categorised column is then named by no purpose either: both are said at once.
        codes.ShouldContain(("source.map.category_not_in_purposes", "Tables[public.accounts].Columns[iban].Category"));
    }

    [Fact]
    public void RefusesAnOutOfScopeTableWithoutAReason()
    {
        var map = SourceMaps.Valid.With("branches", t => t with { OutOfScopeReason = "  " });

        Validate(map).Select(e => (e.Code, e.Field)).ShouldBe([("source.map.reason_missing", "Tables[public.branches].OutOfScopeReason")]);
    }

    [Fact]
    public void RefusesAReferenceToATableOrColumnNotInTheMap()
    {
        var map = SourceMaps.Valid.With("transactions", t => t with
        {
            References = [.. t.References, new("account_id", "public", "ledgers", "id", false)],
        }).With("accounts", t => t with { References = [.. t.References, new("iban", "public", "customers", "uuid", false)] });

        var errors = Validate(map);

        errors.Select(e => (e.Code, e.Field)).ShouldBe(
        [
            ("source.map.reference_unknown", "Tables[public.accounts].References[iban]"),
            ("source.map.reference_unknown", "Tables[public.transactions].References[account_id]"),
        ], ignoreOrder: true);
        errors.Single(e => e.Field!.Contains("transactions", StringComparison.Ordinal)).Arguments!["target"].ShouldBe("public.ledgers.id");
    }

    [Fact]
    public void AnUnknownReferenceIsNoPathForReachability()
    {
        // accounts' only reference is broken: it and transactions are then reached by nothing; every problem is said.
        var map = SourceMaps.Valid.With("accounts", t => t with { References = [new("customer_id", "public", "customers", "uuid", true)] });

        Validate(map).Select(e => e.Code).ShouldBe(
            ["source.map.reference_unknown", "source.map.table_unreachable", "source.map.table_unreachable"], ignoreOrder: true);
    }

    [Fact]
    public void RefusesAPurposeKeyThatIsNotInTheRegister()
    {
        var map = SourceMaps.Valid.With("accounts", t => t with { PurposeKeys = ["kyc", "marketing"] });

        var error = Validate(map).ShouldHaveSingleItem();

        error.Code.ShouldBe("source.map.purpose_unknown");
        error.Field.ShouldBe("Tables[public.accounts].PurposeKeys");
        error.Arguments!["purpose"].ShouldBe("marketing");
    }

    [Fact]
    public void RefusesAMappedTableTheLiveSchemaNoLongerHas()
    {
        var live = new DataMap([SourceMaps.Customers, SourceMaps.Accounts, SourceMaps.Branches]);

        Validate(SourceMaps.Valid, live).Select(e => (e.Code, e.Field)).ShouldBe([("source.map.table_gone", "Tables[public.transactions]")]);
    }

    [Fact]
    public void RefusesAMappedColumnTheLiveSchemaNoLongerHas()
    {
        var live = SourceMaps.Valid.With("customers", t => t with { Columns = [.. t.Columns.Where(c => c.Name != "email")] });

        Validate(SourceMaps.Valid, live).Select(e => (e.Code, e.Field)).ShouldBe([("source.map.column_gone", "Tables[public.customers].Columns[email]")]);
    }

    [Fact]
    public void RefusesAColumnWhoseTypeChangedInTheLiveSchema()
    {
        var live = SourceMaps.Valid.With("transactions", t => t.WithColumn("amount", c => c with { DataType = "text" }));

        var error = Validate(SourceMaps.Valid, live).ShouldHaveSingleItem();

        error.Code.ShouldBe("source.map.type_changed");
        error.Field.ShouldBe("Tables[public.transactions].Columns[amount].DataType");
        error.Arguments!["mapped"].ShouldBe("numeric");
        error.Arguments!["live"].ShouldBe("text");
    }

    [Fact]
    public void ANewLiveColumnIsNoDrift()
    {
        var live = SourceMaps.Valid.With("customers", t => t with { Columns = [.. t.Columns, new("phone", "text", false, false, null, null)] });

        Validate(SourceMaps.Valid, live).ShouldBeEmpty();
    }

    [Fact]
    public void ListsEveryProblemAtOnce()
    {
        var map = SourceMaps.Valid
            .With("customers", t => t.WithColumn("name", c => c with { Category = "Health data" }))
            .With("branches", t => t with { OutOfScopeReason = null })
            .With("accounts", t => t with { PurposeKeys = ["kyc", "unknown-purpose"] });
        var live = SourceMaps.Valid.With("transactions", t => t.WithColumn("amount", c => c with { DataType = "text" }));

        Validate(map, live).Select(e => e.Code).ShouldBe(
        [
            "source.map.category_not_in_purposes",
            "source.map.reason_missing",
            "source.map.purpose_unknown",
            "source.map.type_changed",
        ], ignoreOrder: true);
    }

    [Fact]
    public void EveryMapCodeHasADutchAndEnglishSentence()
    {
        string[] codes =
        [
            SourceSystemErrors.MapTableUnreachable, SourceSystemErrors.MapNoIdentity, SourceSystemErrors.MapCategoryNotInPurposes, SourceSystemErrors.MapPurposesMissing,
            SourceSystemErrors.MapReasonMissing, SourceSystemErrors.MapReferenceUnknown, SourceSystemErrors.MapPurposeUnknown, SourceSystemErrors.MapTableGone,
            SourceSystemErrors.MapColumnGone, SourceSystemErrors.MapTypeChanged, SourceSystemErrors.MapIndexMissing, SourceSystemErrors.MapTableDuplicate, SourceSystemErrors.MapColumnDuplicate,
        ];
        foreach (var code in codes)
        {
            var error = new Error(code, null, new Dictionary<string, string> { ["table"] = "public.customers", ["column"] = "email" });
            ErrorCatalog.Message(error, "nl").ShouldNotBeNullOrWhiteSpace();
            ErrorCatalog.Message(error, "en").ShouldNotBeNullOrWhiteSpace();
            ErrorCatalog.Message(error, "en")!.ShouldNotContain("{table}");
        }
    }
}
