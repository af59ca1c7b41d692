using PrivacyDesk.Connectors.Demo;

namespace PrivacyDesk.Connectors.Tests;

internal static class DemoSubjects
{
    /// <summary>A second subject whose address the marketing platform keeps in upper case (every third subject from the second).</summary>
    public static readonly DemoSubject Eline = new("C-100002", "Eline van den Bergh", "eline.vandenbergh@example.org", null);

    public static readonly IReadOnlyList<DemoSubject> All = [CoreBankingDemo.JanDeVries, Eline];
}
