using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PrivacyDesk.Documents.DataCopies;
using PrivacyDesk.Documents.Model;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Requests;
using static PrivacyDesk.Documents.Tests.Fixtures.DataCopiesCase;

namespace PrivacyDesk.Documents.Tests.DataCopies;

public sealed class PortabilityPackageTests
{
    private static RenderedDocument Render(CaseDocumentInput input)
    {
        var result = PortabilityPackage.Render(input);
        result.IsSuccess.ShouldBeTrue(string.Join(", ", result.Errors));
        return result.Value;
    }

    private static Dictionary<string, byte[]> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }, StringComparer.Ordinal);
    }

    private static void Keep(byte[] content, string name)
    {
        var folder = Environment.GetEnvironmentVariable("PRIVACYDESK_PDF_OUT");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, name), content);
        }
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');

    [Fact]
    public void TheZipHoldsJsonAndCsvPerPortableSystemAndTheManifestsHashAndSizeMatchEveryFile()
    {
        var package = Render(Build(RequestType.Portability));
        Keep(package.Content, "portability-nl.zip");

        package.Kind.ShouldBe(DocumentKind.PortabilityPackage);
        package.ContentType.ShouldBe(RenderedDocument.ZipContentType);
        package.FileName.ShouldBe("DSR-2026-000123-portability-nl.zip");
        var entries = Entries(package.Content);
        entries.Keys.ShouldBe(
        [
            "manifest.json", "README.txt",
            "data/crm.json", "data/crm.csv",
            "data/handelsplatform-en-kernadministratie.json", "data/handelsplatform-en-kernadministratie.csv",
            "data/marketingplatform.json", "data/marketingplatform.csv",
        ], ignoreOrder: true);

        using var manifest = JsonDocument.Parse(entries["manifest.json"]);
        var root = manifest.RootElement;
        root.GetProperty("reference").GetString().ShouldBe("DSR-2026-000123");
        root.GetProperty("generatedAt").GetString().ShouldBe("2026-03-05T00:30:00+01:00");
        var listed = root.GetProperty("files").EnumerateArray().ToList();
        listed.Select(f => f.GetProperty("path").GetString()).ShouldBe(entries.Keys.Where(k => k != "manifest.json"), ignoreOrder: true);
        foreach (var file in listed)
        {
            var content = entries[file.GetProperty("path").GetString()!];
            file.GetProperty("sha256").GetString().ShouldBe(Convert.ToHexStringLower(SHA256.HashData(content)));
            file.GetProperty("bytes").GetInt32().ShouldBe(content.Length);
        }
    }

    [Fact]
    public void AFetchedExtractBecomesAFolderWithAJsonAndCsvPairPerTableThatTheManifestLists()
    {
        var package = Render(Build(RequestType.Portability, coreRows: 2, fetchedCore: true));
        Keep(package.Content, "portability-fetched-nl.zip");
        var entries = Entries(package.Content);

        const string Folder = "data/handelsplatform-en-kernadministratie/";
        entries.Keys.Where(k => k.StartsWith(Folder, StringComparison.Ordinal)).ShouldBe(
        [
            Folder + "klanten.json", Folder + "klanten.csv",
            Folder + "rekeningen.json", Folder + "rekeningen.csv",
            Folder + "transacties.json", Folder + "transacties.csv",
        ], ignoreOrder: true);
        entries.Keys.ShouldNotContain("data/handelsplatform-en-kernadministratie.json");

        var accounts = Text(entries[Folder + "rekeningen.csv"]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        accounts[0].ShouldBe("rekeningnummer;klantnummer;product", "only this table's columns, the derived risk profile left out");
        accounts.Length.ShouldBe(3);
        using var customers = JsonDocument.Parse(entries[Folder + "klanten.json"]);
        customers.RootElement.GetProperty("table").GetString().ShouldBe("klanten");
        customers.RootElement.GetProperty("records")[0].GetProperty("naam").GetString().ShouldBe(SubjectName);

        using var manifest = JsonDocument.Parse(entries["manifest.json"]);
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray().Where(f => f.TryGetProperty("table", out _)).ToList();
        listed.Select(f => f.GetProperty("path").GetString()).ShouldBe(entries.Keys.Where(k => k.StartsWith(Folder, StringComparison.Ordinal)), ignoreOrder: true);
        var accountFile = listed.First(f => f.GetProperty("path").GetString() == Folder + "rekeningen.json");
        accountFile.GetProperty("records").GetInt32().ShouldBe(2);
        accountFile.GetProperty("derivedColumnsLeftOut").EnumerateArray().Select(c => c.GetString()).ShouldBe(["risicoprofiel"]);
        Text(entries["README.txt"]).ShouldContain("één bestandspaar per tabel");
    }

    [Fact]
    public void TheJsonParsesAndTheCsvHasTheHeaderAndEveryRecordWithAccentsIntact()
    {
        var entries = Entries(Render(Build(RequestType.Portability, coreRows: 25)).Content);

        using var crm = JsonDocument.Parse(entries["data/crm.json"]);
        crm.RootElement.GetProperty("sourceSystem").GetString().ShouldBe("CRM");
        var record = crm.RootElement.GetProperty("records")[0];
        record.GetProperty("naam").GetString().ShouldBe(SubjectName);
        record.GetProperty("email").GetString().ShouldBe(SubjectEmail);

        using var core = JsonDocument.Parse(entries["data/handelsplatform-en-kernadministratie.json"]);
        core.RootElement.GetProperty("records").GetArrayLength().ShouldBe(25);

        var lines = Text(entries["data/handelsplatform-en-kernadministratie.csv"]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("customerNumber;transactie;datum;omschrijving;bedrag;valuta;rekening");
        lines.Length.ShouldBe(26);
        lines[25].ShouldStartWith($"{CustomerNumber};T-00025;");
        Text(entries["data/crm.csv"]).ShouldContain(SubjectName);
        entries["data/crm.csv"].Take(3).ShouldBe(Encoding.UTF8.GetPreamble(), "a byte-order mark, so Excel reads UTF-8");
    }

    [Fact]
    public void DataOfPurposesOnOtherBasesAndDerivedColumnsAreLeftOutAndTheManifestSaysSo()
    {
        var entries = Entries(Render(Build(RequestType.Portability)).Content);
        var data = string.Join("\n", entries.Where(e => e.Key.StartsWith("data/", StringComparison.Ordinal)).Select(e => Text(e.Value)));

        entries.Keys.ShouldNotContain(k => k.Contains("kyc", StringComparison.OrdinalIgnoreCase), "the KYC tool serves only (c) and (f) purposes");
        data.ShouldNotContain("Paspoort");
        data.ShouldNotContain("Actieve belegger", Case.Sensitive, "a marketing segment is derived, not provided");
        data.ShouldContain("e-mail", Case.Sensitive, "the marketing platform's provided columns stay");

        using var manifest = JsonDocument.Parse(entries["manifest.json"]);
        var marketing = manifest.RootElement.GetProperty("files").EnumerateArray().First(f => f.GetProperty("path").GetString() == "data/marketingplatform.csv");
        marketing.GetProperty("derivedColumnsLeftOut").EnumerateArray().Select(c => c.GetString()).ShouldBe(["segment"]);
        manifest.RootElement.GetProperty("systemsNotIncluded").EnumerateArray().Select(s => s.GetProperty("sourceSystem").GetString()).ShouldBe([Kyc]);
        manifest.RootElement.GetProperty("purposes").EnumerateArray().Select(p => p.GetProperty("key").GetString())
            .ShouldBe(["products-and-services", "surveys", "direct-marketing", "internal-records"], ignoreOrder: true);
    }

    [Fact]
    public void AddressedToAThirdPartyTheReadmeAndManifestNameIt()
    {
        var input = Build(RequestType.Portability, language: "en", thirdParty: new ThirdPartyRecipient("Nieuwe Bank N.V.", "overstap@nieuwebank.nl"));
        var entries = Entries(Render(input).Content);

        var readme = Text(entries["README.txt"]);
        readme.ShouldContain("This package is for Nieuwe Bank N.V. (overstap@nieuwebank.nl).");
        readme.ShouldContain($"{SubjectName} asked Voorbeeld Beleggen B.V.");
        readme.ShouldContain("Art. 20(2) GDPR");
        readme.ShouldContain("5 March 2026");
        using var manifest = JsonDocument.Parse(entries["manifest.json"]);
        manifest.RootElement.GetProperty("recipient").GetProperty("name").GetString().ShouldBe("Nieuwe Bank N.V.");
        manifest.RootElement.GetProperty("legalBasis").GetString().ShouldBe("Art. 20(2) GDPR");
    }

    [Fact]
    public void WithoutAThirdPartyTheReadmeIsForTheSubjectInDutch()
    {
        var entries = Entries(Render(Build(RequestType.Portability)).Content);

        Text(entries["README.txt"]).ShouldContain($"Dit pakket is bestemd voor {SubjectName}.");
        using var manifest = JsonDocument.Parse(entries["manifest.json"]);
        manifest.RootElement.GetProperty("recipient").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void TheSameInputGivesTheSameBytes()
    {
        var first = Render(Build(RequestType.Portability)).Content;
        var second = Render(Build(RequestType.Portability)).Content;

        second.ShouldBe(first);
        using var archive = new ZipArchive(new MemoryStream(first), ZipArchiveMode.Read);
        archive.Entries.ShouldAllBe(e => e.LastWriteTime.DateTime == new DateTime(2026, 3, 5, 0, 30, 0));
    }

    [Fact]
    public void ACellThatLooksLikeAFormulaIsDefusedInTheCsvButKeptAsIsInTheJson()
    {
        var entries = Entries(Render(Build(RequestType.Portability, crmNote: "=1+2")).Content);

        Text(entries["data/crm.csv"]).ShouldContain(";'=1+2");
        using var crm = JsonDocument.Parse(entries["data/crm.json"]);
        crm.RootElement.GetProperty("records")[0].GetProperty("notitie").GetString().ShouldBe("=1+2");
    }

    [Fact]
    public void APurposeTheOfficerRefusedIsLeftOutWithTheSystemOnlyItUses()
    {
        var input = Build(RequestType.Portability);
        var marketing = input.Purposes.Single(p => p.Key == "direct-marketing");
        input.Request.RecordDecision(Officer, GeneratedAt.AddHours(-1),
            new PurposeDecisionDraft(marketing.Id, PurposeDecisionOutcome.Refuse, PrivacyDesk.Domain.Rights.RefusalGround.RightsOfOthers, "AVG art. 20(4)"))
            .IsSuccess.ShouldBeTrue();

        var entries = Entries(Render(input).Content);

        entries.Keys.ShouldNotContain("data/marketingplatform.json");
        entries.Keys.ShouldContain("data/crm.json", "the CRM still serves other portable purposes");
        using var manifest = JsonDocument.Parse(entries["manifest.json"]);
        manifest.RootElement.GetProperty("purposes").EnumerateArray().Select(p => p.GetProperty("key").GetString()).ShouldNotContain("direct-marketing");
        manifest.RootElement.GetProperty("systemsNotIncluded").EnumerateArray().Select(s => s.GetProperty("sourceSystem").GetString())
            .ShouldBe([Kyc, Marketing], ignoreOrder: true);
    }

    [Fact]
    public void WithoutAConsentOrContractPurposeThereIsNothingToPort()
    {
        var input = Build(RequestType.Portability);
        input = input with { Purposes = [.. input.Purposes.Where(p => !p.Has(LawfulBasisKind.Consent) && !p.Has(LawfulBasisKind.Contract))] };

        PortabilityPackage.Render(input).Errors.ShouldBe([DocumentErrors.NothingPortable]);
    }

    [Fact]
    public void WithoutAnExtractFromAPortableSystemThereIsNoDataToPort()
    {
        var input = Build(RequestType.Portability);
        input = input with { Extracts = [.. input.Extracts.Where(e => e.SourceSystem == Kyc)] };

        PortabilityPackage.Render(input).Errors.ShouldBe([DocumentErrors.NoProvidedData]);
    }

    [Theory]
    [InlineData("riskScore", true)]
    [InlineData("Klantsegment", true)]
    [InlineData("risicoprofiel", true)]
    [InlineData("credit_rating", true)]
    [InlineData("email", false)]
    [InlineData("omschrijving", false)]
    [InlineData("bedrag", false)]
    public void TheNamingConventionTellsDerivedColumnsApart(string column, bool derived) =>
        PortabilityPackage.IsDerivedColumn(column).ShouldBe(derived);
}
