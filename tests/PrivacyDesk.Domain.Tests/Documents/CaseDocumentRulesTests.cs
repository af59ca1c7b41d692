using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Deadlines;
using PrivacyDesk.Domain.Documents;
using PrivacyDesk.Domain.Requests;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Documents;

public sealed class CaseDocumentRulesTests
{
    private static List<DocumentKind> Kinds(DataSubjectRequest request) => [.. CaseDocumentRules.Available(request).Select(a => a.Kind)];

    [Fact]
    public void AFreshRequestOffersTheAcknowledgementAndTheCaseFileOnly()
    {
        var request = Received(RequestType.Erasure);

        Kinds(request).ShouldBe([DocumentKind.Acknowledgement, DocumentKind.CaseFile]);
    }

    [Fact]
    public void TheIdentityLetterAppearsOnceIdentityIsAskedFor()
    {
        var request = Received(RequestType.Erasure);
        Kinds(request).ShouldNotContain(DocumentKind.IdentityVerificationRequest);

        request.RequestIdentityVerification(Officer, At(2)).ShouldSucceed();

        request.Status.ShouldBe(RequestStatus.AwaitingIdentity);
        Kinds(request).ShouldContain(DocumentKind.IdentityVerificationRequest);
    }

    [Fact]
    public void TheIdentityLetterStaysAvailableAfterIdentityWasVerified()
    {
        // AwaitingIdentity in RequestCases records the proof as well; the request for it was still sent.
        var request = InStatus(RequestStatus.AwaitingIdentity, RequestType.Erasure);
        request.StartProcessing(Officer, At(4)).ShouldSucceed();

        Kinds(request).ShouldContain(DocumentKind.IdentityVerificationRequest);
    }

    [Fact]
    public void TheExtensionNoticeNeedsAnExtension()
    {
        var request = InStatus(RequestStatus.InProgress, RequestType.Erasure);
        CaseDocumentRules.Check(request, DocumentKind.ExtensionNotice).ShouldFailWith(DocumentErrors.NotAvailable);

        request.Extend(Officer, At(6), ExtensionReason.Complexity, "Veel systemen.", DueOn, ExtendedDueOn).ShouldSucceed();

        CaseDocumentRules.Check(request, DocumentKind.ExtensionNotice).ShouldSucceed();
    }

    [Fact]
    public void TheFeeNoticeNeedsAFee()
    {
        var request = InStatus(RequestStatus.InProgress);
        Kinds(request).ShouldNotContain(DocumentKind.FeeNotice);

        request.NotifyFee(Officer, At(5), FeeReason.AdditionalCopy, 500, copyNumber: 2).ShouldSucceed();

        Kinds(request).ShouldContain(DocumentKind.FeeNotice);
    }

    [Fact]
    public void TheResponseWaitsForTheFirstDecisionButNotForApproval()
    {
        var request = InStatus(RequestStatus.InProgress, RequestType.Erasure);
        CaseDocumentRules.Check(request, DocumentKind.Response).ShouldFailWith(DocumentErrors.NotAvailable);

        request.RecordDecision(Officer, At(3), Decision(PurposeA)).ShouldSucceed();

        request.IsApproved.ShouldBeFalse();
        CaseDocumentRules.Check(request, DocumentKind.Response).ShouldSucceed();
    }

    [Fact]
    public void AnApprovedAndSentResponseCanStillBeGenerated()
    {
        Kinds(InStatus(RequestStatus.Responded)).ShouldContain(DocumentKind.Response);
    }

    [Fact]
    public void AWithdrawnRequestGetsNoResponse()
    {
        var request = InProgressWithDecision(RequestType.Erasure);
        request.Withdraw(Officer, At(5), "Opgelost.").ShouldSucceed();

        Kinds(request).ShouldNotContain(DocumentKind.Response);
    }

    [Fact]
    public void ARejectedRequestGetsTheRefusalLetterInsteadOfAResponse()
    {
        var request = InStatus(RequestStatus.Rejected);

        Kinds(request).ShouldContain(DocumentKind.Refusal);
        Kinds(request).ShouldNotContain(DocumentKind.Response);
    }

