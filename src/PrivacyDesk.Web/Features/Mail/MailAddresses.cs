namespace PrivacyDesk.Web.Features.Mail;

/// <summary>Addresses as lists show them to people who need not know them: the first letter and the domain (j***@example.nl).</summary>
public static class MailAddresses
{
    public static string Mask(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return "";
        }
        var trimmed = address.Trim();
        var at = trimmed.LastIndexOf('@');
        return at <= 0 ? "***" : $"{trimmed[0]}***{trimmed[at..]}";
    }
}
