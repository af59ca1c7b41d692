using System.Text.RegularExpressions;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Tests.Components;

/// <summary>
/// A page is markup: its state, URL parsing and rules live in a class beside it (docs/architecture.md, web layer),
/// so no component's <c>@code</c> block grows past <see cref="MaxCodeLines"/> lines.
/// </summary>
public sealed partial class ComponentCodeLengthTests
{
    public const int MaxCodeLines = 150;

    [Fact]
    public void NoComponentHasMoreThan150LinesOfCode()
    {
        var components = ComponentsFolder();

        var offenders = Directory.EnumerateFiles(components, "*.razor", SearchOption.AllDirectories)
            .Select(file => (Path: Path.GetRelativePath(components, file).Replace('\\', '/'), Lines: CodeLines(File.ReadAllLines(file))))
            .Where(c => c.Lines > MaxCodeLines)
            .OrderByDescending(c => c.Lines)
            .Select(c => $"{c.Path} ({c.Lines} lines)")
            .ToList();

        offenders.ShouldBeEmpty(
            $"@code from '@code {{' to the end is over {MaxCodeLines} lines; move the state and URL parsing into a class beside the page: "
            + string.Join(", ", offenders));
    }

    [Theory]
    [InlineData(new[] { "<p>markup</p>" }, 0)]
    [InlineData(new[] { "<p>markup</p>", "@code {", "    private int x;", "}" }, 3)]
    [InlineData(new[] { "<p/>", "@code", "{", "}" }, 3)]
    [InlineData(new[] { "@* @code { in a comment *@", "<p/>", "@code {", "}" }, 2)]
    public void CountsFromTheCodeBlockToTheEnd(string[] lines, int expected) => CodeLines(lines).ShouldBe(expected);

    /// <summary>Lines from the first line that opens a <c>@code</c> block to the end of the file, both included.</summary>
    internal static int CodeLines(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (CodeBlock().IsMatch(lines[i]))
            {
                return lines.Count - i;
            }
        }
        return 0;
    }

    private static string ComponentsFolder()
    {
        var root = RepositoryConfiguration.FindRepositoryRoot(AppContext.BaseDirectory);
        root.ShouldNotBeNull("PrivacyDesk.sln not found above the test output");
        return Path.Combine(root, "src", "PrivacyDesk.Web", "Components");
    }

    [GeneratedRegex(@"^\s*@code\s*(\{.*)?$")]
    private static partial Regex CodeBlock();
}
