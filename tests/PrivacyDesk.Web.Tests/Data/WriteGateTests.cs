using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Data;

/// <summary>
/// The write gate's re-entrance: a save made in the flow that holds the gate passes instead of waiting for itself, and
/// no other flow passes. A broken re-entrance waits forever, so every wait here is bounded and fails as a timeout.
/// </summary>
[Trait(TestDatabases.Trait, TestDatabases.BothProviders)]
public sealed class WriteGateTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Moment = TimeSpan.FromMilliseconds(300);
    private readonly PrivacyDeskAppFactory _factory = new();

    public ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private async Task<T> InScopeAsync<T>(Func<PrivacyDeskDbContext, Task<T>> work)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>());
    }

    [Fact]
    public async Task DataProtectionStoresANewKeyWhileTheFlowHoldsTheGate()
    {
        var keys = _factory.Services.GetRequiredService<IKeyManager>();
        var before = keys.GetAllKeys().Count;

        // Data Protection stores a key through its own context and a synchronous SaveChanges (the real nested save).
        await InScopeAsync(async db =>
        {
            using (await WriteGate.EnterAsync(db, Xunit.TestContext.Current.CancellationToken))
            {
                await Task.Run(() => keys.CreateNewKey(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(90))).WaitAsync(Bound);
            }
            return 0;
        });

        (await InScopeAsync(db => db.DataProtectionKeys.CountAsync())).ShouldBe(before + 1);
    }

    [Fact]
    public async Task ASaveInsideAUnitOfWorkPassesTheGateItsUnitHolds()
    {
        var nested = await InScopeAsync(db => db.InTransactionAsync(async () =>
        {
            var inner = await InScopeAsync(other => WriteGate.EnterAsync(other, Xunit.TestContext.Current.CancellationToken).WaitAsync(Bound));
            using (inner)
            {
                return Result.Success(inner);
            }
        }));

        nested.Value.ShouldBeSameAs(WriteGate.Held.None);
    }

    [Fact]
    public async Task AnotherFlowWaitsUntilTheHolderLeaves()
    {
        var entered = new TaskCompletionSource();
        var leave = new TaskCompletionSource();
        var holder = InScopeAsync(async db =>
        {
            using (await WriteGate.EnterAsync(db, CancellationToken.None))
            {
                entered.SetResult();
                await leave.Task;
            }
            return 0;
        });
        await entered.Task.WaitAsync(Bound);

        var other = InScopeAsync(async db =>
        {
            using var held = await WriteGate.EnterAsync(db, CancellationToken.None);
            return held == WriteGate.Held.None;
        });
        await Task.Delay(Moment, Xunit.TestContext.Current.CancellationToken);
        other.IsCompleted.ShouldBeFalse();

        leave.SetResult();
        await holder.WaitAsync(Bound);
        (await other.WaitAsync(Bound)).ShouldBeFalse();
    }

    [Fact]
    public async Task ATaskStartedInsideAUnitThatOutlivesItWaitsLikeAnyOther()
    {
        var unitLeft = new TaskCompletionSource();
        Task<bool>? straggler = null;
        await InScopeAsync(async db =>
        {
            using (await WriteGate.EnterAsync(db, CancellationToken.None))
            {
                straggler = Task.Run(async () =>
                {
                    await unitLeft.Task;
                    return await InScopeAsync(async other =>
                    {
                        using var held = await WriteGate.EnterAsync(other, CancellationToken.None);
                        return held == WriteGate.Held.None;
                    });
                });
            }
            return 0;
        });
        unitLeft.SetResult();

        (await straggler!.WaitAsync(Bound)).ShouldBeFalse();
    }

    [Fact]
    public async Task AWaitGivenUpLeavesNoMarkBehind()
    {
        var entered = new TaskCompletionSource();
        var leave = new TaskCompletionSource();
        var holder = InScopeAsync(async db =>
        {
            using (await WriteGate.EnterAsync(db, CancellationToken.None))
            {
                entered.SetResult();
                await leave.Task;
            }
            return 0;
        });
        await entered.Task.WaitAsync(Bound);

        var passedAfterGivingUp = await InScopeAsync(async db =>
        {
            using (var cancel = new CancellationTokenSource(Moment))
            {
                await Should.ThrowAsync<OperationCanceledException>(() => WriteGate.EnterAsync(db, cancel.Token));
            }
            leave.SetResult();
            using var held = await WriteGate.EnterAsync(db, CancellationToken.None).WaitAsync(Bound);
            return held == WriteGate.Held.None;
        });

        await holder.WaitAsync(Bound);
        passedAfterGivingUp.ShouldBeFalse();
    }
}
