using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Domain.Sources.Changes;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Web.Tests.Retention;

/// <summary>Ledger entries as a carried-out erasure leaves them: a case of the subject, its plan, and one entry per kept purpose.</summary>
internal static class RetentionSeed
{
    public static readonly RetentionPeriod TwoYears = new(2, RetentionUnit.Years, RetentionStart.AfterRelationshipEnd, "Wwft art. 33");

    /// <summary>An erasure case of <paramref name="subjectId"/> whose plan kept <paramref name="purposeKey"/> in <paramref name="systemName"/> until <paramref name="endsOn"/>.</summary>
    public static async Task<Guid> KeptAsync(
        IServiceProvider services, Actor officer, Guid subjectId, string systemName, string purposeKey, DateOnly? endsOn,
        RetentionPeriod? retention = null, DateTimeOffset? at = null, string table = "customers", RetentionEntryStatus? status = null)
    {
        await using var db = services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContext();
        var now = at ?? DateTimeOffset.UtcNow;
        var normalized = SourceSystem.Normalize(systemName);
        var system = await db.SourceSystems.AsNoTracking().SingleAsync(s => s.NormalizedName == normalized);
        var purpose = await db.Purposes.AsNoTracking().SingleAsync(p => p.Key == purposeKey);
        var deadline = new ResponseDeadlineCalculator(HolidayCalendar.LegalOnly, DeadlinePolicy.Default).ForReceiptAt(now.AddDays(-20));
        var made = await db.InTransactionAsync(async () =>
        {
            var reference = await RequestReferences.NextAsync(db, deadline.ReceivedOn.Year);
            var intake = new RequestIntake(RequestType.Erasure, RequestChannel.Email, now.AddDays(-20), deadline.ReceivedOn, "nl", subjectId, "Wis mijn gegevens.", deadline.DueOn);
            var request = DataSubjectRequest.Receive(reference, intake, [], officer, now.AddDays(-20)).Value;
            request.Assign(officer, officer, now.AddDays(-20)).IsSuccess.ShouldBeTrue();
            db.Requests.Add(request);
            var kept = new KeptData(null, table, purpose.Id, purpose.Key, retention ?? TwoYears, endsOn, []);
            var planned = new SystemChangePlan(system.Id, system.Name, system.Connector, system.MapVersion, [], [kept], []);
            var plan = SourceChangePlan.ForCase(request, 1, "seed", [new PlannedSystem(planned, [], now, PlannedSystemState.Pending)], ["seed-hash"], officer, now).Value;
            db.SourceChangePlans.Add(plan);
            var entry = RetentionLedgerEntry.Keep(plan, request.Id, planned, kept, officer, now);
            entry.IsSuccess.ShouldBeTrue(string.Join(", ", entry.Errors));
            db.RetentionLedger.Add(entry.Value);
            if (status is RetentionEntryStatus.Erased)
            {
                // As a run follow-up leaves it (the follow-up's own plan is not needed to count it).
                entry.Value.PlanFollowUp(Guid.NewGuid(), officer, DateTimeOffset.UtcNow.AddYears(10)).IsSuccess.ShouldBeTrue();
                entry.Value.MarkErased(officer, now).IsSuccess.ShouldBeTrue();
            }
            await db.SaveChangesAsync();
            return Result.Success(entry.Value.Id);
        });
        return made.Value;
    }

    /// <summary>The follow-up plan the scan would make for a due entry, with a counted statement (no source needed).</summary>
    public static async Task<Guid> FollowUpAsync(IServiceProvider services, Guid entryId, int rows = 3)
    {
        await using var db = services.GetRequiredService<IDbContextFactory<PrivacyDeskDbContext>>().CreateDbContext();
        var entry = await db.RetentionLedger.SingleAsync(e => e.Id == entryId);
        var now = DateTimeOffset.UtcNow;
        var statement = new DryRunStatement(1, null, "contacts", SourceChangeOperation.DeleteRows, "DELETE FROM \"contacts\" WHERE \"id\" = @k0", ["@k0 = •••"], rows,
            [.. Enumerable.Range(0, rows).Select(i => $"row-{i}")], "sha-contacts");
        var system = new SystemChangePlan(entry.SourceSystemId, entry.SystemName, ConnectorKind.Sqlite, 1,
            [new PlannedTableChange(null, "contacts", SourceChangeOperation.DeleteRows, [], [entry.PurposeKey])], [], []);
        var plan = SourceChangePlan.ForRetentionEnd(entry, "seed", [new PlannedSystem(system, [statement], now, PlannedSystemState.Pending)], ["hash-1", "hash-2"], Actor.System, now).Value;
        entry.PlanFollowUp(plan.Id, Actor.System, now).IsSuccess.ShouldBeTrue();
        db.SourceChangePlans.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    }
}
