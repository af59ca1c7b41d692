using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Register;
using PrivacyDesk.Web.Components.Pages.Register;
using PrivacyDesk.Web.Features.Common;
using PrivacyDesk.Web.Features.Register;

namespace PrivacyDesk.Web.Tests.Register;

public sealed class PurposeDetailsStateTests
{
    private static PurposeDetail Detail(PurposeStatus status = PurposeStatus.Draft, params Error[] violations) => new(
        Guid.NewGuid(), "newsletter", status, new PurposeDefinition("newsletter", new("Nieuwsbrief", "Newsletter"), new("Per e-mail", "By e-mail")),
        violations, [], null, null, null, Guid.NewGuid());

    private static PurposeDetailsState Opened(PurposeDetail detail, bool mayEdit = true)
    {
        var state = new PurposeDetailsState(mayEdit);
        state.Opens(detail.Key);
        state.Reading();
        state.Read(Result.Success(detail));
        return state;
    }

    [Fact]
    public void OnlyANewKeyReadsThePurposeAgain()
    {
        var state = new PurposeDetailsState(true);

        state.Opens("newsletter").ShouldBeTrue();
        state.Opens("newsletter").ShouldBeFalse("a re-render keeps what the user typed");
        state.Opens("profiling").ShouldBeTrue();
    }

    [Fact]
    public void TheSpinnerShowsOnlyWhenThereIsNothingToShowYet()
    {
        var state = new PurposeDetailsState(true);
        state.Loading.ShouldBeTrue();

        state.Opens("newsletter");
        state.Reading();
        state.Loading.ShouldBeTrue();
        state.Read(Result.Success(Detail()));
        state.Loading.ShouldBeFalse();

        state.Reading();
        state.Loading.ShouldBeFalse("a reload after a save keeps the page on screen");
    }

    [Fact]
    public void AnUnknownKeyIsNotFoundAndAnyOtherRefusalOrFailureIsALoadError()
    {
        var state = new PurposeDetailsState(true);
        state.Read(Result<PurposeDetail>.Failure(RegisterErrors.NotFound));
        state.NotFound.ShouldBeTrue();
        state.LoadFailed.ShouldBeFalse();

        state.Reading();
        state.Read(Result<PurposeDetail>.Failure(new Error("auth.forbidden")));
        state.NotFound.ShouldBeFalse();
        state.LoadFailed.ShouldBeTrue();

        state.Reading();
        state.ReadFailed(new PageLoadFailure("REF9"));
        state.LoadFailed.ShouldBeTrue();
        state.LoadFailure.ShouldBe(new PageLoadFailure("REF9"));
        state.Loading.ShouldBeFalse();
    }

    [Fact]
    public void TheFormIsDirtyOnceItDiffersFromWhatWasRead()
    {
        var state = Opened(Detail());
        state.IsDirty.ShouldBeFalse();
        state.Name.ShouldNotBeEmpty();

        state.Form!.DescriptionNl = "Per post";

        state.IsDirty.ShouldBeTrue();
        state.Form.DescriptionNl = "Per e-mail";
        state.IsDirty.ShouldBeFalse("typed back to what was saved");
    }

    [Fact]
    public void ARefusedSaveKeepsWhatTheUserTypedAndSortsTheMessages()
    {
        var state = Opened(Detail());
        state.Form!.NameNl = "";
        var stale = new Error(StaleEdit.Code);

        state.SaveRefused([RegisterErrors.NameMissing, RegisterErrors.NotDraft, stale]);

        state.Form.NameNl.ShouldBe("");
        state.IsDirty.ShouldBeTrue();
        state.Stale.ShouldBe(stale);
        state.SectionErrors.ShouldBe([RegisterErrors.NameMissing]);
        state.GeneralErrors.ShouldBe([RegisterErrors.NotDraft], "the stale edit has its own notice");
    }

    [Fact]
    public void ASuccessfulReadClearsTheMessagesOfTheLastSave()
    {
        var detail = Detail();
        var state = Opened(detail);
        state.SaveRefused([new Error(StaleEdit.Code)]);

        state.Reading();
        state.Read(Result.Success(detail));

        state.Errors.ShouldBeEmpty();
        state.Stale.ShouldBeNull();
        state.IsDirty.ShouldBeFalse();
    }

    [Fact]
    public void ADraftsViolationsShowUntilASaveSaysSomethingItself()
    {
        var state = Opened(Detail(PurposeStatus.Draft, RegisterErrors.NameMissing));
        state.ShowsDraftViolations.ShouldBeTrue();

        state.SaveRefused([RegisterErrors.NameMissing]);

        state.ShowsDraftViolations.ShouldBeFalse();
        Opened(Detail(PurposeStatus.Active, RegisterErrors.NameMissing)).ShowsDraftViolations.ShouldBeFalse();
    }

    [Theory]
    [InlineData(PurposeStatus.Draft, true, true, true, false, false)]
    [InlineData(PurposeStatus.Active, true, true, false, true, false)]
    [InlineData(PurposeStatus.Retired, true, false, false, false, true)]
    [InlineData(PurposeStatus.Draft, false, false, false, false, true)]
    public void WhatMayBeDoneFollowsThePermissionAndTheStatus(PurposeStatus status, bool mayEdit, bool save, bool activate, bool retire, bool readOnly)
    {
        var state = Opened(Detail(status), mayEdit);

        state.MaySave.ShouldBe(save);
        state.MayActivate.ShouldBe(activate);
        state.MayRetire.ShouldBe(retire);
        state.ReadOnly.ShouldBe(readOnly);
    }
}
