using PrivacyDesk.Documents.Layout;

namespace PrivacyDesk.Documents.Tests.Layout;

public sealed class ConcurrentRenderingTests
{
    public ConcurrentRenderingTests() => Pdf.UseMachineFonts();

    [Fact]
    public void DocumentsRenderedOnSeveralThreadsAtOnceWrapTheirTextAsWhenRenderedAlone()
    {
        // Word widths are shared by every document in the process; eight threads measuring new words at once must not disturb the wrapping.
        static IReadOnlyList<string> Render(int seed) => Pdf.PageTexts(Document.Create(document => document.Page(page => page.Content().Column(column =>
        {
            for (var i = 0; i < 60; i++)
            {
                column.Item().Text($"Alinea {i}: woord{seed}x{i} " + string.Join(' ', Enumerable.Range(0, 40).Select(w => $"conc{(w * 7 + i + seed) % 97}é")));
            }
        }))).Generate().Content);

        // Together first, so the threads meet words nobody has measured yet.
        var together = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8).Select(seed => (seed, pages: Render(seed))).ToList();
        var alone = Enumerable.Range(0, 8).Select(Render).ToList();

        foreach (var (seed, pages) in together)
        {
            pages.ShouldBe(alone[seed]);
        }
    }
}
