using System.Globalization;

namespace PrivacyDesk.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Every wait of the browser tests, from one place: a base that suffices on an idle two-core machine, times how slow
/// this machine shows itself to be (its load per core, and how long the app took to start), within a ceiling.
/// A test that needs a longer wait than the page default uses <see cref="Navigation"/> or <see cref="LongRunning"/>, never a number of its own.
/// </summary>
public static class Timeouts
{
    /// <summary>The app's start from its build output (migrate, seed, listen) on an idle two-core machine: the yardstick for "slow".</summary>
    public static readonly TimeSpan IdleAppStart = TimeSpan.FromSeconds(6);

    /// <summary>No wait grows beyond this many times its idle base: past it the app is stuck, not slow.</summary>
    public const double MaxFactor = 5;

    /// <summary>The wait for the app's "Now listening" line before anything is known but the load: 90 s idle, at most 5 minutes.</summary>
    public static TimeSpan AppStartCeiling { get; } = TimeSpan.FromMinutes(5);

    private static double _startFactor = 1;
    private static TimeSpan? _appStartTook;

    /// <summary>How much slower than idle this machine is now: the larger of load per core and the app's measured start, 1 to <see cref="MaxFactor"/>.</summary>
    public static double Factor
    {
        get
        {
            if (Override() is { } fixedFactor)
            {
                return fixedFactor;
            }
            return Math.Clamp(Math.Max(LoadPerCore() ?? 1, _startFactor), 1, MaxFactor);
        }
    }

    /// <summary>How long the app may take to say it listens: 90 s times the load per core, within <see cref="AppStartCeiling"/>.</summary>
    public static TimeSpan AppStart
    {
        get
        {
            var factor = Override() ?? Math.Max(LoadPerCore() ?? 1, 1);
            return TimeSpan.FromSeconds(Math.Min(90 * factor, AppStartCeiling.TotalSeconds));
        }
    }

    /// <summary>A click, a fill, a selector to appear (the page default): 20 s idle.</summary>
    public static float Action => Scaled(20_000);

    /// <summary>A page change that saves first (a new request, a decision): 30 s idle.</summary>
    public static float Navigation => Scaled(30_000);

    /// <summary>Work that renders a document or runs a first query over the seeded data: 90 s idle.</summary>
    public static float LongRunning => Scaled(90_000);

    /// <summary>What the waits are now scaled by and why, for failure messages.</summary>
    public static string Describe()
    {
        var load = LoadPerCore() is { } perCore ? perCore.ToString("0.0", CultureInfo.InvariantCulture) : "unknown";
        var start = _appStartTook is { } took ? $"{took.TotalSeconds:0.0} s (idle about {IdleAppStart.TotalSeconds:0} s)" : "not yet measured";
        var fixedFactor = Override() is { } value ? $"; fixed by PRIVACYDESK_E2E_SLOWDOWN={value.ToString(CultureInfo.InvariantCulture)}" : "";
        return string.Create(CultureInfo.InvariantCulture, $"waits scaled ×{Factor:0.0}: load {load} per core on {Environment.ProcessorCount} cores, app start {start}{fixedFactor}");
    }

    /// <summary>The app's measured start: a start three times the idle one makes every later wait three times as long.</summary>
    internal static void AppStarted(TimeSpan took)
    {
        _appStartTook = took;
        _startFactor = took / IdleAppStart;
    }

    private static float Scaled(double idleMilliseconds) => (float)(idleMilliseconds * Factor);

    /// <summary>A machine known to be slow (a CI runner) may fix the factor; the ceiling still holds.</summary>
    private static double? Override() =>
        double.TryParse(Environment.GetEnvironmentVariable("PRIVACYDESK_E2E_SLOWDOWN"), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? Math.Clamp(value, 1, MaxFactor)
            : null;

    /// <summary>The one-minute load average per core (Linux); null where the machine does not say.</summary>
    private static double? LoadPerCore()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture) / Environment.ProcessorCount;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
