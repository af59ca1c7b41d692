using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Data.RateLimiting;
using PrivacyDesk.Web.Features.Intake;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Intake;

/// <summary>
/// The intake call's count when its registration unit runs more than once (a retry, or its group written again one by one, ADR 0058):
/// only the last run decides. A refusal kept from an earlier run answered 429 for a request that was stored (review finding).
/// </summary>
public sealed class IntakeCallCountTests : IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();

    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task ACallRefusedInAnEarlierRunAndAdmittedInTheLastIsCountedAsAdmitted()
    {
        var windows = _factory.Services.GetRequiredService<RateWindows>();
        var partition = "test-" + Guid.NewGuid().ToString("N");
        (await windows.TryTakeAsync(partition, 1, IntakeCallCount.Window, Cancel)).Permitted.ShouldBeTrue();
        var call = new IntakeCallCount(partition, 1);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();

        // First run: the window of one call a minute is full.
        (await db.InTransactionAsync(() => call.TakeInAsync(windows, db, Cancel), Cancel)).IsFailure.ShouldBeTrue();
        call.Refused.ShouldNotBeNull();
        // The minute turns before the unit runs again; this run is admitted and commits.
        await db.Set<RateWindow>().ExecuteDeleteAsync(Cancel);
        (await db.InTransactionAsync(() => call.TakeInAsync(windows, db, Cancel), Cancel)).IsSuccess.ShouldBeTrue();
        call.Committed();

        call.Refused.ShouldBeNull();
        (await call.TakeAsync(windows, Cancel)).Permitted.ShouldBeTrue("the stored request is answered 201, not 429");
    }
}
