namespace PrivacyDesk.Data.Seeding;

/// <summary>The <c>Demo</c> configuration section: demo users exist only where this is switched on.</summary>
public sealed class DemoDataOptions
{
    public const string SectionName = "Demo";

    public bool SeedUsers { get; set; }

    /// <summary>Demo subjects and requests (<see cref="DemoCases"/>), after the demo users; only where there are no requests yet.</summary>
    public bool SeedCases { get; set; }
}
