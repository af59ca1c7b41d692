using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PrivacyDesk.Documents;
using PrivacyDesk.Documents.Fonts;
using PrivacyDesk.Documents.Tests.Fixtures;
using PrivacyDesk.Domain.Documents;

namespace PrivacyDesk.Benchmarks;

/// <summary>
/// The documents' speed targets (issue 5): (a) one-page letters per second on one thread, our layout
/// layer against a bare PDFsharp loop drawing the same lines at fixed positions; (b) the case file of
/// a case with 10,000 audit events, wall time and peak memory, measured in a fresh child process.
/// Usage: dotnet run -c Release --project bench/PrivacyDesk.Benchmarks -- documents [--letters 1000] [--rounds 6]
/// </summary>
internal static class DocumentBenchmarks
{
    public const string Mode = "documents";
    public const string CaseFileChildMode = "documents-casefile-child";
    private const int TrailEvents = 10_000;
    private const int Warmup = 1_500;

    public static int Run(string[] args, string repositoryRoot)
    {
        UseMachineFonts();
        if (args[0] == CaseFileChildMode)
        {
            return CaseFileChild();
        }
        var letters = int.Parse(Option(args, "--letters", "1000"), CultureInfo.InvariantCulture);
        var rounds = int.Parse(Option(args, "--rounds", "6"), CultureInfo.InvariantCulture);

        var (letterName, ours, sample) = LetterUnderTest();
        var lines = LinesOf(sample);
        Console.WriteLine($"Letter under test: {letterName}");

        // Warm up both until the JIT has tiered up the hot paths (about two seconds of each on a busy machine),
        // then alternate rounds so machine noise hits both alike.
        for (var i = 0; i < Warmup; i++)
        {
            ours();
            BareLetter(lines);
        }
        var oursTimes = new List<double>();
        var bareTimes = new List<double>();
        var oursCpu = new List<double>();
        var bareCpu = new List<double>();
        using var self = Process.GetCurrentProcess();
        double Cpu()
        {
            self.Refresh();
            return self.TotalProcessorTime.TotalSeconds;
        }
        var oursBytes = 0L;
        var bareBytes = 0L;
        for (var round = 0; round < rounds; round++)
        {
            var cpu = Cpu();
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < letters; i++)
            {
                oursBytes = ours();
            }
            oursTimes.Add(watch.Elapsed.TotalSeconds);
            oursCpu.Add(Cpu() - cpu);
            cpu = Cpu();
            watch.Restart();
            for (var i = 0; i < letters; i++)
            {
                bareBytes = BareLetter(lines);
            }
            bareTimes.Add(watch.Elapsed.TotalSeconds);
            bareCpu.Add(Cpu() - cpu);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  round {round + 1}: ours {letters / oursTimes[^1],5:F0}/s wall {letters / oursCpu[^1],5:F0}/s CPU   bare {letters / bareTimes[^1],5:F0}/s wall {letters / bareCpu[^1],5:F0}/s CPU"));
        }
        var oursMedian = Median(oursTimes);
        var bareMedian = Median(bareTimes);
        var oursRate = letters / oursMedian;
        var bareRate = letters / bareMedian;
        var ratio = oursMedian / bareMedian;
        var oursCpuRate = letters / Median(oursCpu);
        var bareCpuRate = letters / Median(bareCpu);
        var cpuRatio = Median(oursCpu) / Median(bareCpu);

        Console.WriteLine("Case file with 10,000 audit events (fresh process)...");
        var child = RunChild();

        var report = Report(letterName, letters, rounds, (oursRate, oursCpuRate), (bareRate, bareCpuRate), (ratio, cpuRatio), oursBytes, bareBytes, lines.Count, child);
        var path = Path.Combine(repositoryRoot, "bench", "results", "documents.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, report);
        Console.WriteLine(report);
        Console.WriteLine($"Wrote {path}");
        return 0;
    }

    private static void UseMachineFonts() => OperatingSystemFontResolver.InstallOnce(() => FontCatalog.Discover(FontCatalog.DefaultFolders()));

    // ------------------------------------------------------------------ (a) one-page letter

    /// <summary>The acknowledgement letter of the test suite's erasure case, through the renderer's one door.</summary>
    private static (string Name, Func<long> Render, byte[] Sample) LetterUnderTest()
    {
        var input = CaseFileCases.Case("nl");
        var sample = DocumentRenderer.Render(DocumentKind.Acknowledgement, input).Value.Content;
        return ("the acknowledgement letter, `DocumentRenderer.Render(DocumentKind.Acknowledgement, …)`",
            () => DocumentRenderer.Render(DocumentKind.Acknowledgement, input).Value.Content.Length, sample);
    }