    [Fact]
    public void AProposedRefusalMayBeDraftedBeforeItIsApproved()
    {
        var request = InStatus(RequestStatus.InProgress, RequestType.Erasure);
        Kinds(request).ShouldNotContain(DocumentKind.Refusal);

        request.ProposeRejection(Officer, At(4), new RefusalProposal(RequestRefusalGround.ManifestlyUnfounded, "Het tiende identieke verzoek deze maand.", Demonstration: "Tien identieke verzoeken."), []).ShouldSucceed();

        request.Refusal.ShouldBeNull();
        Kinds(request).ShouldContain(DocumentKind.Refusal);
    }

    [Fact]
    public void AResponseOrRefusalLetterIsADraftUntilATeamLeadApprovedIt()
    {
        var request = InStatus(RequestStatus.InProgress);
        request.ProposeRejection(Officer, At(4), new RefusalProposal(RequestRefusalGround.Excessive, "Vijftig verzoeken.", Demonstration: "Vijftig verzoeken in een maand."), []).ShouldSucceed();

        CaseDocumentRules.IsDraft(request, DocumentKind.Refusal).ShouldBeTrue();
        CaseDocumentRules.IsDraft(request, DocumentKind.Response).ShouldBeTrue();
        CaseDocumentRules.IsDraft(request, DocumentKind.Acknowledgement).ShouldBeFalse("a letter that answers nothing needs no four eyes");

        request.Approve(TeamLead, At(5)).ShouldSucceed();
        CaseDocumentRules.IsDraft(request, DocumentKind.Refusal).ShouldBeFalse();

        request.Assign(TeamLead, OtherOfficer, At(6)).ShouldSucceed();
        CaseDocumentRules.IsDraft(request, DocumentKind.Refusal).ShouldBeTrue("the approval was withdrawn by the reassignment");
    }

    [Fact]
    public void ASentResponseIsNoDraft()
    {
        CaseDocumentRules.IsDraft(InStatus(RequestStatus.Responded), DocumentKind.Response).ShouldBeFalse();
        CaseDocumentRules.IsDraft(InStatus(RequestStatus.Rejected), DocumentKind.Refusal).ShouldBeFalse();
    }

    [Fact]
    public void EachRecipientGetsItsOwnNotification()
    {
        var request = InProgressWithDecision(RequestType.Erasure);
        request.PlanRecipientNotifications(Officer, At(8),
            [new("BKR", NotificationRecipientKind.External, PurposeA), new("Klantenservice", NotificationRecipientKind.Internal, PurposeA)]).ShouldSucceed();

        var notifications = CaseDocumentRules.Available(request).Where(a => a.Kind == DocumentKind.RecipientNotification).ToList();

        notifications.Select(n => n.RecipientName).ShouldBe(["BKR", "Klantenservice"]);
        notifications.Select(n => n.RecipientNotificationId).ShouldBe(request.RecipientNotifications.Select(n => (Guid?)n.Id));
    }

    [Fact]
    public void ARecipientNotificationMustNameOneOfTheCasesRecipients()
    {
        var request = InProgressWithDecision(RequestType.Erasure);
        CaseDocumentRules.Check(request, DocumentKind.RecipientNotification, Guid.NewGuid()).ShouldFailWith(DocumentErrors.NotAvailable);
        request.PlanRecipientNotifications(Officer, At(8), [new("BKR", NotificationRecipientKind.External, PurposeA)]).ShouldSucceed();

        CaseDocumentRules.Check(request, DocumentKind.RecipientNotification).ShouldFailWith(DocumentErrors.RecipientRequired);
        CaseDocumentRules.Check(request, DocumentKind.RecipientNotification, Guid.NewGuid()).ShouldFailWith(DocumentErrors.RecipientRequired);
        CaseDocumentRules.Check(request, DocumentKind.RecipientNotification, request.RecipientNotifications[0].Id).ShouldSucceed();
    }

    [Fact]
    public void TheRestrictionLiftNoticeNeedsAnAppliedRestriction()
    {
        var request = InProgressWithDecision(RequestType.Restriction);
        Kinds(request).ShouldNotContain(DocumentKind.RestrictionLiftNotice);

        request.ApplyRestriction(Officer, At(4)).ShouldSucceed();

        Kinds(request).ShouldContain(DocumentKind.RestrictionLiftNotice);
    }

