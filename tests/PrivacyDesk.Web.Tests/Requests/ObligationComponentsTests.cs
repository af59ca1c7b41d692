using System.Security.Claims;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Web.Components.Shared;
using PrivacyDesk.Web.Components.Pages.Requests.Case;
using PrivacyDesk.Web.Features.Requests;
using PrivacyDesk.Web.Tests.Infrastructure;

namespace PrivacyDesk.Web.Tests.Requests;

/// <summary>The obligations panels and dialogs against the real service and a real SQLite database, in Dutch.</summary>
public sealed class ObligationComponentsTests : MudBunitContext, IAsyncLifetime
{
    private readonly PrivacyDeskAppFactory _factory = new();
    private ClaimsPrincipal _officer = default!;
    private CaseObligations _service = default!;

    public async ValueTask InitializeAsync()
    {
        _ = _factory.Server;
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<CaseObligations>(_factory.Services));
        Services.AddSingleton(_ => _factory.Services.GetRequiredService<PrivacyDesk.Web.Features.Delivery.RecipientNotices>());
        Services.AddSingleton(_ => _factory.Services.GetRequiredService<PrivacyDesk.Web.Features.Delivery.AnswerDeliveries>());
        Services.AddScoped(_ => ActivatorUtilities.CreateInstance<CaseFetching>(_factory.Services));
        _service = ActivatorUtilities.CreateInstance<CaseObligations>(_factory.Services);
        _officer = await Callers.ForAsync(_factory, "officer@privacydesk.test");
        SignIn(_officer);
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private async Task<IRenderedComponent<MudDialogProvider>> ShowAsync<TDialog>(DialogParameters<TDialog> parameters)
        where TDialog : Microsoft.AspNetCore.Components.IComponent
    {
        var provider = RenderProviders();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<TDialog>("dialoog", parameters));
        return provider;
    }

    /// <summary>The text of the form control (field with its helper/error line) that holds the element with this test id.</summary>
    private static string FieldText(IRenderedComponent<MudDialogProvider> dialog, string testId) =>
        dialog.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.TextContent;

    [Fact]
    public async Task TheExtensionDialogShowsTheNewDeadlineAndExplainsMissingReasonAndExplanationNextToTheFields()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        var view = (await _service.ActionsAsync(_officer, requestId)).Value;
        var stamp = await view.Case.StampAsync(_factory);
        var dialog = await ShowAsync(new DialogParameters<ExtendDeadlineDialog>
        {
            { d => d.View, view },
            { d => d.Save, input => _service.ExtendAsync(_officer, requestId, stamp, input) },
        });
        dialog.Find("[data-testid=extend-new-deadline]").TextContent.ShouldBe(DisplayDates.Date(view.ExtendedDueOn));

        dialog.Find("[data-testid=dialog-save]").Click();

        dialog.WaitForAssertion(() => dialog.Find("[data-testid=reason-error]").TextContent.ShouldNotBeNullOrWhiteSpace());
        FieldText(dialog, "field-explanation").ShouldContain("toelichting", Case.Insensitive);
        (await ObligationCases.LoadAsync(_factory, requestId)).Extension.ShouldBeNull();
    }

    [Fact]
    public async Task TheFeeDialogAsksForGroundAndAmountNextToTheFieldsAndSavesNothing()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Erasure);
        var version = await CaseStamps.OfAsync(_factory, requestId);
        var dialog = await ShowAsync(new DialogParameters<FeeNoticeDialog>
        {
            { d => d.RequestType, RequestType.Erasure },
            { d => d.Save, input => _service.NotifyFeeAsync(_officer, requestId, version, input) },
        });
        dialog.Markup.ShouldContain("Een vergoeding voor een extra kopie geldt alleen bij inzageverzoeken.");

        dialog.Find("[data-testid=dialog-save]").Click();

        dialog.WaitForAssertion(() => FieldText(dialog, "field-amount").ShouldContain("Vul het bedrag in."));
        dialog.Markup.ShouldContain("Kies de grond voor de vergoeding.");
        (await ObligationCases.LoadAsync(_factory, requestId)).Fee.ShouldBeNull();
    }

    [Fact]
    public async Task TheRefusalDialogAsksForGroundAndExplanationAndSavesNothing()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        var version = await CaseStamps.OfAsync(_factory, requestId);
        var dialog = await ShowAsync(new DialogParameters<ProposeRefusalDialog>
        {
            { d => d.Save, input => _service.ProposeRefusalAsync(_officer, requestId, version, input) },
        });

        dialog.Find("[data-testid=dialog-save]").Click();

        dialog.WaitForAssertion(() => FieldText(dialog, "field-explanation").ShouldContain("Leg uit waarom het verzoek wordt geweigerd"));
        dialog.Markup.ShouldContain("Kies de grond voor de weigering.");
        var request = await ObligationCases.LoadAsync(_factory, requestId);
        request.ProposedRefusal.ShouldBeNull();
        request.Status.ShouldBe(RequestStatus.InProgress);
    }

    [Fact]
    public async Task TheWithdrawalNeedsNoReasonAndClosesTheCase()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        var version = await CaseStamps.OfAsync(_factory, requestId);
        var dialog = await ShowAsync(new DialogParameters<ObligationReasonDialog>
        {
            { d => d.Label, "Reden" },
            { d => d.ConfirmText, "Intrekking vastleggen" },
            { d => d.Save, reason => _service.WithdrawAsync(_officer, requestId, version, reason) },
        });

        dialog.Find("[data-testid=dialog-save]").Click();

        dialog.WaitForAssertion(() => dialog.FindAll("[data-testid=reason-dialog]").ShouldBeEmpty());
        (await ObligationCases.LoadAsync(_factory, requestId)).Status.ShouldBe(RequestStatus.Withdrawn);
    }

    private async Task<IRenderedComponent<CollectionPanel>> PanelWithPlannedTasksAsync()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        var view = (await _service.CollectionAsync(_officer, requestId)).Value;
        (await _service.PlanCollectionAsync(_officer, requestId, (await view.Case.StampAsync(_factory)), new PlanCollectionInput(view.Case.EffectiveDueOn, null))).IsSuccess.ShouldBeTrue();
        RenderProviders();
        var stamp = await CaseStamps.OfAsync(_factory, requestId);
        var panel = Render<CollectionPanel>(p => p.Add(c => c.RequestId, requestId).Add(c => c.CaseStamp, stamp));
        panel.WaitForElement("[data-testid=collection-table]");
        return panel;
    }

    private static void Upload(IRenderedComponent<CollectionPanel> panel, InputFileContent file) =>
        panel.FindComponents<InputFile>()[0].UploadFiles(file);

    [Fact]
    public async Task AnUnreadableUploadIsExplainedAndNothingIsStored()
    {
        var panel = await PanelWithPlannedTasksAsync();

        Upload(panel, InputFileContent.CreateFromText("klantnummer,naam\nC-004711,\"niet afgesloten\n", "crm.csv"));

        panel.WaitForAssertion(() => panel.Find("[data-testid=upload-error]").TextContent.ShouldContain("Dit is geen leesbaar CSV- of JSON-bestand. Er is niets opgeslagen."));
        (await ObligationCases.ExtractCountAsync(_factory)).ShouldBe(0);
    }

    [Fact]
    public async Task AnUploadWithAnotherPersonsRecordsIsExplainedAndNothingIsStored()
    {
        var panel = await PanelWithPlannedTasksAsync();

        Upload(panel, InputFileContent.CreateFromText("[{\"customerNumber\":\"C-000001\",\"naam\":\"Jan Jansen\"}]", "crm.json"));

        panel.WaitForAssertion(() => panel.Find("[data-testid=upload-error]").TextContent.ShouldContain("gegevens die niet van deze betrokkene zijn (1 van de 1 records)"));
        (await ObligationCases.ExtractCountAsync(_factory)).ShouldBe(0);
    }

    [Fact]
    public async Task ATooLargeUploadStatesTheLimitAndNothingIsStored()
    {
        var panel = await PanelWithPlannedTasksAsync();
        panel.Find("[data-testid=collection-rule]").TextContent.ShouldContain("maximaal 5 MB");

        Upload(panel, InputFileContent.CreateFromBinary(new byte[ExtractRule.MaxBytes + 1], "crm.csv"));

        panel.WaitForAssertion(() => panel.Find("[data-testid=upload-error]").TextContent.ShouldContain("Het bestand is te groot: maximaal 5 MB."));
        (await ObligationCases.ExtractCountAsync(_factory)).ShouldBe(0);
    }

    [Fact]
    public async Task AValidUploadIsStoredAndListedWithItsRecordCount()
    {
        var panel = await PanelWithPlannedTasksAsync();

        Upload(panel, InputFileContent.CreateFromText($"klantnummer;product\n{ObligationCases.CustomerNumber};Betaalrekening\n{ObligationCases.CustomerNumber};Creditcard\n", "crm.csv"));

        panel.WaitForAssertion(() => panel.Markup.ShouldContain("crm.csv"));
        panel.Markup.ShouldContain("2 records");
        panel.FindAll("[data-testid=collection-status]").Select(e => e.TextContent.Trim()).ShouldContain("Extract ontvangen");
        (await ObligationCases.ExtractCountAsync(_factory)).ShouldBe(1);
    }

    [Fact]
    public async Task TheRecipientsPanelIsHiddenForAnAccessRequestAndShownForAnErasure()
    {
        var access = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        var erasure = await ObligationCases.CreateAsync(_factory, RequestType.Erasure, decideAll: true);
        RenderProviders();

        var accessPanel = Render<RecipientsPanel>(p => p.Add(c => c.RequestId, access));
        var erasurePanel = Render<RecipientsPanel>(p => p.Add(c => c.RequestId, erasure));

        erasurePanel.WaitForElement("[data-testid=recipients-plan]");
        accessPanel.FindAll("[data-testid=recipients-panel]").ShouldBeEmpty();
        accessPanel.Markup.Trim().ShouldBeEmpty();
    }

    /// <summary>An erasure with its recipients planned, one register entry given an e-mail address first.</summary>
    private async Task<(Guid RequestId, PlannedRecipient Chosen)> PlannedWithAddressAsync()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Erasure, decideAll: true);
        var chosen = (await _service.RecipientsAsync(_officer, requestId)).Value.Unplanned.First(r => r.Kind == NotificationRecipientKind.External);
        await using (var db = await _factory.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PrivacyDesk.Data.PrivacyDeskDbContext>>().CreateDbContextAsync())
        {
            var purpose = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Purposes, p => p.Id == chosen.PurposeId);
            var entry = purpose.Recipients.First(r => r.Name == chosen.Name);
            var actor = await ObligationCases.ActorAsync(_factory, "officer@privacydesk.test");
            purpose.RemoveRecipient(entry.Name, actor, DateTimeOffset.UtcNow).IsSuccess.ShouldBeTrue();
            purpose.AddRecipient(entry with { Email = "art19@bureau.example.nl" }, actor, DateTimeOffset.UtcNow).IsSuccess.ShouldBeTrue();
            await db.SaveChangesAsync();
        }
        (await _service.PlanRecipientsAsync(_officer, requestId, await CaseStamps.OfAsync(_factory, requestId))).IsSuccess.ShouldBeTrue();
        return (requestId, chosen);
    }

    [Fact]
    public async Task ALockedRecipientLinkIsOpenedAgainAndExtendedFromThePanel()
    {
        var (requestId, _) = await PlannedWithAddressAsync();
        var row = (await _service.RecipientsAsync(_officer, requestId)).Value.Rows.Single(r => r.RegisterEmail is not null);
        var notices = _factory.Services.GetRequiredService<PrivacyDesk.Web.Features.Delivery.RecipientNotices>();
        (await notices.EmailAsync(_officer, requestId, await CaseStamps.OfAsync(_factory, requestId), row.Id, "nl", "https://desk.example.nl/")).IsSuccess.ShouldBeTrue();
        var dbs = _factory.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<PrivacyDesk.Data.PrivacyDeskDbContext>>();
        async Task<PrivacyDesk.Domain.Delivery.ResponseDelivery> DeliveryAsync()
        {
            await using var db = await dbs.CreateDbContextAsync();
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.ResponseDeliveries), d => d.RecipientNotificationId == row.Id);
        }
        await using (var db = await dbs.CreateDbContextAsync())
        {
            (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(db.ResponseDeliveries.Where(d => d.RecipientNotificationId == row.Id),
                u => u.SetProperty(d => d.WrongCodes, PrivacyDesk.Domain.Delivery.ResponseDelivery.MaxWrongCodes).SetProperty(d => d.LockedAt, DateTimeOffset.UtcNow))).ShouldBe(1);
            // The mail server took the e-mail (the outbox's part, which this test does not run).
            (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteUpdateAsync(db.OutgoingEmails,
                u => u.SetProperty(e => e.SentAt, DateTimeOffset.UtcNow))).ShouldBe(1);
        }
        var expiresAt = (await DeliveryAsync()).ExpiresAt;
        RenderProviders();

        var panel = Render<RecipientsPanel>(p => p.Add(c => c.RequestId, requestId).Add(c => c.CaseStamp, Guid.NewGuid()));
        panel.WaitForElement("[data-testid=recipient-link-unlock]");
        panel.Find("[data-testid=recipient-emailed]").TextContent.ShouldContain("link geblokkeerd na te veel verkeerde codes");
        panel.Find("[data-testid=recipient-link-unlock]").TextContent.ShouldContain("Link weer vrijgeven");
        await panel.InvokeAsync(() => panel.Find("[data-testid=recipient-link-unlock]").Click());

        panel.WaitForAssertion(() => panel.FindAll("[data-testid=recipient-link-unlock]").ShouldBeEmpty());
        panel.Find("[data-testid=recipient-emailed]").TextContent.ShouldContain("nog niet gedownload; link geldig tot");
        (await DeliveryAsync()).LockedAt.ShouldBeNull();
        panel.FindAll("[data-testid=recipients-error]").ShouldBeEmpty();

        panel.Find("[data-testid=recipient-link-extend]").TextContent.ShouldContain("Link 14 dagen verlengen");
        await panel.InvokeAsync(() => panel.Find("[data-testid=recipient-link-extend]").Click());
        panel.WaitForAssertion(() => panel.Find("[data-testid=recipient-emailed]").TextContent.ShouldContain(DisplayDates.Date(TimeZoneInfo.ConvertTime(expiresAt.AddDays(14), TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")))));
        (await DeliveryAsync()).ExpiresAt.ShouldBe(expiresAt.AddDays(14));
    }

    [Fact]
    public async Task SendByEmailIsOfferedOnlyForARecipientWithAnAddressAndSendsItAfterTheDialog()
    {
        var (requestId, chosen) = await PlannedWithAddressAsync();
        var provider = RenderProviders();

        var stamp = await CaseStamps.OfAsync(_factory, requestId);
        var panel = Render<RecipientsPanel>(p => p.Add(c => c.RequestId, requestId).Add(c => c.CaseStamp, stamp));
        panel.WaitForElement("[data-testid=recipients-table]");
        var rows = panel.FindAll("[data-testid=recipients-table] tbody tr");
        rows.Count.ShouldBeGreaterThan(1);
        // Only the register entry with an address offers it (the same name under another purpose has none); the others keep recording by hand.
        var withButton = rows.Where(r => r.QuerySelectorAll("[data-testid=recipient-email]").Length > 0).ToList();
        withButton.ShouldHaveSingleItem().TextContent.ShouldContain(chosen.Name);
        withButton[0].QuerySelector("[data-testid=recipient-email]")!.TextContent.ShouldContain("Per e-mail versturen");
        rows.Except(withButton).ShouldAllBe(r => r.QuerySelectorAll("[data-testid=recipient-notified]").Length == 1);

        await panel.InvokeAsync(() => panel.Find("[data-testid=recipient-email]").Click());
        provider.WaitForElement("[data-testid=recipient-email-dialog]");
        provider.Find("[data-testid=recipient-email-intro]").TextContent.ShouldContain("art19@bureau.example.nl");
        await provider.InvokeAsync(() => provider.Find("[data-testid=dialog-save]").Click());

        panel.WaitForAssertion(() => panel.Find("[data-testid=recipient-emailed]").TextContent.ShouldContain("Per e-mail verstuurd aan art19@bureau.example.nl"));
        panel.Find("[data-testid=recipient-emailed]").TextContent.ShouldContain("e-mail wacht op verzending");
        var sent = (await _service.RecipientsAsync(_officer, requestId)).Value.Rows.Single(r => r.Channel == RecipientNotificationChannel.Email);
        sent.RecipientName.ShouldBe(chosen.Name);
        sent.Status.ShouldBe(RecipientNotificationStatus.Sent);
        sent.EmailedTo.ShouldBe("art19@bureau.example.nl");
    }

    [Fact]
    public async Task TheActionsMenuIsHiddenInReadOnly()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        RenderProviders();

        var menu = Render<CaseActionsMenu>(p => p.Add(c => c.RequestId, requestId).Add(c => c.ReadOnly, true));

        menu.FindAll("[data-testid=case-actions]").ShouldBeEmpty();
        menu.FindAll("[data-testid=case-actions-loading]").ShouldBeEmpty();
    }

    [Fact]
    public async Task TheActionsMenuIsHiddenForAnAuditor()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        // The signed-in user is read once per container: sign in before anything renders.
        SignIn(await Callers.ForAsync(_factory, "auditor@privacydesk.test"));
        RenderProviders();

        var menu = Render<CaseActionsMenu>(p => p.Add(c => c.RequestId, requestId));

        menu.FindAll("[data-testid=case-actions]").ShouldBeEmpty();
    }

    [Fact]
    public async Task AfterTheOriginalDeadlineExtendIsDisabledAndSaysWhy()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access, receivedDaysAgo: 45);
        RenderProviders();
        var menu = Render<CaseActionsMenu>(p => p.Add(c => c.RequestId, requestId));
        menu.WaitForElement("[data-testid=case-actions]");

        menu.Find("[data-testid=case-actions] button").Click();

        menu.WaitForAssertion(() => FindAllInProviders("[data-testid=action-extend-why]").Single().ShouldContain("De oorspronkelijke termijn"));
        FindAllInProviders("[data-testid=action-withdraw-why]").ShouldBeEmpty();
    }

    [Fact]
    public async Task ExtendingThroughTheMenuSavesAndTellsThePageToReload()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        var provider = RenderProviders();
        var changed = 0;
        var stamp = await CaseStamps.OfAsync(_factory, requestId);
        var menu = Render<CaseActionsMenu>(p => p.Add(c => c.RequestId, requestId).Add(c => c.CaseStamp, stamp).Add(c => c.Changed, () => changed++));
        menu.WaitForElement("[data-testid=case-actions]");

        menu.Find("[data-testid=case-actions] button").Click();
        menu.WaitForAssertion(() => FindAllInProviders("[data-testid=action-extend]").ShouldNotBeEmpty());
        await menu.InvokeAsync(() => FindInProviders("[data-testid=action-extend]").Click());
        provider.WaitForElement("[data-testid=extend-dialog]");
        provider.Find("[data-testid=reason-complexity]").Click();
        provider.Find("[data-testid=field-explanation]").Input("Gegevens uit acht systemen.");
        provider.Find("[data-testid=dialog-save]").Click();

        provider.WaitForAssertion(() => provider.FindAll("[data-testid=extend-dialog]").ShouldBeEmpty());
        menu.WaitForAssertion(() => changed.ShouldBe(1));
        (await ObligationCases.LoadAsync(_factory, requestId)).Extension!.Reason.ShouldBe(PrivacyDesk.Domain.Deadlines.ExtensionReason.Complexity);
    }

    [Fact]
    public async Task AConsentWithdrawalOffersNoRefusalAtAll()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.ConsentWithdrawal);
        RenderProviders();
        var menu = Render<CaseActionsMenu>(p => p.Add(c => c.RequestId, requestId));
        menu.WaitForElement("[data-testid=case-actions]");

        menu.Find("[data-testid=case-actions] button").Click();

        menu.WaitForAssertion(() => FindAllInProviders("[data-testid=action-withdraw]").ShouldNotBeEmpty());
        FindAllInProviders("[data-testid=action-refuse]").ShouldBeEmpty();
    }

    [Fact]
    public async Task AnObjectionByACustomerWhoseDataServeDirectMarketingOffersNoRefusal()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Objection);

        var view = (await _service.ActionsAsync(_officer, requestId)).Value;

        view.RefusalGrounds.ShouldBeEmpty();
        var forced = await _service.ProposeRefusalAsync(_officer, requestId, (await view.Case.StampAsync(_factory)),
            new RefusalInput(RequestRefusalGround.ManifestlyUnfounded, "Kennelijk ongegrond.", null, "Tien keer hetzelfde."));
        forced.Errors.Select(e => e.Code).ShouldBe([RequestErrors.RejectionDirectMarketingObjection.Code]);
        (await ObligationCases.LoadAsync(_factory, requestId)).ProposedRefusal.ShouldBeNull();
    }

    [Fact]
    public async Task TheRefusalDialogOffersOnlyTheWholeRequestGroundsAndAsksForTheEvidenceOfTwelveFive()
    {
        var requestId = await ObligationCases.CreateAsync(_factory, RequestType.Access);
        var view = (await _service.ActionsAsync(_officer, requestId)).Value;
        var stamp = await view.Case.StampAsync(_factory);
        var dialog = await ShowAsync(new DialogParameters<ProposeRefusalDialog>
        {
            { d => d.Grounds, view.RefusalGrounds },
            { d => d.Save, input => _service.ProposeRefusalAsync(_officer, requestId, stamp, input) },
        });

        var select = dialog.FindComponent<MudSelect<RequestRefusalGround?>>();
        await dialog.InvokeAsync(() => select.Instance.OpenMenu());
        dialog.WaitForAssertion(() => FindAllInProviders(".mud-list-item").ShouldNotBeEmpty());
        // The glossary's grounds with their articles as letters cite them (no-break spaces read as spaces here).
        var offered = FindAllInProviders(".mud-list-item").Select(item => item.Trim().Replace('\u00A0', ' ')).ToList();
        offered.ShouldBe([
            "Betrokkene niet te identificeren (art. 11 lid 2 AVG; art. 12 lid 2 AVG)",
            "Kennelijk ongegrond (art. 12 lid 5 AVG)",
            "Buitensporig, met name herhaald (art. 12 lid 5 AVG)",
            "Beperking in nationaal recht (art. 23 AVG)",
        ], ignoreOrder: false);
        await dialog.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(RequestRefusalGround.ManifestlyUnfounded));
        dialog.Find("[data-testid=field-explanation]").Input("Uw verzoek is kennelijk ongegrond.");

        dialog.Find("[data-testid=dialog-save]").Click();

        dialog.WaitForAssertion(() => FieldText(dialog, "field-demonstration").ShouldContain("moet dat kunnen aantonen"));
        (await ObligationCases.LoadAsync(_factory, requestId)).ProposedRefusal.ShouldBeNull();
    }
}