    /// <summary>
    /// Every run of text of the letter under test, read back with PdfPig: its text, position, size and face.
    /// The bare loop draws exactly these, so both sides put the same glyphs on the page.
    /// </summary>
    private static List<TextRun> LinesOf(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var runs = new List<TextRun>();
        foreach (var page in document.GetPages())
        {
            var height = page.Height;
            foreach (var line in page.GetWords().Where(w => w.Letters.Count > 0).GroupBy(w => Math.Round(w.Letters[0].StartBaseLine.Y, 1)))
            {
                TextRun? current = null;
                foreach (var word in line.OrderBy(w => w.BoundingBox.Left))
                {
                    var first = word.Letters[0];
                    var bold = first.FontName?.Contains("Bold", StringComparison.OrdinalIgnoreCase) == true;
                    var italic = first.FontName?.Contains("Italic", StringComparison.OrdinalIgnoreCase) == true || first.FontName?.Contains("Oblique", StringComparison.OrdinalIgnoreCase) == true;
                    var size = Math.Round(first.PointSize, 1);
                    if (current is not null && current.Size == size && current.Bold == bold && current.Italic == italic)
                    {
                        current = current with { Text = current.Text + " " + word.Text };
                        runs[^1] = current;
                        continue;
                    }
                    current = new TextRun(word.Text, first.StartBaseLine.X, height - first.StartBaseLine.Y, size, bold, italic, document.NumberOfPages > 1 ? page.Number : 1);
                    runs.Add(current);
                }
            }
        }
        return runs;
    }

    private sealed record TextRun(string Text, double X, double Baseline, double Size, bool Bold, bool Italic, int Page);

    /// <summary>What a hand-written PDFsharp letter costs: same fonts, same lines, fixed positions, no layout.</summary>
    private static long BareLetter(List<TextRun> runs)
    {
        using var pdf = new PdfDocument();
        pdf.Options.CompressContentStreams = true;
        pdf.Info.Title = "Ontvangstbevestiging";
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var fonts = new Dictionary<(double, bool, bool), XFont>();
        foreach (var pageRuns in runs.GroupBy(r => r.Page))
        {
            var page = pdf.AddPage();
            page.Size = PageSize.A4;
            using var graphics = XGraphics.FromPdfPage(page);
            foreach (var run in pageRuns)
            {
                if (!fonts.TryGetValue((run.Size, run.Bold, run.Italic), out var font))
                {
                    var style = (run.Bold ? XFontStyleEx.Bold : XFontStyleEx.Regular) | (run.Italic ? XFontStyleEx.Italic : XFontStyleEx.Regular);
                    font = new XFont("PrivacyDesk", run.Size, style, options);
                    fonts[(run.Size, run.Bold, run.Italic)] = font;
                }
                graphics.DrawString(run.Text, font, XBrushes.Black, run.X, run.Baseline, XStringFormats.BaseLineLeft);
            }
        }
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.Length;
    }

    // ------------------------------------------------------------------ (b) case file, 10,000 events

    private sealed record ChildResult(
        int Events, double BuildSeconds, double ColdSeconds, double WarmSeconds, long AllocatedBytes, long PeakWorkingSet, long PeakWorkingSetBeforeRender,
        int Pages, long PdfBytes);

    /// <summary>Runs in a fresh process so the peak working set is this document's, not the letters'.</summary>
    private static int CaseFileChild()
    {
        var build = Stopwatch.StartNew();
        var probe = CaseFileCases.CaseFile("nl");
        var input = CaseFileCases.CaseFile(probe.Case, TrailEvents - probe.AuditTrail.Count);
        build.Stop();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var peakBefore = process.PeakWorkingSet64;

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cold = Stopwatch.StartNew();
        var document = DocumentRenderer.RenderCaseFile(input);
        cold.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        var peak = process.PeakWorkingSet64;

        var warm = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            DocumentRenderer.RenderCaseFile(input);
            warm.Add(watch.Elapsed.TotalSeconds);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{input.AuditTrail.Count}|{Fmt(build.Elapsed.TotalSeconds)}|{Fmt(cold.Elapsed.TotalSeconds)}|{Fmt(Median(warm))}|{allocated}|{peak}|{peakBefore}|{document.PageCount ?? 0}|{document.Content.Length}"));
        return 0;
    }

