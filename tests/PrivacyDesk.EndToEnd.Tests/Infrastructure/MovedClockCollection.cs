namespace PrivacyDesk.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The tests that start a second app instance with its clock moved forward (<see cref="RunningApp.StartSecondInstanceAsync"/>) run
/// alone, after every other test. The second instance shares the database, and its outbox runner does all due work by its own
/// clock, years ahead: the portal purge it ran deleted every challenge as expired, including the status code another test had
/// just been sent (<c>PrivacyPortalTests</c> failed once in CI, waiting for a status page that never came).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MovedClockCollection
{
    public const string Name = "A second instance with its clock moved forward";
}
