using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using static PrivacyDesk.Domain.Tests.Requests.RequestCases;

namespace PrivacyDesk.Domain.Tests.Requests;

public sealed class ReceiveTests
{
    [Fact]
    public void RegistersTheRequestAsReceived()
    {
        var request = DataSubjectRequest.Receive(Reference, Intake() with { Language = "EN" }, [], Officer, At(0)).ShouldSucceed();

        request.Id.ShouldNotBe(Guid.Empty);
        request.Reference.ShouldBe(Reference);
        request.Status.ShouldBe(RequestStatus.Received);
        request.Type.ShouldBe(RequestType.Access);
        request.Channel.ShouldBe(RequestChannel.Email);
        request.ReceivedAt.ShouldBe(ReceivedAt);
        request.ReceivedOn.ShouldBe(ReceivedOn);
        request.DueOn.ShouldBe(DueOn);
        request.EffectiveDueOn.ShouldBe(DueOn);
        request.ExtendedDueOn.ShouldBeNull();
        request.Language.ShouldBe("en");
        request.SubjectId.ShouldBe(Subject);
        request.HandlerId.ShouldBeNull();
        request.ClosedAt.ShouldBeNull();
    }

    [Fact]
    public void RecordsTheReceiptWithoutTheDescription()
    {
        var request = DataSubjectRequest.Receive(Reference, Intake(), [], Officer, At(0)).ShouldSucceed();

        var change = request.PendingChanges.Single();
        change.Action.ShouldBe("request.received");
        change.EntityType.ShouldBe("DataSubjectRequest");
        change.EntityId.ShouldBe(request.Id.ToString());
        change.ActorId.ShouldBe(Officer.Id);
        change.ActorName.ShouldBe(Officer.Name);
        change.At.ShouldBe(At(0));
        change.After!["reference"].ShouldBe("DSR-2026-000123");
        change.After!["dueOn"].ShouldBe("2026-03-10");
        change.After!.Values.ShouldNotContain(Intake().Description);
    }

    [Fact]
    public void AcceptsWebFormRequestsFromTheIntakeApi()
    {
        var request = DataSubjectRequest.Receive(Reference, Intake() with { Channel = RequestChannel.WebForm }, [], Actor.System, At(0)).ShouldSucceed();

        request.PendingChanges.Single().ActorId.ShouldBe("system");
    }

    [Fact]
    public void RefusesRegistrationByAnAuditor()
    {
        DataSubjectRequest.Receive(Reference, Intake(), [], Auditor, At(0)).ShouldFailWith(RequestErrors.Forbidden);
    }

    public static TheoryData<string, RequestIntake> InvalidIntakes() => new()
    {
        { "request.language.unsupported", Intake() with { Language = "de" } },
        { "request.description.required", Intake() with { Description = "  " } },
        { "request.text.too_long", Intake() with { Description = new string('x', 10_001) } },
        { "request.subject.required", Intake() with { SubjectId = Guid.Empty } },
        { "request.received_on.mismatch", Intake() with { ReceivedOn = ReceivedOn.AddDays(3) } },
        { "request.due.not_after_receipt", Intake() with { DueOn = ReceivedOn } },
        { "request.third_party.only_for_portability", Intake() with { ThirdParty = new("Bank B", "dpo@bankb.example") } },
        { "request.third_party.email_invalid", Intake(RequestType.Portability) with { ThirdParty = new("Bank B", "dpo-at-bankb") } },
        { "request.third_party.name_required", Intake(RequestType.Portability) with { ThirdParty = new(" ", "dpo@bankb.example") } },
    };

    [Theory]
    [MemberData(nameof(InvalidIntakes))]
    public void RefusesAnIncompleteOrInconsistentIntake(string code, RequestIntake intake)
    {
        var result = DataSubjectRequest.Receive(Reference, intake, [], Officer, At(0));

        result.Errors.Select(error => error.Code).ShouldBe([code]);
    }

    [Fact]
    public void AcceptsADescriptionOfExactlyTheMaximumLength()
    {
        DataSubjectRequest.Receive(Reference, Intake() with { Description = new string('x', 10_000) }, [], Officer, At(0)).ShouldSucceed();
    }

    [Fact]
    public void KeepsTheThirdPartyOfAPortabilityRequest()
    {
        var request = DataSubjectRequest.Receive(
            Reference, Intake(RequestType.Portability) with { ThirdParty = new(" Bank B ", "dpo@bankb.example") }, [], Officer, At(0)).ShouldSucceed();

        request.ThirdParty.ShouldBe(new ThirdPartyRecipient("Bank B", "dpo@bankb.example"));
    }

    [Theory]
    [InlineData(RequestType.RecipientsDisclosure, false, true, false)]
    [InlineData(RequestType.Erasure, true, true, true)]
    [InlineData(RequestType.Erasure, false, false, true)]
    [InlineData(RequestType.Rectification, false, false, true)]
    [InlineData(RequestType.Restriction, false, false, true)]
    [InlineData(RequestType.Access, false, false, false)]
    public void KnowsWhenRecipientsAreDisclosedOrNotified(RequestType type, bool asked, bool discloses, bool notifies)
    {
        var request = DataSubjectRequest.Receive(Reference, Intake(type) with { SubjectAskedForRecipients = asked }, [], Officer, At(0)).ShouldSucceed();

        request.DisclosesRecipients.ShouldBe(discloses);
        request.RequiresRecipientNotifications.ShouldBe(notifies);
    }
}
