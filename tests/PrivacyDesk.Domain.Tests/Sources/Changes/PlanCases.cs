using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Domain.Sources.Changes;
using PrivacyDesk.Domain.Tests.Requests;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Sources.Changes;

/// <summary>Plans of a known shape: a connected core system with counted statements and a manual archive.</summary>
internal static class PlanCases
{
    public static readonly Guid Core = Guid.Parse("c0000000-0000-4000-8000-00000000c0de");
    public static readonly Guid Archive = Guid.Parse("a0000000-0000-4000-8000-0000000a4c41");
    public static readonly Guid Crm = Guid.Parse("c0000000-0000-4000-8000-000000000c43");

    public static readonly RetentionPeriod Wwft = new(5, RetentionUnit.Years, RetentionStart.AfterRelationshipEnd, "Wwft art. 33");

    public static DryRunStatement Statement(string table, int rows, SourceChangeOperation operation = SourceChangeOperation.DeleteRows) =>
        new(1, "public", table, operation, $"DELETE FROM \"{table}\" WHERE id = @k", ["@k = ***"], rows, [.. Enumerable.Range(0, rows).Select(i => $"h{i}")], $"sha-{table}");

    public static PlannedSystem Connected(Guid id, string name, params DryRunStatement[] statements) => new(
        new SystemChangePlan(id, name, ConnectorKind.PostgreSql, 3,
            [.. statements.Select(s => new PlannedTableChange(s.Schema, s.Table, s.Operation, [], ["marketing"]))],
            [new KeptData("public", "kyc_documents", PurposeA, "kyc", Wwft, new DateOnly(2030, 5, 31), ["document_number"])],
            []),
        statements, At(10), PlannedSystemState.Pending);

    public static PlannedSystem Manual(Guid id, string name) => new(
        new SystemChangePlan(id, name, ConnectorKind.Manual, 0, [], [],
            [new HandInstruction(null, SourceChangeOperation.DeleteRows, ["marketing"], "Manual system: its team erases the subject's data.")]),
        [], null, PlannedSystemState.Pending);

    public static DataSubjectRequest ErasureCase() => InStatus(RequestStatus.InProgress, RequestType.Erasure);

    public static SourceChangePlan Plan(params PlannedSystem[] systems) => Plan(ErasureCase(), systems);

    public static SourceChangePlan Plan(DataSubjectRequest request, params PlannedSystem[] systems) =>
        SourceChangePlan.ForCase(request, 1, "fp-1", systems.Length == 0 ? [Connected(Core, "Core banking", Statement("newsletter", 2))] : systems,
            ["subject-hash"], Officer, At(10)).ShouldSucceed();

    public static SourceChangePlan Approved(params PlannedSystem[] systems)
    {
        var plan = Plan(systems);
        plan.Approve(TeamLead, At(11), 10_000, confirmLargeChange: false).ShouldSucceed();
        return plan;
    }

    public static SystemProof Proof(int remaining = 0, int expected = 0) =>
        new(At(12), At(12).AddSeconds(2), 3, [new TableProof("public", "newsletter", remaining, expected, [], true, "sha-newsletter")]);
}
