using PrivacyDesk.Connectors.Demo;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Domain.Sources.Changes;

namespace PrivacyDesk.Connectors.Tests;

/// <summary>A hand-made erasure plan for the demo core system (the domain's planner is another piece of work): children deleted first, the customer row kept and masked.</summary>
internal static class ErasurePlans
{
    public static readonly byte[] HashKey = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    public const string Pseudonym = "subject-0001";

    public static SubjectKeys Jan => TestPlans.Keys(CoreBankingDemo.JanDeVries.CustomerNumber, CoreBankingDemo.JanDeVries.Email);

    /// <summary>transactions, accounts, complaints deleted; customers masked (number and name by keyed hash, e-mail and birth date to NULL, phone to a fixed value).</summary>
    public static SystemChangePlan Core(ConnectorKind kind)
    {
        var schema = kind == ConnectorKind.PostgreSql ? "public" : null;
        return new SystemChangePlan(Guid.NewGuid(), CoreBankingSchema.Core.SystemName, kind, 1,
        [
            new(schema, "transactions", SourceChangeOperation.DeleteRows, [], ["products-and-services"]),
            new(schema, "accounts", SourceChangeOperation.DeleteRows, [], ["products-and-services"]),
            new(schema, "complaints", SourceChangeOperation.DeleteRows, [], ["disputes"]),
            new(schema, "customers", SourceChangeOperation.MaskColumns,
            [
                new("customer_number", MaskStrategy.KeyedHash, null),
                new("full_name", MaskStrategy.KeyedHash, null),
                new("email", MaskStrategy.Null, null),
                new("phone", MaskStrategy.FixedValue, "verwijderd"),
                new("birth_date", MaskStrategy.Null, null),
            ], ["products-and-services"]),
        ], [], []);
    }

    public static SourceChangeRun Run(ConnectorKind kind, SystemChangePlan? plan = null, DataMap? map = null, SubjectKeys? subject = null) =>
        new(plan ?? Core(kind), TestPlans.For(map ?? CoreBankingSchema.Core.Map(kind)), subject ?? Jan, HashKey, Pseudonym, ChangeLimits.Default);
}
