using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Sources;
using static PrivacyDesk.Domain.Tests.TestData;

namespace PrivacyDesk.Domain.Tests.Sources;

/// <summary>A small core-banking map that passes every rule: customers identified by number and e-mail, accounts and transactions reached by keys, branches out of scope.</summary>
internal static class SourceMaps
{
    public static Purpose Kyc { get; } = Active(Definition("kyc", LawfulBasisKind.LegalObligation));

    public static IReadOnlyCollection<Purpose> Purposes { get; } = [Kyc];

    public static MappedTable Customers { get; } = new("public", "customers", true, null, ["kyc"],
    [
        new("id", "integer", true, true, null, null),
        new("customer_number", "text", false, true, SubjectIdentifierKind.CustomerNumber, null),
        new("email", "text", false, true, SubjectIdentifierKind.EmailAddress, "Contact details"),
        new("name", "text", false, false, null, "Contact details"),
    ], []);

    public static MappedTable Accounts { get; } = new("public", "accounts", true, null, ["kyc"],
    [
        new("id", "integer", true, true, null, null),
        new("customer_id", "integer", false, true, null, null),
        new("iban", "text", false, false, null, "Transactions"),
    ], [new("customer_id", "public", "customers", "id", true)]);

    public static MappedTable Transactions { get; } = new("public", "transactions", true, null, ["kyc"],
    [
        new("id", "bigint", true, true, null, null),
        new("account_id", "integer", false, true, null, null),
        new("amount", "numeric", false, false, null, "Transactions"),
    ], [new("account_id", "public", "accounts", "id", true)]);

    public static MappedTable Branches { get; } = new("public", "branches", false, "Holds no personal data", [],
    [
        new("id", "integer", true, true, null, null),
        new("city", "text", false, false, null, null),
    ], []);

    public static DataMap Valid { get; } = new([Customers, Accounts, Transactions, Branches]);

    public static DataMap With(this DataMap map, string table, Func<MappedTable, MappedTable> change) =>
        new([.. map.Tables.Select(t => t.Name == table ? change(t) : t)]);

    public static MappedTable WithColumn(this MappedTable table, string column, Func<MappedColumn, MappedColumn> change) =>
        table with { Columns = [.. table.Columns.Select(c => c.Name == column ? change(c) : c)] };
}
