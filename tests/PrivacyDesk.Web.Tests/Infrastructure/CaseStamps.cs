using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyDesk.Data;
using PrivacyDesk.Web.Features.Requests;

namespace PrivacyDesk.Web.Tests.Infrastructure;

/// <summary>The stamp a case page holds when it reads the case now: what every change presents (ADR 0028).</summary>
public static class CaseStamps
{
    public static async Task<Guid> OfAsync(PrivacyDeskAppFactory factory, Guid requestId)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        return await db.Requests.Where(r => r.Id == requestId)
            .Select(r => EF.Property<Guid>(r, PrivacyDeskDbContext.ConcurrencyStamp)).SingleAsync();
    }

    /// <summary>The stamp of the case these facts describe, read now (as the page would after its last reload).</summary>
    public static Task<Guid> StampAsync(this CaseFacts facts, PrivacyDeskAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return OfAsync(factory, facts.RequestId);
    }
}
