using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Auditing;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Web.Features.Administration;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Data;

/// <summary>The stored, chained audit trail on a real SQLite file and a real PostgreSQL server.</summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class AuditTrailTests : IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();

    public ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private AuditTrailVerifier Verifier => _factory.Services.GetRequiredService<AuditTrailVerifier>();

    private async Task ExecuteSqlAsync(string sql) => (await _factory.ExecuteSqlDirectlyAsync(sql)).ShouldBe(1);

    private async Task<List<AuditEvent>> TrailAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>().AuditEvents.OrderBy(a => a.Sequence).ToListAsync();
    }

    [Fact]
    public async Task TheSeededTrailIsChainedAndIntact()
    {
        var trail = await TrailAsync();

        trail.Select(a => a.Sequence).ShouldBe(Enumerable.Range(1, trail.Count).Select(i => (long)i));
        trail[0].PreviousHash.ShouldBeNull();
        trail[1].PreviousHash.ShouldBe(trail[0].Hash);
        (await Verifier.VerifyAllAsync()).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task EditingOneRowDirectlyInTheDatabaseIsFoundAtThatRow()
    {
        var third = (await TrailAsync())[2];

        await ExecuteSqlAsync($"UPDATE \"AuditEvents\" SET \"ActorName\" = 'Mallory' WHERE \"Sequence\" = {third.Sequence}");

        var verification = await Verifier.VerifyAllAsync();
        verification.IsIntact.ShouldBeFalse();
        verification.FirstBrokenSequence.ShouldBe(third.Sequence);
        verification.Break.ShouldBe(AuditBreak.ContentChanged);
        (await Verifier.VerifyStreamAsync(third.EntityType, third.EntityId)).IsIntact.ShouldBeFalse();
    }

    [Fact]
    public async Task DeletingARowDirectlyInTheDatabaseIsFound()
    {
        await ExecuteSqlAsync("DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 2");

        var verification = await Verifier.VerifyAllAsync();

        verification.FirstBrokenSequence.ShouldBe(2);
        verification.Break.ShouldBe(AuditBreak.MissingEntry);
    }

    [Fact]
    public async Task StoredEntriesKeepTheControllersLocalTimeAndTheirHash()
    {
        var entry = (await TrailAsync())[0];

        entry.OccurredAt.Offset.ShouldBe(TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam").GetUtcOffset(entry.OccurredAt));
        AuditChain.ComputeHash(entry).ShouldBe(entry.Hash);
    }

    [Fact]
    public async Task ManyWritersAtOnceStillProduceOneUnbrokenChain()
    {
        var audit = ActivatorUtilities.CreateInstance<StaffAccountAudit>(_factory.Services);
        var before = (await TrailAsync()).Count;

        await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(() =>
            audit.RecordByEmailAsync(i % 2 == 0 ? "officer@privacydesk.test" : "lead@privacydesk.test", StaffAccountAudit.SignedIn))));

        (await TrailAsync()).Count.ShouldBe(before + 24);
        (await Verifier.VerifyAllAsync()).IsIntact.ShouldBeTrue();
    }
}
