using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PrivacyDesk.Data;
using PrivacyDesk.Data.Portal;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Subjects;

namespace PrivacyDesk.Web.Features.Portal;

/// <summary>
/// What the case's identity panel needs to judge the portal's low-assurance check (ADR 0044): was the address that received the
/// code already on file for the matched subject before this request? Derived, not stored: the request's challenge keeps a keyed
/// hash of the address, and the subject's own registration shows whether they existed before the request.
/// </summary>
public sealed class PortalIdentityEvidence(IOptions<PortalOptions> options)
{
    /// <summary>True or false for a request registered on the portal; null for any other request (nothing to judge).</summary>
    public async Task<bool?> AddressOnFileAsync(PrivacyDeskDbContext db, DataSubjectRequest request, DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(subject);
        if (!request.IdentityVerifications.Any(v => v.Method == IdentityVerificationMethod.EmailVerified) || options.Value.CodeKeyBytes() is not { } key)
        {
            return null;
        }
        var addressHash = await db.PortalChallenges.AsNoTracking()
            .Where(c => c.RequestId == request.Id && c.Purpose == PortalChallengePurpose.SubmitRequest)
            .Select(c => c.EmailHash).FirstOrDefaultAsync(cancellationToken);
        if (addressHash is null || !subject.EmailAddresses.Any(a => PortalChallenge.HashEmail(key, a) == addressHash))
        {
            return false;
        }
        // A subject the registration itself created has the address only because the requester typed it.
        var registered = await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityId == subject.Id.ToString() && e.Action == "subject.registered")
            .Select(e => e.OccurredAt).ToListAsync(cancellationToken);
        return registered.Count > 0 && registered.Min() < request.ReceivedAt;
    }
}
