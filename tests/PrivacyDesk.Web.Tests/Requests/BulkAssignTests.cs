using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>Assigning from the queue changes cases, so each test gets its own app and database.</summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class BulkAssignTests : IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();
    private QueueSeed _seed = default!;
    private RequestQueue _queue = default!;

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        _seed = await QueueSeed.CreateAsync(_factory);
        _queue = ActivatorUtilities.CreateInstance<RequestQueue>(_factory.Services);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static string Id(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task<DataSubjectRequest> RequestAsync(string name)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var reference = RequestReference.Parse(_seed[name]);
        return await db.Requests.AsNoTracking().SingleAsync(r => r.Reference == reference);
    }

    /// <summary>The cases as a queue page shows them now, stamps included.</summary>
    private async Task<SeenCase[]> SeenAsync(params Guid[] ids)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var stamps = await db.Requests.Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, Stamp = EF.Property<Guid>(r, PrivacyDeskDbContext.ConcurrencyStamp) })
            .ToDictionaryAsync(r => r.Id, r => r.Stamp, Xunit.TestContext.Current.CancellationToken);
        return [.. ids.Select(id => new SeenCase(id, stamps.GetValueOrDefault(id)))];
    }

    [Fact]
    public async Task TwoTeamLeadsAssignTheSameCaseAndTheSecondIsToldPerCaseWhoChangedItFirst()
    {
        var r1 = await RequestAsync("R1");
        var r4 = await RequestAsync("R4");
        var secondLead = await CaseWorkspaceData.SecondTeamLeadAsync(_factory);
        // Both queues show R1 (and the second lead's also R4) as they are now.
        var firstQueue = await SeenAsync(r1.Id);
        var secondQueue = await SeenAsync(r1.Id, r4.Id);
        (await _queue.AssignAsync(_seed.Lead, firstQueue, Id(_seed.Officer), Xunit.TestContext.Current.CancellationToken)).Value.Assigned.ShouldBe(1);

        var result = await _queue.AssignAsync(secondLead, secondQueue, Id(_seed.Officer2), Xunit.TestContext.Current.CancellationToken);

        result.IsSuccess.ShouldBeTrue();
        result.Value.Assigned.ShouldBe(1);
        var refused = result.Value.Refused.ShouldHaveSingleItem();
        refused.Reference.ShouldBe(_seed["R1"]);
        var error = refused.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(PrivacyDesk.Web.Features.Common.StaleEdit.Code);
        error.Arguments!["who"].ShouldBe("Fatima El Amrani");
        (await RequestAsync("R1")).HandlerName.ShouldBe("Sanne de Vries");
        (await RequestAsync("R4")).HandlerName.ShouldBe("Daan Jansen");
    }

    [Fact]
    public async Task TwoOfficersTakeTheSameCaseFromTheQueueAndTheSecondIsToldWhoTookIt()
    {
        var r1 = await RequestAsync("R1");
        // Both queues show R1 as free.
        var seen = (await SeenAsync(r1.Id))[0].Stamp;
        (await _queue.TakeAsync(_seed.Officer, r1.Id, seen, Xunit.TestContext.Current.CancellationToken)).IsSuccess.ShouldBeTrue();

        var second = await _queue.TakeAsync(_seed.Officer2, r1.Id, seen, Xunit.TestContext.Current.CancellationToken);

        var error = second.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(CaseWorkspace.TakenByOtherCode);
        error.Arguments!["who"].ShouldBe("Sanne de Vries");
        error.Arguments["when"].ShouldNotBeEmpty();
        (await RequestAsync("R1")).HandlerName.ShouldBe("Sanne de Vries");
    }

    [Fact]
    public async Task TwoOfficersTakeTheSameCaseOnTheCasePageAndTheSecondIsToldWhoTookIt()
    {
        var workspace = ActivatorUtilities.CreateInstance<CaseWorkspace>(_factory.Services);
        var first = (await workspace.OpenAsync(_seed.Officer, _seed["R1"], Xunit.TestContext.Current.CancellationToken)).Value;
        var second = (await workspace.OpenAsync(_seed.Officer2, _seed["R1"], Xunit.TestContext.Current.CancellationToken)).Value;
        (await workspace.TakeAsync(_seed.Officer, first.Id, first.Stamp, Xunit.TestContext.Current.CancellationToken)).IsSuccess.ShouldBeTrue();

        var result = await workspace.TakeAsync(_seed.Officer2, second.Id, second.Stamp, Xunit.TestContext.Current.CancellationToken);

        var error = result.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe(CaseWorkspace.TakenByOtherCode);
        error.Arguments!["who"].ShouldBe("Sanne de Vries");
        (await RequestAsync("R1")).HandlerName.ShouldBe("Sanne de Vries");
    }

    private async Task<int> AuditCountAsync(string action)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().AuditEvents.CountAsync(e => e.Action == action);
    }

    [Fact]
    public async Task ATeamLeadAssignsSeveralCasesAtOnceAndEachChangeIsAudited()
    {
        var r1 = await RequestAsync("R1");
        var r8 = await RequestAsync("R8");
        var audited = await AuditCountAsync(RequestActions.Assigned);

        var result = await _queue.AssignAsync(_seed.Lead, await SeenAsync(r1.Id, r8.Id), Id(_seed.Officer), Xunit.TestContext.Current.CancellationToken);

        result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors));
        result.Value.Assigned.ShouldBe(2);
        result.Value.Refused.ShouldBeEmpty();
        (await RequestAsync("R1")).HandlerName.ShouldBe("Sanne de Vries");
        (await RequestAsync("R8")).HandlerId.ShouldBe(Id(_seed.Officer));
        (await AuditCountAsync(RequestActions.Assigned)).ShouldBe(audited + 2);
    }

    [Fact]
    public async Task ClosedOrUnchangedCasesAreReportedWithTheReasonAndTheRestAreAssigned()
    {
        var r1 = await RequestAsync("R1");
        var r2 = await RequestAsync("R2");
        var r7 = await RequestAsync("R7");

        var result = await _queue.AssignAsync(_seed.Lead, await SeenAsync(r1.Id, r2.Id, r7.Id), Id(_seed.Officer), Xunit.TestContext.Current.CancellationToken);

        result.Value.Assigned.ShouldBe(1);
        result.Value.Refused.Select(r => (r.Reference, r.Errors.Single().Code)).ShouldBe(
            [(_seed["R2"], RequestErrors.HandlerUnchanged.Code), (_seed["R7"], RequestErrors.TransitionNotAllowed.Code)], ignoreOrder: true);
        (await RequestAsync("R1")).HandlerId.ShouldBe(Id(_seed.Officer));
        (await RequestAsync("R7")).Status.ShouldBe(RequestStatus.Withdrawn);
    }

    [Fact]
    public async Task AnOfficerCannotBulkAssignWhateverThePageShows()
    {
        var r1 = await RequestAsync("R1");
        var audited = await AuditCountAsync(RequestActions.Assigned);

        var result = await _queue.AssignAsync(_seed.Officer, await SeenAsync(r1.Id), Id(_seed.Officer), Xunit.TestContext.Current.CancellationToken);

        result.Errors.Single().Code.ShouldBe("auth.forbidden");
        (await RequestAsync("R1")).HandlerId.ShouldBeNull();
        (await AuditCountAsync(RequestActions.Assigned)).ShouldBe(audited);
        (await _queue.HandlersAsync(_seed.Officer, Xunit.TestContext.Current.CancellationToken)).Errors.Single().Code.ShouldBe("auth.forbidden");
    }

    [Fact]
    public async Task CasesGoOnlyToStaffWhoMayHandleThem()
    {
        var r1 = await RequestAsync("R1");

        var toAuditor = await _queue.AssignAsync(_seed.Lead, await SeenAsync(r1.Id), Id(_seed.Auditor), Xunit.TestContext.Current.CancellationToken);
        var toNobody = await _queue.AssignAsync(_seed.Lead, await SeenAsync(r1.Id), "no-such-user", Xunit.TestContext.Current.CancellationToken);

        toAuditor.Value.Refused.Single().Errors.Single().Code.ShouldBe(RequestErrors.HandlerNotPermitted.Code);
        toNobody.Errors.Single().Code.ShouldBe(RequestQueue.HandlerUnknown.Code);
        (await RequestAsync("R1")).HandlerId.ShouldBeNull();
        var handlers = (await _queue.HandlersAsync(_seed.Lead, Xunit.TestContext.Current.CancellationToken)).Value.Select(h => h.Name);
        handlers.ShouldBe(["Daan Jansen", "Fatima El Amrani", "Sanne de Vries"]);
    }

    [Fact]
    public async Task AnOfficerTakesAnUnassignedCaseButNotSomeoneElses()
    {
        var r1 = await RequestAsync("R1");
        var r3 = await RequestAsync("R3");

        (await _queue.TakeAsync(_seed.Officer, r1.Id, (await SeenAsync(r1.Id))[0].Stamp, Xunit.TestContext.Current.CancellationToken)).IsSuccess.ShouldBeTrue();
        // A stamp of the case as it is now (taken): Daan never saw it free, so no word on who has it.
        var taken = await _queue.TakeAsync(_seed.Officer2, r1.Id, (await SeenAsync(r1.Id))[0].Stamp, Xunit.TestContext.Current.CancellationToken);
        // Daan's case, unchanged since it was read: Sanne never saw it free, so no word on who has it.
        var hidden = await _queue.TakeAsync(_seed.Officer, r3.Id, (await SeenAsync(r3.Id))[0].Stamp, Xunit.TestContext.Current.CancellationToken);

        (await RequestAsync("R1")).HandlerId.ShouldBe(Id(_seed.Officer));
        taken.Errors.Single().Code.ShouldBe(RequestQueue.RequestNotFound.Code, "Sanne's case is no longer visible to Daan");
        hidden.Errors.Single().Code.ShouldBe(RequestQueue.RequestNotFound.Code);
        (await RequestAsync("R3")).HandlerId.ShouldBe(Id(_seed.Officer2));
    }
}
