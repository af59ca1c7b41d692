using PrivacyDesk.Documents.Fonts;

namespace PrivacyDesk.Documents.Tests.Fonts;

public sealed class FontCatalogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pd-fonts-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Touch(params string[] names)
    {
        foreach (var name in names)
        {
            File.WriteAllBytes(Path.Combine(_folder, name), [0]);
        }
    }

    [Fact]
    public void FailsWithAMessageNamingTheFoldersAndThePackageToInstallWhenNoFontIsFound()
    {
        var error = Should.Throw<InvalidOperationException>(() => FontCatalog.Discover([_folder]));

        error.Message.ShouldContain(_folder);
        error.Message.ShouldContain("fonts-liberation2");
        error.Message.ShouldContain("DejaVu Sans");
    }

    [Fact]
    public void PrefersLiberationSansOverDejaVuSans()
    {
        Touch("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf");

        var catalog = FontCatalog.Discover([_folder]);

        catalog.Family.ShouldBe("Liberation Sans");
        Path.GetFileName(catalog.Files[FontStyleKey.Bold]).ShouldBe("LiberationSans-Bold.ttf");
    }

    [Fact]
    public void FallsBackToDejaVuSansAndUsesTheRegularFaceForMissingStyles()
    {
        Touch("DejaVuSans.ttf");

        var catalog = FontCatalog.Discover([_folder]);

        catalog.Family.ShouldBe("DejaVu Sans");
        Path.GetFileName(catalog.Files[FontStyleKey.BoldItalic]).ShouldBe("DejaVuSans.ttf");
    }

    [Fact]
    public void FindsFontsInSubfolders()
    {
        var nested = Directory.CreateDirectory(Path.Combine(_folder, "truetype", "dejavu")).FullName;
        File.WriteAllBytes(Path.Combine(nested, "DejaVuSans.ttf"), [0]);

        FontCatalog.Discover([_folder, Path.Combine(_folder, "does-not-exist")]).Family.ShouldBe("DejaVu Sans");
    }
}
