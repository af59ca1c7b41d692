using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Web.Features.Portal;

/// <summary>
/// Who the audit trail names for what the portal does on the subject's behalf (issue 16). A system actor, not a person: it
/// holds the privacy officer's role only because the domain lets a case be changed by those who handle requests, and it
/// only ever relays the subject's own acts after a verified code (register, e-mail verified, withdraw, a message).
/// </summary>
public static class PortalActor
{
    public const string Id = "portal";

    public static Actor Instance { get; } = new(Id, "Privacyportaal", [StaffRole.PrivacyOfficer]);
}
