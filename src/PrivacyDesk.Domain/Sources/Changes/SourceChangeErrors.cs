using PrivacyDesk.Domain.Common;

namespace PrivacyDesk.Domain.Sources.Changes;

/// <summary>
/// The expected failures of planning, approving and running changes in source systems, of the retention ledger and of
/// a rectification's corrected values (issue 15, ADR 0040). Arguments name systems, tables, columns and numbers only.
/// </summary>
public static class SourceChangeErrors
{
    public static readonly Error Forbidden = new("source.change.forbidden");

    /// <summary>Argument <c>type</c>: only erasure, restriction and rectification change source systems.</summary>
    public static readonly Error KindNotChanging = new("source.change.kind_not_changing");

    public static readonly Error NothingToDo = new("source.change.nothing_to_do");

    public static readonly Error FingerprintInvalid = new("source.change.fingerprint_invalid");

    public static readonly Error VersionInvalid = new("source.change.version_invalid");

    public static readonly Error SystemDuplicate = new("source.change.system_duplicate");

    /// <summary>Argument <c>status</c>.</summary>
    public static readonly Error NotAwaitingApproval = new("source.change.not_awaiting_approval");

    public static readonly Error ApprovalNotPermitted = new("source.change.approval_not_permitted");

    /// <summary>Four eyes: the case's handler or the plan's maker cannot approve it.</summary>
    public static readonly Error ApprovalOwnPlan = new("source.change.approval_own_plan");

    /// <summary>Arguments <c>table</c>, <c>count</c> and <c>max</c>.</summary>
    public static readonly Error LargeChangeUnconfirmed = new("source.change.large_change_unconfirmed");

    /// <summary>Argument <c>status</c>.</summary>
    public static readonly Error NotApproved = new("source.change.not_approved");

    public static readonly Error SystemUnknown = new("source.change.system_unknown");

    /// <summary>Argument <c>system</c>.</summary>
    public static readonly Error SystemFinished = new("source.change.system_finished");

    /// <summary>Argument <c>system</c>.</summary>
    public static readonly Error SystemNeedsNewApproval = new("source.change.system_needs_new_approval");

    /// <summary>The case's decisions, corrections or the systems' maps changed since the plan was made: it may be neither approved nor run.</summary>
    public static readonly Error PlanOutdated = new("source.change.plan_outdated");

    /// <summary>Argument <c>system</c>: the system's data map changed since the dry run, so the approved statements no longer describe it.</summary>
    public static readonly Error MapChanged = new("source.change.map_changed");

    /// <summary>Argument <c>system</c>: a manual system (or work by hand) is confirmed, not run.</summary>
    public static readonly Error SystemIsManual = new("source.change.system_is_manual");

    /// <summary>Argument <c>system</c>.</summary>
    public static readonly Error NotByHand = new("source.change.not_by_hand");

    /// <summary>Argument <c>system</c>: the product's own changes must be done before the work by hand is confirmed.</summary>
    public static readonly Error RunBeforeHand = new("source.change.run_before_hand");

    public static readonly Error HandNoteRequired = new("source.change.hand_note_required", "Note");

    /// <summary>Argument <c>max</c>.</summary>
    public static readonly Error HandNoteTooLong = new("source.change.hand_note_too_long", "Note");

    /// <summary>Argument <c>system</c>.</summary>
    public static readonly Error ProofDoesNotHold = new("source.change.proof_does_not_hold");

    public static readonly Error ErrorCodeRequired = new("source.change.error_code_required");

    /// <summary>Argument <c>status</c>.</summary>
    public static readonly Error Closed = new("source.change.closed");

    public static readonly Error ReasonRequired = new("source.change.reason_required", "Reason");

    /// <summary>Argument <c>max</c>.</summary>
    public static readonly Error ReasonTooLong = new("source.change.reason_too_long", "Reason");

    /// <summary>Arguments <c>system</c>, <c>table</c> and <c>column</c>: a correction names something the system's map does not have.</summary>
    public static readonly Error CorrectionTargetUnknown = new("source.change.correction_target_unknown");

    /// <summary>Arguments <c>system</c>, <c>table</c> and <c>column</c>: keys and references are never rewritten.</summary>
    public static readonly Error CorrectionColumnIsKey = new("source.change.correction_column_is_key");

    public static readonly Error CorrectionNotRectification = new("source.change.correction_not_rectification");

    public static readonly Error CorrectionTargetRequired = new("source.change.correction_target_required", "Column");

