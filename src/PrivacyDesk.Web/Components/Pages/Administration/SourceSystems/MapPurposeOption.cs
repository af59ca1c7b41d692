using PrivacyDesk.Domain.Common;
using PrivacyDesk.Web.Components.Shared;

namespace PrivacyDesk.Web.Components.Pages.Administration.SourceSystems;

/// <summary>An active register purpose a table may serve, with the data categories its columns may then hold.</summary>
public sealed record MapPurposeOption(string Key, LocalizedText Name, IReadOnlyList<string> Categories)
{
    public string Label => Name.In(Terms.Language);
}
