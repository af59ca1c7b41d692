namespace PrivacyDesk.Domain.Requests;

/// <summary>How the subject's identity was checked. Which method is proportionate is the officer's call (Art. 12(6)).</summary>
public enum IdentityVerificationMethod
{
    /// <summary>The request came through a channel already tied to the subject (e.g. the e-mail address on file).</summary>
    KnownChannel,
    CustomerPortalLogin,

    /// <summary>A copy of an identity document, with BSN and photo masked, deleted after the check.</summary>
    IdDocumentCopy,
    VideoCall,
    InPersonCheck,
    SecurityQuestions,

    /// <summary>
    /// The requester proved control of the e-mail address by a one-time code (the privacy portal). Low assurance: it shows
    /// the address, not the person; the officer accepts it (address on file) or escalates to a stronger method.
    /// </summary>
    EmailVerified,
}

public enum IdentityVerificationOutcome
{
    Verified,

    /// <summary>Not (yet) proven; the subject may send other proof.</summary>
    NotVerified,

    /// <summary>The controller cannot identify the subject (Art. 11(2), 12(2)); the request can only be refused on that ground.</summary>
    CannotIdentify,
}

/// <summary>The two confirmations the Dutch DPA asks for before an ID copy may be accepted.</summary>
public sealed record IdCopyMasking(bool BsnMasked, bool PhotoMasked);

/// <summary>
/// A masked ID copy and the obligation to delete it. The copy may not be kept after verification,
/// so deletion is due the moment the verification is recorded.
/// </summary>
public sealed record IdDocumentCopy(
    bool BsnMaskConfirmed,
    bool PhotoMaskConfirmed,
    DateTimeOffset DeletionDueAt,
    DateTimeOffset? DeletedAt = null,
    string? DeletionConfirmedById = null,
    string? DeletionConfirmedByName = null)
{
    public bool IsDeleted => DeletedAt is not null;
}

/// <summary>One identity check of a request. A request may have several attempts; the latest counts.</summary>
public sealed class IdentityVerification
{
    public const int NotesMaxLength = 2_000;

    private IdentityVerification()
    {
    }

    internal IdentityVerification(
        IdentityVerificationMethod method, IdentityVerificationOutcome outcome, string verifiedById, string verifiedByName,
        DateTimeOffset verifiedAt, string? notes, IdDocumentCopy? idCopy)
    {
        Id = Guid.CreateVersion7();
        Method = method;
        Outcome = outcome;
        VerifiedById = verifiedById;
        VerifiedByName = verifiedByName;
        VerifiedAt = verifiedAt;
        Notes = notes;
        IdCopy = idCopy;
    }

    public Guid Id { get; private set; }

    public IdentityVerificationMethod Method { get; private set; }

    public IdentityVerificationOutcome Outcome { get; private set; }

    public string VerifiedById { get; private set; } = "";

    public string VerifiedByName { get; private set; } = "";

    public DateTimeOffset VerifiedAt { get; private set; }

    public string? Notes { get; private set; }

    /// <summary>Only for <see cref="IdentityVerificationMethod.IdDocumentCopy"/>.</summary>
    public IdDocumentCopy? IdCopy { get; private set; }

    public bool HasIdCopyAwaitingDeletion => IdCopy is { IsDeleted: false };

    internal void ConfirmIdCopyDeleted(string byId, string byName, DateTimeOffset at) =>
        IdCopy = IdCopy! with { DeletedAt = at, DeletionConfirmedById = byId, DeletionConfirmedByName = byName };
}
