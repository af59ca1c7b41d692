namespace PrivacyDesk.Web.Features.Portal;

/// <summary>The portal's stylesheet, embedded and sent inline: one request on a phone, and nothing to route through a proxy's host name.</summary>
public static class PortalStyles
{
    public static string Css { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(PortalStyles).Assembly.GetManifestResourceStream("PrivacyDesk.Web.Portal.css")
            ?? throw new InvalidOperationException("The portal's stylesheet is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