    private static ChildResult RunChild()
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        var entry = typeof(DocumentBenchmarks).Assembly.Location;
        // Started through the muxer (`dotnet PrivacyDesk.Benchmarks.dll`): the child needs the assembly too; the apphost does not.
        if (Path.GetFileName(Environment.ProcessPath!) is "dotnet" or "dotnet.exe")
        {
            start.ArgumentList.Add(entry);
        }
        start.ArgumentList.Add(CaseFileChildMode);
        start.Environment["DOTNET_gcServer"] = "0";
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Split('|');
        return new ChildResult(
            int.Parse(last[0], CultureInfo.InvariantCulture), Parse(last[1]), Parse(last[2]), Parse(last[3]),
            long.Parse(last[4], CultureInfo.InvariantCulture), long.Parse(last[5], CultureInfo.InvariantCulture),
            long.Parse(last[6], CultureInfo.InvariantCulture), int.Parse(last[7], CultureInfo.InvariantCulture), long.Parse(last[8], CultureInfo.InvariantCulture));
    }

    // ------------------------------------------------------------------ report

    private static string Report(
        string letterName, int letters, int rounds, (double Wall, double Cpu) ours, (double Wall, double Cpu) bare, (double Wall, double Cpu) ratio,
        long oursBytes, long bareBytes, int lines, ChildResult child)
    {
        var mb = 1024.0 * 1024.0;
        var report = new StringBuilder();
        report.AppendLine("# Documents: letter throughput and the large case file");
        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores shared with other work ({Environment.OSVersion}), .NET {Environment.Version}, Release build, " +
            $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, one thread. Rerun: `dotnet run -c Release --project bench/PrivacyDesk.Benchmarks -- documents [--letters 1000] [--rounds 6]`."));
        report.AppendLine();
        report.AppendLine("## (a) One-page letter, one thread");
        report.AppendLine();
        report.AppendLine(FormattableString.Invariant($"Ours: {letterName}. Bare: the same text read back from that letter ({lines} runs of one face and size), drawn with `XGraphics.DrawString` at the same positions in the same faces and sizes, same compression, saved to memory: the glyphs on the page are the same, only the layout is missing. ") +
            FormattableString.Invariant($"{letters:N0} letters per round after {Warmup:N0} warm-up letters each, {rounds} alternating rounds; the median round counts."));
        report.AppendLine();
        report.AppendLine("Wall time is what a user waits; CPU time (the process's `TotalProcessorTime`) is what the work costs when other jobs share the two cores. Targets are judged on wall time.");
        report.AppendLine();
        report.AppendLine("| | letters/s (wall) | letters per CPU-second | PDF bytes | target | result |");
        report.AppendLine("|---|---:|---:|---:|---|---|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| our layout layer | {ours.Wall:N0} | {ours.Cpu:N0} | {oursBytes:N0} | ≥ 500/s | {(ours.Wall >= 500 ? "met" : "**missed**")} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| bare PDFsharp loop | {bare.Wall:N0} | {bare.Cpu:N0} | {bareBytes:N0} | | |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| ratio (our time / bare time) | {ratio.Wall:F2} | {ratio.Cpu:F2} | | ≤ 1.5 | {(ratio.Wall <= 1.5 ? "met" : "**missed**")} |");
        report.AppendLine();
        report.AppendLine("## (b) Case file with 10,000 audit events");
        report.AppendLine();
        report.AppendLine(FormattableString.Invariant($"A fresh child process builds the erasure case of the tests (`CaseFileCases`) with {child.Events:N0} chained audit events ") +
            FormattableString.Invariant($"({child.BuildSeconds:F2} s, not counted), then renders the case file once cold (first use of the layout code and the fonts in that process) and three times warm. ") +
            "Peak memory is the child's `Process.PeakWorkingSet64` (the whole process: runtime, input and rendering) read right after the cold render; " +
            "allocations are `GC.GetTotalAllocatedBytes` over the cold render.");
        report.AppendLine();
        report.AppendLine("| measure | value | target | result |");
        report.AppendLine("|---|---:|---|---|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| wall time, cold | {child.ColdSeconds:F2} s | < 3 s | {(child.ColdSeconds < 3 ? "met" : "**missed**")} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| wall time, warm (median of 3) | {child.WarmSeconds:F2} s | < 3 s | {(child.WarmSeconds < 3 ? "met" : "**missed**")} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| peak working set of the process | {child.PeakWorkingSet / mb:F0} MB | < 200 MB | {(child.PeakWorkingSet < 200 * mb ? "met" : "**missed**")} |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| peak working set before rendering (runtime + input) | {child.PeakWorkingSetBeforeRender / mb:F0} MB | | |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| allocated during the cold render | {child.AllocatedBytes / mb:F0} MB | | |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| pages / PDF size | {child.Pages:N0} / {child.PdfBytes / mb:F1} MB | | |");
        report.AppendLine();
        return report.ToString();
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string Fmt(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static double Parse(string value) => double.Parse(value, CultureInfo.InvariantCulture);
}
