using System.Globalization;
using System.Text.Json;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Register;

namespace PrivacyDesk.Web.Components.Pages.Register;

/// <summary>
/// What the purpose page holds: the purpose as read, the form being edited (and whether it differs from what
/// was saved), the load state and the errors of the last save. The page renders it and calls the service.
/// </summary>
public sealed class PurposeDetailsState(bool mayEdit)
{
    private string? _key;
    private string _savedSnapshot = "";

    public bool MayEdit { get; } = mayEdit;

    public PurposeDetail? Detail { get; private set; }

    /// <summary>The form being edited; replaced only by a successful read, so a refused save keeps what the user typed.</summary>
    public PurposeForm? Form { get; private set; }

    public bool Loading { get; private set; } = true;

    public bool NotFound { get; private set; }

    public bool LoadFailed { get; private set; }

    public PageLoadFailure? LoadFailure { get; private set; }

    public IReadOnlyList<PrivacyDesk.Domain.Common.Error> Errors { get; private set; } = [];

    /// <summary>Someone else saved since this page read the purpose: said apart, with a reload button.</summary>
    public PrivacyDesk.Domain.Common.Error? Stale { get; private set; }

    /// <summary>The open tab: 0 the details, 1 the history.</summary>
    public int Tab { get; set; }

    public bool Busy { get; set; }

    public string Name => Detail?.Definition.Name.In(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ?? "";

    public bool ReadOnly => !MayEdit || Detail?.Status == PurposeStatus.Retired;

    public bool MaySave => MayEdit && Detail is { Status: not PurposeStatus.Retired };

    public bool MayActivate => MayEdit && Detail is { Status: PurposeStatus.Draft };

    public bool MayRetire => MayEdit && Detail is { Status: PurposeStatus.Active };

    /// <summary>The form differs from what was last read or saved.</summary>
    public bool IsDirty => Form is not null && Snapshot(Form) != _savedSnapshot;

    /// <summary>Errors about the purpose as a whole; the stale edit has its own notice.</summary>
    public IEnumerable<PrivacyDesk.Domain.Common.Error> GeneralErrors => Errors.Where(e => e != Stale && ViolationTargets.SectionFor(e) is null);

    /// <summary>Errors that point at a section of the form, each a link to it.</summary>
    public IReadOnlyList<PrivacyDesk.Domain.Common.Error> SectionErrors => [.. Errors.Where(e => ViolationTargets.SectionFor(e) is not null)];

    /// <summary>What a draft still lacks before it may be activated, shown until a save says something itself.</summary>
    public bool ShowsDraftViolations => Detail is { Status: PurposeStatus.Draft, Violations.Count: > 0 } && Errors.Count == 0;

    /// <summary>Only a new key reads the purpose again: a re-render must never throw away what the user typed.</summary>
    public bool Opens(string key)
    {
        if (_key == key)
        {
            return false;
        }
        _key = key;
        Detail = null;
        return true;
    }

    /// <summary>Before a read: the spinner only when there is nothing to show yet.</summary>
    public void Reading()
    {
        Loading = Detail is null;
        LoadFailed = false;
        LoadFailure = null;
        NotFound = false;
    }

    public void Read(Result<PurposeDetail> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Loading = false;
        NotFound = result.Errors.Any(e => e == RegisterErrors.NotFound);
        LoadFailed = result.IsFailure && !NotFound;
        if (result.IsSuccess)
        {
            Detail = result.Value;
            Form = PurposeForm.From(Detail.Definition);
            _savedSnapshot = Snapshot(Form);
            Errors = [];
            Stale = null;
        }
    }

    public void ReadFailed(PageLoadFailure failure)
    {
        Loading = false;
        LoadFailed = true;
        LoadFailure = failure;
    }

    /// <summary>The form keeps everything the user typed; only the messages change.</summary>
    public void SaveRefused(IReadOnlyList<PrivacyDesk.Domain.Common.Error> errors)
    {
        Errors = errors;
        Stale = errors.FirstOrDefault(e => e.Code == StaleEdit.Code);
    }

    private static string Snapshot(PurposeForm value) => JsonSerializer.Serialize(value);
}
