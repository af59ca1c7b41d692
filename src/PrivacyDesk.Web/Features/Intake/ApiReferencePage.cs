namespace PrivacyDesk.Web.Features.Intake;

/// <summary>What PrivacyDesk adds to Scalar's reference page: a loading state and a neutral API key placeholder.</summary>
public static class ApiReferencePage
{
    /// <summary>The loading line shows while Scalar's mount point is still empty; the script fixes the key field's placeholder.</summary>
    public const string Head =
        "<style>.pd-api-loading{display:none;font:16px/1.5 system-ui,sans-serif;color:#4a4a4a;padding:64px 24px;text-align:center}" +
        ".pd-api-loading progress{display:block;margin:16px auto 0;width:min(320px,80%)}" +
        "body:has(#app:empty) .pd-api-loading{display:block}</style>" +
        "<script src=\"/js/api-reference.js\" defer></script>";

    public const string Loading =
        "<div class=\"pd-api-loading\" role=\"status\" data-testid=\"api-reference-loading\">Loading the PrivacyDesk intake API reference…<progress></progress></div>";
}
