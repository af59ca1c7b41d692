using System.Globalization;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Components.Pages.Requests.Case;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Hosting;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>A note pasted over the limit: the box keeps every character and says by how much it is too long.</summary>
public sealed class NoteLimitTests : MudBunitContext
{
    /// <summary>4,510 characters, as pasted from an e-mail.</summary>
    private static readonly string Pasted = string.Join(" ", Enumerable.Repeat("Klant belde over de rekening.", 150)) + " Tot ziens.";

    [Theory]
    [InlineData(LocalizationSetup.Dutch, "4.510", "4.000", "er is niets afgeknipt")]
    [InlineData(LocalizationSetup.English, "4,510", "4,000", "nothing was cut off")]
    public void APastedNoteOverTheLimitStaysWholeAndSaysSo(string culture, string length, string max, string reassurance)
    {
        Pasted.Length.ShouldBe(4_510);
        UseCulture(culture);
        RenderProviders();
        var calls = 0;
        var panel = Render<NotesPanel>(p => p.Add(x => x.Notes, Array.Empty<NoteView>()).Add(x => x.CanAdd, true)
            .Add(x => x.OnAdd, _ => { calls++; return Task.FromResult(Result.Success()); }));

        // A maxlength at the limit would make the browser cut the paste without a word (MudBlazor always renders one, by default 524,288).
        int.Parse(panel.Find("[data-testid=note-text]").GetAttribute("maxlength") ?? "524288", CultureInfo.InvariantCulture).ShouldBeGreaterThan(CaseNote.TextMaxLength);
        panel.Find("[data-testid=note-text]").Input(Pasted);

        panel.WaitForAssertion(() =>
        {
            var message = panel.Find("[data-testid=note-too-long]").TextContent;
            message.ShouldContain(length);
            message.ShouldContain(max);
            message.ShouldContain(reassurance);
        });
        panel.Find("[data-testid=note-text]").GetAttribute("value").ShouldBe(Pasted);
        panel.Find("[data-testid=add-note]").HasAttribute("disabled").ShouldBeTrue();
        calls.ShouldBe(0);
    }

    [Fact]
    public void ShorteningTheNoteRemovesTheMessage()
    {
        RenderProviders();
        var panel = Render<NotesPanel>(p => p.Add(x => x.Notes, Array.Empty<NoteView>()).Add(x => x.CanAdd, true)
            .Add(x => x.OnAdd, _ => Task.FromResult(Result.Success())));
        panel.Find("[data-testid=note-text]").Input(Pasted);
        panel.WaitForAssertion(() => panel.FindAll("[data-testid=note-too-long]").ShouldNotBeEmpty());

        panel.Find("[data-testid=note-text]").Input(Pasted[..3_990]);

        panel.WaitForAssertion(() => panel.FindAll("[data-testid=note-too-long]").ShouldBeEmpty());
        panel.Find("[data-testid=add-note]").HasAttribute("disabled").ShouldBeFalse();
    }
}