    /// <summary>Argument <c>max</c>.</summary>
    public static readonly Error CorrectionTargetTooLong = new("source.change.correction_target_too_long", "Column");

    public static readonly Error CorrectionValueRequired = new("source.change.correction_value_required", "Value");

    /// <summary>Argument <c>max</c>.</summary>
    public static readonly Error CorrectionValueTooLong = new("source.change.correction_value_too_long", "Value");

    public static readonly Error CorrectionNotFound = new("source.change.correction_not_found");

    public static readonly Error RetentionMissing = new("retention.entry.no_retention");

    public static readonly Error RetentionNotErasure = new("retention.entry.not_erasure");

    /// <summary>Argument <c>status</c>.</summary>
    public static readonly Error RetentionNotRunning = new("retention.entry.not_running");

    /// <summary>Argument <c>until</c> (may be "?").</summary>
    public static readonly Error RetentionNotDue = new("retention.entry.not_due");

    /// <summary>Argument <c>status</c>.</summary>
    public static readonly Error RetentionNoFollowUp = new("retention.entry.no_follow_up");

    public static readonly Error RetentionReasonRequired = new("retention.entry.reason_required", "Reason");

    /// <summary>Argument <c>max</c>.</summary>
    public static readonly Error RetentionReasonTooLong = new("retention.entry.reason_too_long", "Reason");

