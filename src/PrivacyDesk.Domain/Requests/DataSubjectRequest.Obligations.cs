using PrivacyDesk.Domain.Deadlines;
using System.Globalization;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Domain.Requests;

/// <summary>Extension (Art. 12(3)), fees (12(5), 15(3)), recipient notifications (19) and restriction (18(3)).</summary>
public sealed partial class DataSubjectRequest
{
    /// <summary>
    /// Extends the deadline once by two further months, for complexity or the number of requests,
    /// when the subject was told on or before the original due date.
    /// </summary>
    /// <param name="extendedDueOn">The extended deadline the calculator computed (three months from receipt).</param>
    public Result Extend(
        Actor actor, DateTimeOffset at, ExtensionReason reason, string explanation, DateOnly subjectNotifiedOn, DateOnly extendedDueOn)
    {
        var allowed = MayChange(actor, nameof(Extend), AnyOpen);
        if (allowed.IsFailure)
        {
            return allowed;
        }
        if (Extension is not null)
        {
            return Result.Failure(RequestErrors.ExtensionAlreadyExtended);
        }
        var errors = new List<Error>();
        if (IsBlank(explanation))
        {
            errors.Add(RequestErrors.ExtensionExplanationRequired);
        }
        AddIfTooLong(errors, explanation, RequestExtension.ExplanationMaxLength, nameof(explanation));
        if (subjectNotifiedOn < ReceivedOn)
        {
            errors.Add(RequestErrors.ExtensionNoticeDateInvalid);
        }
        // Art. 12(3): the subject must hear of the extension within the first month; the due date itself still counts.
        if (subjectNotifiedOn > DueOn)
        {
            errors.Add(RequestErrors.ExtensionTooLate);
        }
        if (extendedDueOn <= DueOn)
        {
            errors.Add(RequestErrors.ExtensionDueNotLater);
        }
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }
        Extension = new RequestExtension(reason, explanation.Trim(), subjectNotifiedOn, extendedDueOn, actor.Id, actor.Name, at);
        Audit(RequestActions.Extended, actor, at,
            Fields(("dueOn", Iso(DueOn)), ("extendedDueOn", null)),
            Fields(("dueOn", Iso(DueOn)), ("extendedDueOn", Iso(extendedDueOn)), ("extensionReason", reason.ToString()),
                ("subjectNotifiedOn", Iso(subjectNotifiedOn))),
            explanation.Trim());
        return Result.Success();
    }

    /// <summary>
    /// Records the fee notice the subject receives before any fee is charged, so they can withdraw.
    /// The first copy is free; additional copies only for access requests; unfounded or excessive
    /// requests only with a demonstration.
    /// </summary>
    /// <param name="copyNumber">For <see cref="FeeReason.AdditionalCopy"/>: which copy is asked for (1 is the first).</param>
    public Result NotifyFee(
        Actor actor, DateTimeOffset at, FeeReason reason, long amountInCents, int? copyNumber = null, string? demonstration = null)
    {
        var allowed = MayChange(actor, nameof(NotifyFee), AnyOpen);
        if (allowed.IsFailure)
        {
            return allowed;
        }
        if (Fee is not null)
        {
            return Result.Failure(RequestErrors.FeeAlreadyNotified);
        }
        var errors = new List<Error>();
        if (amountInCents <= 0)
        {
            errors.Add(RequestErrors.FeeAmountInvalid);
        }
        if (reason == FeeReason.AdditionalCopy)
        {
            // Art. 15(3): a copy is the access right's remedy; other rights have no "additional copy".
            if (Type != RequestType.Access)
            {
                errors.Add(RequestErrors.FeeAdditionalCopyOnlyForAccess);
            }
            if (copyNumber is null or < 2)
            {
                errors.Add(RequestErrors.FeeFirstCopyFree);
            }
        }
        else if (IsBlank(demonstration))
        {
            errors.Add(RequestErrors.FeeDemonstrationRequired);
        }
        AddIfTooLong(errors, demonstration, FeeNotice.DemonstrationMaxLength, nameof(demonstration));
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }
        Fee = new FeeNotice(
            reason, amountInCents, reason == FeeReason.AdditionalCopy ? copyNumber : null, Trimmed(demonstration), at, actor.Id, actor.Name);
        Audit(RequestActions.FeeNotified, actor, at, after: Fields(
            ("feeReason", reason.ToString()),
            ("amountInCents", amountInCents.ToString(CultureInfo.InvariantCulture)),
            ("copyNumber", Fee.CopyNumber?.ToString(CultureInfo.InvariantCulture)),
            ("feeStatus", nameof(FeeStatus.Notified))), reason: Fee.Demonstration);
        return Result.Success();
    }

    /// <summary>Records payment. Refused without a prior fee notice: nothing may be charged the subject was not told of.</summary>
    public Result RecordFeePaid(Actor actor, DateTimeOffset at)
    {
        var settleable = MaySettleFee(actor, nameof(RecordFeePaid));
        if (settleable.IsFailure)
        {
            return settleable;
        }
        Fee = Fee! with { Status = FeeStatus.Paid, SettledAt = at };
        Audit(RequestActions.FeePaid, actor, at, Fields(("feeStatus", nameof(FeeStatus.Notified))), Fields(("feeStatus", nameof(FeeStatus.Paid))));
        return Result.Success();
    }

    /// <summary>Drops a notified fee, with the reason.</summary>
    public Result WaiveFee(Actor actor, DateTimeOffset at, string reason)
    {
        var settleable = MaySettleFee(actor, nameof(WaiveFee));
        if (settleable.IsFailure)
        {
            return settleable;
        }
        var errors = new List<Error>();
        if (IsBlank(reason))
        {
            errors.Add(RequestErrors.FeeWaiverReasonRequired);
        }
        AddIfTooLong(errors, reason, ReasonMaxLength, nameof(reason));
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }
        Fee = Fee! with { Status = FeeStatus.Waived, SettledAt = at, WaiverReason = reason.Trim() };
        Audit(RequestActions.FeeWaived, actor, at, Fields(("feeStatus", nameof(FeeStatus.Notified))), Fields(("feeStatus", nameof(FeeStatus.Waived))), reason.Trim());
        return Result.Success();
    }

    /// <summary>
    /// Plans one Art. 19 notification per recipient of a purpose for which the rectification, erasure
    /// or restriction is carried out. May be called again to add recipients; an empty list records
    /// that there are none.
    /// </summary>
    public Result<IReadOnlyList<RecipientNotification>> PlanRecipientNotifications(
        Actor actor, DateTimeOffset at, IEnumerable<PlannedRecipient> recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var allowed = MayChange(actor, nameof(PlanRecipientNotifications), RequestStatus.InProgress, RequestStatus.AwaitingApproval);
        if (allowed.IsFailure)
        {
            return Result<IReadOnlyList<RecipientNotification>>.Failure(allowed.Errors);
        }
        if (!RequiresRecipientNotifications)
        {
            return Result<IReadOnlyList<RecipientNotification>>.Failure(RequestErrors.RecipientsNotApplicable);
        }
        var planned = recipients.ToList();
        var current = CurrentDecisions.ToDictionary(decision => decision.PurposeId);
        var errors = new List<Error>();
        var seen = new HashSet<(string, Guid)>(_recipientNotifications.Select(notification => (Key(notification.RecipientName), notification.PurposeId)));
        foreach (var recipient in planned)
        {
            if (IsBlank(recipient.Name))
            {
                errors.Add(RequestErrors.RecipientNameRequired);
                continue;
            }
            AddIfTooLong(errors, recipient.Name, RecipientNotification.NameMaxLength, nameof(recipient.Name));
            if (!current.TryGetValue(recipient.PurposeId, out var decision))
            {
                errors.Add(RequestErrors.RecipientPurposeNotDecided);
            }
            // Art. 19 covers what was "carried out": a purpose whose part of the request was refused changes nothing to report.
            else if (!decision.IsCarriedOut)
            {
                errors.Add(RequestErrors.RecipientPurposeNotAffected);
            }
            if (!seen.Add((Key(recipient.Name), recipient.PurposeId)))
            {
                errors.Add(RequestErrors.RecipientDuplicate);
            }
        }
        if (errors.Count > 0)
        {
            return Result<IReadOnlyList<RecipientNotification>>.Failure(errors.Distinct());
        }
        WithdrawApprovalForChange(actor, at, "recipients");
        var notifications = planned.Select(recipient => new RecipientNotification(recipient, at)).ToList();
        _recipientNotifications.AddRange(notifications);
        RecipientNotificationsPlanned = true;
        Audit(RequestActions.RecipientsPlanned, actor, at, after: Fields(
            ("planned", notifications.Count.ToString(CultureInfo.InvariantCulture)),
            ("recipients", string.Join("; ", notifications.Select(notification => $"{notification.RecipientName} ({notification.PurposeId})")))));
        return Result<IReadOnlyList<RecipientNotification>>.Of(notifications);
    }

    /// <summary>Records that a recipient was notified.</summary>
    public Result MarkRecipientNotified(Actor actor, Guid notificationId, DateTimeOffset at)
    {
        var open = OpenNotification(actor, notificationId, nameof(MarkRecipientNotified));
        if (open.IsFailure)
        {
            return open;
        }
        open.Value.MarkSent(actor.Id, at);
        Audit(RequestActions.RecipientNotified, actor, at, NotificationFields(open.Value, RecipientNotificationStatus.Open), NotificationFields(open.Value, open.Value.Status));
        return Result.Success();
    }

    /// <summary>
    /// Records that a recipient's notification was e-mailed to <paramref name="emailAddress"/> (the register's address, kept as it
    /// was then): sent, like <see cref="MarkRecipientNotified"/>, so the Art. 19 check counts it done. The caller queues the e-mail
    /// with its secure link in the same change.
    /// </summary>
    public Result EmailRecipientNotification(Actor actor, Guid notificationId, DateTimeOffset at, string emailAddress)
    {
        var open = OpenNotification(actor, notificationId, nameof(EmailRecipientNotification));
        if (open.IsFailure)
        {
            return open;
        }
        var address = emailAddress?.Trim();
        if (!ContactDetails.IsEmailAddress(address, RecipientNotification.EmailMaxLength))
        {
            return Result.Failure(RequestErrors.RecipientEmailInvalid);
        }
        open.Value.MarkEmailed(address!, actor.Id, at);
        var after = NotificationFields(open.Value, open.Value.Status);
        after["channel"] = nameof(RecipientNotificationChannel.Email);
        after["emailedTo"] = address;
        Audit(RequestActions.RecipientEmailed, actor, at, NotificationFields(open.Value, RecipientNotificationStatus.Open), after);
        return Result.Success();
    }

    /// <summary>Records that notifying a recipient is impossible or involves disproportionate effort, with the reason (Art. 19).</summary>
    public Result ExemptRecipientNotification(
        Actor actor, Guid notificationId, DateTimeOffset at, RecipientNotificationExemption exemption, string reason)
    {
        var open = OpenNotification(actor, notificationId, nameof(ExemptRecipientNotification));
        if (open.IsFailure)
        {
            return open;
        }
        var errors = new List<Error>();
        if (IsBlank(reason))
        {
            errors.Add(RequestErrors.RecipientExemptionReasonRequired);
        }
        AddIfTooLong(errors, reason, RecipientNotification.ReasonMaxLength, nameof(reason));
        if (errors.Count > 0)
        {
            return Result.Failure(errors);
        }
        open.Value.Exempt(exemption, reason.Trim(), actor.Id, at);
        Audit(RequestActions.RecipientExempted, actor, at, NotificationFields(open.Value, RecipientNotificationStatus.Open), NotificationFields(open.Value, open.Value.Status), reason.Trim());
        return Result.Success();
    }

    /// <summary>Records that the processing is restricted (Art. 18): the data stay stored but are otherwise not used.</summary>
    public Result ApplyRestriction(Actor actor, DateTimeOffset at)
    {
        var allowed = MayChange(actor, nameof(ApplyRestriction), RequestStatus.InProgress, RequestStatus.AwaitingApproval);
        if (allowed.IsFailure)
        {
            return allowed;
        }
        if (Type != RequestType.Restriction)
        {
            return Result.Failure(RequestErrors.NotARestrictionRequest);
        }
        if (RestrictionAppliedAt is not null)
        {
            return Result.Failure(RequestErrors.RestrictionAlreadyApplied);
        }
        RestrictionAppliedAt = at;
        Audit(RequestActions.RestrictionApplied, actor, at, Fields(("restricted", "false")), Fields(("restricted", "true")));
        return Result.Success();
    }

    /// <summary>
    /// Records that the subject was told the restriction will be lifted (Art. 18(3)). A restriction
    /// outlives the request, so this is possible after the case is closed.
    /// </summary>
    public Result NotifyRestrictionLift(Actor actor, DateTimeOffset at)
    {
        var allowed = MayChangeRestriction(actor, nameof(NotifyRestrictionLift));
        if (allowed.IsFailure)
        {
            return allowed;
        }
        if (RestrictionLiftNotifiedAt is not null)
        {
            return Result.Failure(RequestErrors.RestrictionLiftAlreadyNotified);
        }
        RestrictionLiftNotifiedAt = at;
        Audit(RequestActions.RestrictionLiftNotified, actor, at, after: Fields(("restrictionLiftNotifiedAt", Instant(at))));
        return Result.Success();
    }

    /// <summary>Lifts the restriction; only after the subject has been told (Art. 18(3)).</summary>
    public Result LiftRestriction(Actor actor, DateTimeOffset at)
    {
        var allowed = MayChangeRestriction(actor, nameof(LiftRestriction));
        if (allowed.IsFailure)
        {
            return allowed;
        }
        if (RestrictionLiftNotifiedAt is null || RestrictionLiftNotifiedAt > at)
        {
            return Result.Failure(RequestErrors.RestrictionLiftNotNotified);
        }
        RestrictionLiftedAt = at;
        Audit(RequestActions.RestrictionLifted, actor, at, Fields(("restricted", "true")), Fields(("restricted", "false")));
        return Result.Success();
    }

    private Result MayChangeRestriction(Actor actor, string action)
    {
        var allowed = MayChange(actor, action, Enum.GetValues<RequestStatus>());
        if (allowed.IsFailure)
        {
            return allowed;
        }
        if (Type != RequestType.Restriction)
        {
            return Result.Failure(RequestErrors.NotARestrictionRequest);
        }
        if (RestrictionAppliedAt is null)
        {
            return Result.Failure(RequestErrors.RestrictionNotApplied);
        }
        return RestrictionLiftedAt is null ? Result.Success() : Result.Failure(RequestErrors.RestrictionAlreadyLifted);
    }

    private Result MaySettleFee(Actor actor, string action)
    {
        var allowed = MayChange(actor, action, AnyOpen);
        if (allowed.IsFailure)
        {
            return allowed;
        }
        if (Fee is null)
        {
            return Result.Failure(RequestErrors.FeeNotNotified);
        }
        return Fee.IsOutstanding ? Result.Success() : Result.Failure(RequestErrors.FeeNotOutstanding);
    }

    private Result<RecipientNotification> OpenNotification(Actor actor, Guid notificationId, string action)
    {
        var allowed = MayChange(actor, action, RequestStatus.InProgress, RequestStatus.AwaitingApproval);
        if (allowed.IsFailure)
        {
            return Result<RecipientNotification>.Failure(allowed.Errors);
        }
        var notification = _recipientNotifications.SingleOrDefault(candidate => candidate.Id == notificationId);
        if (notification is null)
        {
            return Result<RecipientNotification>.Failure(RequestErrors.RecipientNotificationUnknown);
        }
        return notification.IsOpen
            ? Result<RecipientNotification>.Of(notification)
            : Result<RecipientNotification>.Failure(RequestErrors.RecipientNotificationClosed);
    }

    private static Dictionary<string, string?> NotificationFields(RecipientNotification notification, RecipientNotificationStatus status) => Fields(
        ("notificationId", notification.Id.ToString()),
        ("recipient", notification.RecipientName),
        ("purposeId", notification.PurposeId.ToString()),
        ("notificationStatus", status.ToString()));

    private static string Key(string name) => name.Trim().ToUpperInvariant();
}
