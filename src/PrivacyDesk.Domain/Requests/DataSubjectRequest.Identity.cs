using System.Globalization;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Requests;

/// <summary>Identity verification (Art. 11(2), 12(2), 12(6)) and the deletion of ID copies.</summary>
public sealed partial class DataSubjectRequest
{
    /// <summary>
    /// Asks the subject for proof of identity because there is reasonable doubt (Art. 12(6)). The time
    /// is kept so a policy that pauses the clock can count the days until the proof arrives.
    /// </summary>
    public Result RequestIdentityVerification(Actor actor, DateTimeOffset at, string? whatIsAsked = null)
    {
        var allowed = MayChange(actor, nameof(RequestIdentityVerification), RequestStatus.Received);
        if (allowed.IsFailure)
        {
            return allowed;
        }
        var errors = new List<Error>();
        AddIfTooLong(errors, whatIsAsked, ReasonMaxLength, nameof(whatIsAsked));
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }
        IdentityRequestedAt = at;
        IdentityProofReceivedAt = null;
        ChangeStatus(
            RequestStatus.AwaitingIdentity, RequestActions.IdentityRequested, actor, at, Trimmed(whatIsAsked),
            ("identityRequestedAt", Instant(at)));
        return Result.Success();
    }

    /// <summary>
    /// Records an identity check and its outcome. An ID document copy is only accepted with BSN and
    /// photo masked, and its deletion becomes due at once. After an identity request,
    /// <paramref name="proofReceivedAt"/> (default: now) ends the optional clock pause.
    /// </summary>
    public Result<IdentityVerification> RecordIdentityVerification(
        Actor actor,
        DateTimeOffset at,
        IdentityVerificationMethod method,
        IdentityVerificationOutcome outcome,
        string? notes = null,
        IdCopyMasking? idCopyMasking = null,
        DateTimeOffset? proofReceivedAt = null)
    {
        var allowed = MayChange(actor, nameof(RecordIdentityVerification), RequestStatus.Received, RequestStatus.AwaitingIdentity);
        if (allowed.IsFailure)
        {
            return Result<IdentityVerification>.Failure(allowed.Errors);
        }
        var errors = new List<Error>();
        AddIfTooLong(errors, notes, IdentityVerification.NotesMaxLength, nameof(notes));
        if (method == IdentityVerificationMethod.IdDocumentCopy)
        {
            if (idCopyMasking is null)
            {
                errors.Add(RequestErrors.IdCopyMaskingRequired);
            }
            else
            {
                // Dutch DPA: a copy with a visible BSN or photo may not be accepted at all.
                if (!idCopyMasking.BsnMasked)
                {
                    errors.Add(RequestErrors.IdCopyBsnNotMasked);
                }
                if (!idCopyMasking.PhotoMasked)
                {
                    errors.Add(RequestErrors.IdCopyPhotoNotMasked);
                }
            }
        }
        else if (idCopyMasking is not null)
        {
            errors.Add(RequestErrors.IdCopyNotExpected);
        }
        if (proofReceivedAt is { } proof
            && (Status != RequestStatus.AwaitingIdentity || proof < IdentityRequestedAt || proof > at))
        {
            errors.Add(RequestErrors.ProofDateInvalid);
        }
        if (errors.Count > 0)
        {
            return Result<IdentityVerification>.Failure(errors);
        }

        var idCopy = method == IdentityVerificationMethod.IdDocumentCopy
            ? new IdDocumentCopy(BsnMaskConfirmed: true, PhotoMaskConfirmed: true, DeletionDueAt: at)
            : null;
        var verification = new IdentityVerification(method, outcome, actor.Id, actor.Name, at, Trimmed(notes), idCopy);
        _identityVerifications.Add(verification);
        if (Status == RequestStatus.AwaitingIdentity)
        {
            IdentityProofReceivedAt = proofReceivedAt ?? at;
        }
        var action = outcome switch
        {
            IdentityVerificationOutcome.Verified => RequestActions.IdentityVerified,
            IdentityVerificationOutcome.NotVerified => RequestActions.IdentityNotVerified,
            _ => RequestActions.IdentityNotIdentified,
        };
        Audit(action, actor, at, after: Fields(
            ("verificationId", verification.Id.ToString()),
            ("method", method.ToString()),
            ("outcome", outcome.ToString()),
            ("bsnMasked", idCopy is null ? null : "true"),
            ("photoMasked", idCopy is null ? null : "true"),
            ("idCopyDeletionDueAt", idCopy is null ? null : Instant(idCopy.DeletionDueAt)),
            ("identityProofReceivedAt", IdentityProofReceivedAt is { } received ? Instant(received) : null)));
        return Result<IdentityVerification>.Of(verification);
    }

    /// <summary>
    /// Confirms that the ID copy of a verification has been destroyed. Possible in any status, also
    /// after withdrawal: the obligation outlives the case.
    /// </summary>
    public Result ConfirmIdCopyDeleted(Actor actor, Guid verificationId, DateTimeOffset at)
    {
        var allowed = MayChange(actor, nameof(ConfirmIdCopyDeleted), Enum.GetValues<RequestStatus>());
        if (allowed.IsFailure)
        {
            return allowed;
        }
        var verification = _identityVerifications.SingleOrDefault(candidate => candidate.Id == verificationId);
        if (verification?.IdCopy is null)
        {
            return Result.Failure(RequestErrors.IdCopyUnknown);
        }
        if (verification.IdCopy.IsDeleted)
        {
            return Result.Failure(RequestErrors.IdCopyAlreadyDeleted);
        }
        verification.ConfirmIdCopyDeleted(actor.Id, actor.Name, at);
        Audit(RequestActions.IdCopyDeleted, actor, at,
            Fields(("verificationId", verificationId.ToString()), ("idCopyDeletedAt", null)),
            Fields(("verificationId", verificationId.ToString()), ("idCopyDeletedAt", Instant(at))));
        return Result.Success();
    }

    /// <summary>ID copies whose deletion is due and not yet confirmed.</summary>
    public IReadOnlyList<IdentityVerification> IdCopiesAwaitingDeletion =>
        [.. _identityVerifications.Where(verification => verification.HasIdCopyAwaitingDeletion)];

    private static string Instant(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}