    public static IReadOnlyDictionary<string, LocalizedText> Messages { get; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [Forbidden.Code] = new("U mag wijzigingen in bronsystemen niet plannen of bevestigen.", "You may not plan or confirm changes in source systems."),
        [KindNotChanging.Code] = new("Alleen wissen, beperken en rectificeren wijzigen gegevens in de bronsystemen (dit is een {type}-verzoek).", "Only erasure, restriction and rectification change data in the source systems (this is a {type} request)."),
        [NothingToDo.Code] = new("Er is niets te wijzigen: geen enkel systeem bevat gegevens van deze doelen.", "There is nothing to change: no system holds data of these purposes."),
        [FingerprintInvalid.Code] = new("Het plan mist de vingerafdruk van de beslissingen waaruit het is berekend.", "The plan lacks the fingerprint of the decisions it was computed from."),
        [VersionInvalid.Code] = new("Het versienummer van een plan begint bij 1.", "A plan's version number starts at 1."),
        [SystemDuplicate.Code] = new("Een systeem staat twee keer in het plan.", "A system is in the plan twice."),
        [NotAwaitingApproval.Code] = new("Dit plan wacht niet (meer) op goedkeuring (status: {status}).", "This plan is not (or no longer) awaiting approval (status: {status})."),
        [ApprovalNotPermitted.Code] = new("Alleen een teamleider mag een wijziging in de bronsystemen goedkeuren.", "Only a team lead may approve a change in the source systems."),
        [ApprovalOwnPlan.Code] = new("Vier ogen: wie de zaak behandelt of het plan maakte, mag het niet zelf goedkeuren.", "Four eyes: whoever handles the case or made the plan may not approve it."),
        [LargeChangeUnconfirmed.Code] = new("Tabel {table} zou {count} rijen wijzigen, meer dan het maximum van {max}. Bevestig dit aantal uitdrukkelijk om goed te keuren.", "Table {table} would change {count} rows, more than the maximum of {max}. Confirm this number explicitly to approve."),
        [NotApproved.Code] = new("Dit plan is niet goedgekeurd of niet meer open (status: {status}); er wordt niets uitgevoerd.", "This plan is not approved or no longer open (status: {status}); nothing runs."),
        [SystemUnknown.Code] = new("Dit systeem hoort niet bij het plan.", "This system is not part of the plan."),
        [SystemFinished.Code] = new("In {system} is dit plan al uitgevoerd of bevestigd.", "This plan has already been carried out or confirmed in {system}."),
        [PlanOutdated.Code] = new(
            "De besluiten, correcties of gegevenskaarten zijn gewijzigd sinds dit plan is gemaakt. Het wordt niet goedgekeurd of uitgevoerd; maak een nieuw plan.",
            "The decisions, corrections or data maps changed since this plan was made. It is neither approved nor run; make a new plan."),
        [MapChanged.Code] = new(
            "De gegevenskaart van {system} is gewijzigd sinds de proefrun: maak een nieuw plan en laat het opnieuw goedkeuren. Er is niets gewijzigd in dit systeem.",
            "The data map of {system} changed since the dry run: make a new plan and have it approved again. Nothing was changed in this system."),
        [SystemNeedsNewApproval.Code] = new("{system} wacht op een nieuw plan en een nieuwe goedkeuring: de gegevens zijn veranderd sinds de proefrun.", "{system} waits for a new plan and a new approval: the data changed since the dry run."),
        [SystemIsManual.Code] = new("{system} wordt niet door PrivacyDesk gewijzigd: het team van het systeem doet het en u bevestigt het met een toelichting.", "{system} is not changed by PrivacyDesk: the system's team does it and you confirm with a note."),
        [NotByHand.Code] = new("Voor {system} is er niets met de hand te doen; PrivacyDesk voert het plan zelf uit.", "There is nothing to do by hand for {system}; PrivacyDesk carries out the plan itself."),
        [RunBeforeHand.Code] = new("Voer eerst de wijzigingen van PrivacyDesk in {system} uit; bevestig daarna het werk met de hand.", "First run PrivacyDesk's changes in {system}; then confirm the work by hand."),
        [HandNoteRequired.Code] = new("Schrijf op wie het in het systeem heeft gedaan en wanneer.", "Write down who did it in the system and when."),
        [HandNoteTooLong.Code] = new("De toelichting is hoogstens {max} tekens.", "The note is at most {max} characters."),
        [ProofDoesNotHold.Code] = new("Het bewijs voor {system} klopt niet: na de wijziging zijn er nog gegevens die er niet meer hadden mogen zijn. Het systeem is niet als gedaan geboekt.", "The proof for {system} does not hold: after the change, data remain that should be gone. The system is not recorded as done."),
        [ErrorCodeRequired.Code] = new("Een mislukte uitvoering heeft een foutcode nodig.", "A failed run needs an error code."),
        [Closed.Code] = new("Dit plan is afgesloten (status: {status}) en verandert niet meer.", "This plan is closed (status: {status}) and no longer changes."),
        [ReasonRequired.Code] = new("Geef een reden.", "Give a reason."),
        [ReasonTooLong.Code] = new("De reden is hoogstens {max} tekens.", "The reason is at most {max} characters."),
        [CorrectionTargetUnknown.Code] = new("De correctie noemt {system}: {table}.{column}, maar die kolom staat niet in de gegevenskaart van het systeem.", "The correction names {system}: {table}.{column}, but that column is not in the system's data map."),
        [CorrectionColumnIsKey.Code] = new("{table}.{column} in {system} is een sleutel of verwijzing; die wordt nooit gecorrigeerd.", "{table}.{column} in {system} is a key or reference; it is never corrected."),
        [CorrectionNotRectification.Code] = new("Gecorrigeerde waarden horen alleen bij een verzoek om rectificatie.", "Corrected values belong to a rectification request only."),
        [CorrectionTargetRequired.Code] = new("Kies het systeem, de tabel en de kolom die gecorrigeerd moeten worden.", "Choose the system, the table and the column to correct."),
        [CorrectionTargetTooLong.Code] = new("Een systeem-, tabel- of kolomnaam is hoogstens {max} tekens.", "A system, table or column name is at most {max} characters."),
        [CorrectionValueRequired.Code] = new("Vul de juiste waarde in.", "Enter the correct value."),
        [CorrectionValueTooLong.Code] = new("De juiste waarde is hoogstens {max} tekens.", "The correct value is at most {max} characters."),
        [CorrectionNotFound.Code] = new("Deze correctie bestaat niet (meer).", "This correction does not exist (any more)."),
        [RetentionMissing.Code] = new("Deze gegevens hebben geen bewaartermijn in het register; er komt geen regel in het bewaarregister.", "These data have no retention period in the register; no retention ledger entry is made."),
        [RetentionNotErasure.Code] = new("Alleen een uitgevoerd wisverzoek maakt regels in het bewaarregister.", "Only a carried-out erasure makes retention ledger entries."),
        [RetentionNotRunning.Code] = new("Deze bewaarregel loopt niet meer (status: {status}).", "This retention entry is no longer running (status: {status})."),
        [RetentionNotDue.Code] = new("De bewaartermijn loopt nog (tot en met {until}); er komt nog geen vervolgplan.", "The retention period still runs (up to and including {until}); no follow-up plan yet."),
        [RetentionNoFollowUp.Code] = new("Voor deze bewaarregel is geen vervolgplan gemaakt (status: {status}).", "No follow-up plan was made for this retention entry (status: {status})."),
        [RetentionReasonRequired.Code] = new("Geef een reden.", "Give a reason."),
        [RetentionReasonTooLong.Code] = new("De reden is hoogstens {max} tekens.", "The reason is at most {max} characters."),
    };
}
