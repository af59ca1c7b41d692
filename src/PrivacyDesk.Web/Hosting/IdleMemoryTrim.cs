using Microsoft.AspNetCore.Components.Server.Circuits;

namespace PrivacyDesk.Web.Hosting;

/// <summary>
/// Gives memory back to the machine once a wave of pages has closed and the instance has gone quiet (ADR 0049): Server GC
/// keeps the heap it committed while pages were open (RSS stayed 30–70 % over the baseline minutes after 50 pages
/// closed), so after at least <see cref="MinimumClosed"/> circuits ended, no more pages left open than ended, and none
/// opened or ended for <see cref="Quiet"/>, one aggressive full collection decommits what the closed pages held. Never
/// while pages come and go or most are still open: a blocking collection pauses every open page for tens of milliseconds.
/// </summary>
public sealed partial class IdleMemoryTrim(OpenCircuits circuits, TimeProvider clock, ILogger<IdleMemoryTrim> logger) : BackgroundService
{
    public static readonly TimeSpan Quiet = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(20);
    public const int MinimumClosed = 10;

    /// <summary>The collection itself; a test replaces it to count the calls.</summary>
    internal Action Collect { get; set; } = () => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>One look: trims when a wave closed and the circuits have been still for <see cref="Quiet"/>. True when it trimmed.</summary>
    public bool TrimIfQuiet()
    {
        var (closed, lastChange) = circuits.ClosedSinceTrim();
        // Most of the wave gone too: with many pages still open (a working day), the pause would be theirs.
        if (closed < MinimumClosed || circuits.Open > closed || clock.GetUtcNow() - lastChange < Quiet)
        {
            return false;
        }
        var before = Environment.WorkingSet;
        Collect();
        circuits.Trimmed(closed);
        LogTrimmed(closed, before / (1024 * 1024), Environment.WorkingSet / (1024 * 1024));
        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(CheckEvery, clock, stoppingToken);
                TrimIfQuiet();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Closed} pages closed and the instance is quiet: memory given back, working set {BeforeMb} MB → {AfterMb} MB.")]
    private partial void LogTrimmed(int closed, long beforeMb, long afterMb);
}

/// <summary>How many circuits are open, how many ended since the last trim, and when the last one opened or ended.</summary>
public sealed class OpenCircuits(TimeProvider clock)
{
    private readonly Lock _lock = new();
    private int _open;
    private int _closedSinceTrim;
    private DateTimeOffset _lastChange = DateTimeOffset.MinValue;

    public int Open
    {
        get
        {
            lock (_lock)
            {
                return _open;
            }
        }
    }

    public void Opened()
    {
        lock (_lock)
        {
            _open++;
            _lastChange = clock.GetUtcNow();
        }
    }

    public void Closed()
    {
        lock (_lock)
        {
            _open = Math.Max(0, _open - 1);
            _closedSinceTrim++;
            _lastChange = clock.GetUtcNow();
        }
    }

    internal (int Closed, DateTimeOffset LastChange) ClosedSinceTrim()
    {
        lock (_lock)
        {
            return (_closedSinceTrim, _lastChange);
        }
    }

    internal void Trimmed(int closed)
    {
        lock (_lock)
        {
            _closedSinceTrim = Math.Max(0, _closedSinceTrim - closed);
        }
    }
}

/// <summary>Tells <see cref="OpenCircuits"/> when a page's circuit starts and ends (after its disconnected retention).</summary>
public sealed class CircuitCounter(OpenCircuits circuits) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Opened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        circuits.Closed();
        return Task.CompletedTask;
    }
}