    [Theory]
    [InlineData(RequestType.Access, DocumentKind.CopyOfData)]
    [InlineData(RequestType.Portability, DocumentKind.PortabilityPackage)]
    public void TheDataGoOnlyToTheRequestThatAskedForThem(RequestType type, DocumentKind kind)
    {
        Kinds(Received(type)).ShouldContain(kind);
        foreach (var other in Enum.GetValues<RequestType>().Where(t => t != type))
        {
            Kinds(Received(other)).ShouldNotContain(kind);
        }
    }

    [Fact]
    public void TheRegisterRecordIsNeverACaseDocument()
    {
        CaseDocumentRules.Check(InStatus(RequestStatus.Responded), DocumentKind.ProcessingRecord).ShouldFailWith(DocumentErrors.NotAvailable);
    }

    [Theory]
    [InlineData(RequestStatus.Responded)]
    [InlineData(RequestStatus.Rejected)]
    [InlineData(RequestStatus.Withdrawn)]
    public void TheAcknowledgementAndTheCaseFileAreAlwaysThere(RequestStatus status)
    {
        Kinds(InStatus(status)).ShouldContain(DocumentKind.Acknowledgement);
        Kinds(InStatus(status)).ShouldContain(DocumentKind.CaseFile);
    }
}

public sealed class CopyOfDataCollectionTests
{
    private static readonly DateOnly Today = ReceivedOn.AddDays(1);

    private static Result CheckCopy(DataSubjectRequest request) => CaseDocumentRules.Check(request, DocumentKind.CopyOfData);

    private static AvailableDocument Copy(DataSubjectRequest request) =>
        CaseDocumentRules.Available(request).Single(a => a.Kind == DocumentKind.CopyOfData);

    [Fact]
    public void TheCopyWaitsUntilTheDataCollectionIsPlanned()
    {
        var request = InStatus(RequestStatus.InProgress);

        CheckCopy(request).ShouldFailWith(DocumentErrors.CopyNeedsCollection);
        Copy(request).NotYet.ShouldBe(DocumentErrors.CopyNeedsCollection);
    }

    [Fact]
    public void TheCopyCannotBeMadeWhileACollectionTaskIsOpen()
    {
        var request = InStatus(RequestStatus.InProgress);
        var tasks = request.PlanDataCollection(Officer, At(3), Today, ["CRM", "Kernsysteem"], DueOn).ShouldSucceed();
        request.RecordCollectionExtract(Officer, At(4), tasks[0].Id, new ExtractReceipt(Guid.NewGuid(), "crm.csv", new string('a', 64), 3, 120)).ShouldSucceed();

        var result = CheckCopy(request);

        result.Errors.ShouldHaveSingleItem().Code.ShouldBe(DocumentErrors.CopyCollectionOpen.Code);
        result.Errors[0].Arguments!["systems"].ShouldBe("Kernsysteem");
        Copy(request).NotYet!.Code.ShouldBe(DocumentErrors.CopyCollectionOpen.Code);
        ErrorCatalog.Message(result.Errors[0], "nl")!.ShouldContain("Kernsysteem");
    }

    [Fact]
    public void NoDataFoundIsOnlyWrittenOnceEveryTaskIsClosed()
    {
        var request = InStatus(RequestStatus.InProgress);
        var tasks = request.PlanDataCollection(Officer, At(3), Today, ["CRM", "Archief"], DueOn).ShouldSucceed();
        request.RecordCollectionExtract(Officer, At(4), tasks[0].Id, new ExtractReceipt(Guid.NewGuid(), "crm.csv", new string('a', 64), 0, 20)).ShouldSucceed();
        CheckCopy(request).IsFailure.ShouldBeTrue();

        request.MarkCollectionTaskNotApplicable(Officer, At(5), tasks[1].Id, "Archief bevat alleen gegevens van voor 2010.").ShouldSucceed();

        CheckCopy(request).ShouldSucceed();
        Copy(request).NotYet.ShouldBeNull();
    }
}
