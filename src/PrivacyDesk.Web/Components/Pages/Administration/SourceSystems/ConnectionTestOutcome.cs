using System.Diagnostics;

namespace PrivacyDesk.Web.Components.Pages.Administration.SourceSystems;

using PrivacyDesk.Domain.Common;
using Error = PrivacyDesk.Domain.Common.Error;

/// <summary>What "Test connection" answered and how long it took, so the page can say "connected in 0.4 s" or the coded error's sentence.</summary>
public sealed record ConnectionTestOutcome(Error? Error, TimeSpan Took)
{
    public bool Connected => Error is null;

    /// <summary>"Connected in 40 ms" / "in 1.3 s", in the given localizer's words (a fast answer is not "0.0 s").</summary>
    public string Describe(Microsoft.Extensions.Localization.IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Took < TimeSpan.FromSeconds(1)
            ? text["Test.ConnectedMs", Math.Max(1, (int)Took.TotalMilliseconds)]
            : text["Test.Connected", Took.TotalSeconds.ToString("0.0", Shared.DisplayDates.Culture)];
    }

    public static async Task<ConnectionTestOutcome> RunAsync(Func<Task<Result>> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        var clock = Stopwatch.StartNew();
        var result = await test();
        return new ConnectionTestOutcome(result.IsSuccess ? null : result.Errors[0], clock.Elapsed);
    }
}
