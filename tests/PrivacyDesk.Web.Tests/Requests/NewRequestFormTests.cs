using Microsoft.AspNetCore.Components.Forms;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Domain.Subjects;
using PrivacyDesk.Web.Components.Pages.Requests;
using PrivacyDesk.Web.Features.Requests;
using Fields = PrivacyDesk.Web.Features.Requests.RequestRegistration.Fields;

namespace PrivacyDesk.Web.Tests.Requests;

public sealed class NewRequestFormTests
{
    private static readonly SubjectOption Anna = new(Guid.NewGuid(), "Anna de Vries", "C-1001", "anna@example.nl");
    private static readonly DateTimeOffset Now = new(2026, 11, 10, 9, 30, 0, TimeSpan.Zero);

    private sealed class File(string name, long size) : IBrowserFile
    {
        public string Name => name;
        public DateTimeOffset LastModified => Now;
        public long Size => size;
        public string ContentType => "application/pdf";
        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) => new MemoryStream(new byte[size]);
    }

    private static ConsentPurposeChoice Choice(string name) => new(Guid.NewGuid(), new LocalizedText(name, name));

    [Fact]
    public void ARequestForASubjectOnFileCarriesTheSubjectAndNoNewOne()
    {
        var form = new NewRequestForm { Type = RequestType.Access, Channel = RequestChannel.Email, Subject = Anna, Description = "Inzage" };

        var request = form.ToRequest();

        request.SubjectId.ShouldBe(Anna.Id);
        request.NewSubject.ShouldBeNull();
        request.ConsentPurposeIds.ShouldBeNull("only a consent withdrawal names purposes");
        request.Language.ShouldBe("nl");
    }

    [Fact]
    public void ARequestForANewSubjectCarriesTheNewSubjectEvenWhenOneWasChosenBefore()
    {
        var form = new NewRequestForm
        {
            Subject = Anna, CreatingSubject = true, FullName = "Bram Visser", Email = "bram@example.nl", CustomerNumber = "C-2",
            Category = SubjectCategory.Prospect, RelationshipStart = new DateTime(2020, 1, 15), RelationshipEnd = new DateTime(2025, 6, 30),
            Salutation = Salutation.Sir,
        };

        var request = form.ToRequest();

        request.SubjectId.ShouldBeNull();
        request.NewSubject.ShouldBe(new NewSubject("Bram Visser", "bram@example.nl", "", "C-2", SubjectCategory.Prospect,
            new DateOnly(2020, 1, 15), new DateOnly(2025, 6, 30), Salutation.Sir));
    }

    [Fact]
    public void TheMomentOfReceiptIsReadOnTheControllersClockAndMayNotLieInTheFuture()
    {
        var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var form = new NewRequestForm();
        form.Start(amsterdam, new DateTime(2026, 11, 10, 10, 30, 0));

        form.ReceivedAt.ShouldBe(Now, "10:30 in Amsterdam in November is 09:30 UTC");

        form.ReceivedAtTime(new TimeSpan(11, 0, 0), Now);
        form.Errors.ShouldBe([IntakeErrors.ReceivedAtInFuture]);
        form.Has(Fields.ReceivedAt).ShouldBeTrue();

        form.ReceivedOn(new DateTime(2026, 11, 9), Now);
        form.Errors.ShouldBeEmpty("yesterday at 11:00 has passed");
        form.ReceivedOn(null, Now);
        form.ReceivedAt.ShouldBeNull();
        form.ToRequest().ReceivedAt.ShouldBeNull("the service says the moment is missing");
    }

    [Fact]
    public void AConsentWithdrawalAsksForPurposesOnceItsSubjectIsKnown()
    {
        var form = new NewRequestForm { Type = RequestType.ConsentWithdrawal };
        form.AsksForConsentPurposes.ShouldBeFalse("no subject yet");

        form.Subject = Anna;
        form.AsksForConsentPurposes.ShouldBeTrue();
        form.Type = RequestType.Access;
        form.AsksForConsentPurposes.ShouldBeFalse();
        form.Type = null;
        form.CreatingSubject = true;
        form.AsksForConsentPurposes.ShouldBeFalse();
        form.Type = RequestType.ConsentWithdrawal;
        form.AsksForConsentPurposes.ShouldBeTrue("a new subject's category has consent purposes too");
    }

    [Fact]
    public void AChosenPurposeNoLongerOfferedIsDroppedAndOnlyAWithdrawalSendsThem()
    {
        var newsletter = Choice("Nieuwsbrief");
        var profiling = Choice("Profilering");
        var form = new NewRequestForm { Type = RequestType.ConsentWithdrawal, Subject = Anna };
        form.OfferConsentPurposes([newsletter, profiling]);
        form.ToggleConsent(newsletter.PurposeId, true);
        form.ToggleConsent(profiling.PurposeId, true);

        form.OfferConsentPurposes([newsletter]);

        form.ConsentChosen.ShouldBe([newsletter.PurposeId]);
        form.ToRequest().ConsentPurposeIds.ShouldBe([newsletter.PurposeId]);
        form.Type = RequestType.Erasure;
        form.ToRequest().ConsentPurposeIds.ShouldBeNull();
        form.OfferConsentPurposes([newsletter]);
        form.ConsentOptions.ShouldBeEmpty("an erasure offers no consent purposes");
        form.ConsentChosen.ShouldBeEmpty();
    }

    [Fact]
    public void TogglingAPurposeClearsOnlyItsOwnError()
    {
        var purpose = Choice("Nieuwsbrief");
        var form = new NewRequestForm
        {
            Errors = [new Error("intake.consent.none", Fields.ConsentPurposes), new Error("intake.description.missing", Fields.Description)],
        };

        form.ToggleConsent(purpose.PurposeId, true);
        form.ToggleConsent(purpose.PurposeId, false);

        form.ConsentChosen.ShouldBeEmpty();
        form.Errors.Select(e => e.Field).ShouldBe([Fields.Description]);
    }

    [Fact]
    public void AFileIsAddedOnceUpToTheMaximumAndAProblemIsSaidAtOnce()
    {
        var form = new NewRequestForm();

        form.AddFiles([new File("brief.pdf", 2048), new File("brief.pdf", 2048), new File("scan.exe", 2048)]);

        form.Files.Select(f => f.Name).ShouldBe(["brief.pdf", "scan.exe"]);
        form.Errors.Single().Code.ShouldBe(IntakeErrors.AttachmentTypeNotAllowed.Code);
        form.RemoveFile(form.Files[1]);
        form.Errors.ShouldBeEmpty();

        form.AddFiles([.. Enumerable.Range(1, 10).Select(i => new File($"bijlage{i}.pdf", 1024))]);
        form.Files.Count.ShouldBe(RequestAttachment.MaxPerRequest);
        form.ToRequest().Attachments.Select(a => a.FileName).ShouldBe(form.Files.Select(f => f.Name));
    }

    [Fact]
    public async Task AnAttachmentsContentIsReadOnlyWhenTheServiceAsks()
    {
        var form = new NewRequestForm();
        form.AddFiles([new File("brief.pdf", 3000)]);

        var attachment = form.ToRequest().Attachments.Single();

        attachment.Size.ShouldBe(3000);
        (await attachment.ReadAsync(Xunit.TestContext.Current.CancellationToken)).Length.ShouldBe(3000);
    }

    [Fact]
    public void AnErrorWithoutAFieldInTheDialogIsGeneral()
    {
        var form = new NewRequestForm { Errors = [new Error("auth.forbidden"), new Error("x", "Surprise"), new Error("y", Fields.Email)] };

        form.GeneralErrors.Select(e => e.Code).ShouldBe(["auth.forbidden", "x"]);
    }

    [Fact]
    public void TheSubjectOnFileReplacesTheNewOneAndOnlyAKnownSubjectAndTypeCanDuplicate()
    {
        var form = new NewRequestForm { CreatingSubject = true, SameSubject = Anna, Type = RequestType.Access };
        form.MayDuplicate.ShouldBeFalse();

        form.UseSameSubject();

        form.Subject.ShouldBe(Anna);
        form.SameSubject.ShouldBeNull();
        form.CreatingSubject.ShouldBeFalse();
        form.MayDuplicate.ShouldBeTrue();
        form.Type = null;
        form.MayDuplicate.ShouldBeFalse();
    }

    [Fact]
    public void SubjectsAndFilesAreDescribedShortly()
    {
        NewRequestForm.Describe(Anna).ShouldBe("Anna de Vries · C-1001");
        NewRequestForm.Describe(Anna with { CustomerNumber = null }).ShouldBe("Anna de Vries");
        NewRequestForm.Describe(null).ShouldBe("");
        NewRequestForm.FileSize(100).ShouldBe("1 kB");
        NewRequestForm.FileSize(20 * 1024).ShouldBe("20 kB");
    }
}
