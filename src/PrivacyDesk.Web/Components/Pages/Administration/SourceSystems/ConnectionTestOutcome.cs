using System.Diagnostics;

namespace PrivacyDesk.Web.Components.Pages.Administration.SourceSystems;

using PrivacyDesk.Domain.Common;
using Error = PrivacyDesk.Domain.Common.Error;

/// <summary>What "Test connection" answered and how long it took, so the page can say "connected in 0.4 s" or the coded error's sentence.</summary>
public sealed record ConnectionTestOutcome(Error? Error, TimeSpan Took)
{
    public bool Connected => Error is null;

    public static async Task<ConnectionTestOutcome> RunAsync(Func<Task<Result>> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var clock = Stopwatch.StartNew();
        var result = await test();
        return new ConnectionTestOutcome(result.IsSuccess ? null : result.Errors[0], clock.Elapsed);
    }
}
