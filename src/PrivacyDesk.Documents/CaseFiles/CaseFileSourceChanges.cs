using PrivacyDesk.Documents.Layout;
using PrivacyDesk.Domain.Sources.Changes;

namespace PrivacyDesk.Documents.CaseFiles;

/// <summary>
/// Section 8 of the case file (issue 15): per plan who approved it, and per system whether the change is proven (the
/// re-query after execution: rows remaining against rows expected, masked columns clean, statement hashes) or only
/// confirmed by hand; then what the retention ledger keeps and until when. Counts and hashes only, never a value.
/// </summary>
public static partial class CaseFileDocument
{
    private sealed partial class CaseFile
    {
        private void SourceChanges(ColumnDescriptor column, Action<Action<Container>> lead)
        {
            var plans = _case.SourceChanges ?? [];
            var entries = _case.RetentionEntries ?? [];
            if (plans.Count == 0)
            {
                lead(item => Empty(item, T(
                    "Voor deze zaak is geen plan gemaakt om besluiten in de bronsystemen uit te voeren.",
                    "No plan was made to carry out this case's decisions in the source systems.")));
                return;
            }
            var first = true;
            foreach (var plan in plans)
            {
                void Heading(Container item) => item.Text(t =>
                {
                    t.Span(T($"Plan {plan.Version}", $"Plan {plan.Version}")).Bold();
                    t.Span("  " + PlanStatus(plan.Status)).FontColor(plan.Status == SourceChangePlanStatus.Superseded ? Colors.Muted : Colors.Accent);
                    t.Span(T(
                        $"  — opgesteld door {plan.CreatedByName} op {Moment(plan.CreatedAt)}" + (plan.ApprovedAt is { } approved ? $", goedgekeurd door {plan.ApprovedByName} op {Moment(approved)}" : ", niet goedgekeurd"),
                        $"  — made by {plan.CreatedByName} on {Moment(plan.CreatedAt)}" + (plan.ApprovedAt is { } approvedEn ? $", approved by {plan.ApprovedByName} on {Moment(approvedEn)}" : ", not approved")))
                        .FontColor(Colors.Muted);
                });
                if (first)
                {
                    first = false;
                    lead(Heading);
                }
                else
                {
                    Heading(column.Item().PaddingTop(6));
                }
                foreach (var system in plan.Systems)
                {
                    column.Item().ShowEntire().DefaultTextStyle(s => s with { Size = 8.5 }).Column(block => SystemBlock(block, system));
                }
            }
            if (entries.Count > 0)
            {
                // The heading travels with the table: a ledger of a case is a few rows.
                column.Item().PaddingTop(6).ShowEntire().Column(ledger =>
                {
                    ledger.Spacing(4);
                    ledger.Item().Text(t => t.Span(T("Bewaard in de bewaartermijnenregistratie", "Kept in the retention ledger")).Bold());
                    ledger.Item().DefaultTextStyle(s => s with { Size = 8.5 }).Table(table =>
                    {
                        table.CellPadding(3).ColumnsDefinition(c =>
                        {
                            c.RelativeColumn(2);
                            c.RelativeColumn(2);
                            c.RelativeColumn(2);
                            c.ConstantColumn(90);
                            c.RelativeColumn(4);
                        });
                        table.Header(h =>
                        {
                            h.Cell().Text(T("Systeem", "System"));
                            h.Cell().Text(T("Tabellen", "Tables"));
                            h.Cell().Text(T("Doel", "Purpose"));
                            h.Cell().Text(T("Bewaard tot en met", "Kept until"));
                            h.Cell().Text(T("Grond", "Ground"));
                        });
                        foreach (var entry in entries.OrderBy(e => e.EndsOn ?? DateOnly.MaxValue).ThenBy(e => e.SystemName, StringComparer.Ordinal))
                        {
                            table.Cell().Text(entry.SystemName);
                            table.Cell().Text(string.Join(", ", entry.Tables));
                            table.Cell().Text(PurposeName(entry.PurposeId));
                            table.Cell().Text(entry.EndsOn is { } end
                                ? Date(end)
                                : T("einde relatie + termijn", "end of relationship + period"));
                            table.Cell().Text(entry.Retention.Ground);
                        }
                    });
                });
            }
        }

        private void SystemBlock(ColumnDescriptor block, PlannedSystem system)
        {
            block.Spacing(2);
            block.Item().PaddingTop(4).BorderBottom(0.5, Colors.Rule).PaddingBottom(2).Row(row =>
            {
                row.RelativeItem(3).Text(t =>
                {
                    t.Span(system.Plan.SystemName).Bold();
                    t.Span(T($"  kaartversie {system.Plan.MapVersion}", $"  map version {system.Plan.MapVersion}")).FontColor(Colors.Muted);
                });
                row.RelativeItem(2).Text(t =>
                {
                    t.AlignRight();
                    t.Span(SystemState(system)).Bold().FontColor(system.State switch
                    {
                        PlannedSystemState.Done when system.Proof?.Holds == true => Colors.Success,
                        PlannedSystemState.Failed or PlannedSystemState.NeedsNewApproval => Colors.Danger,
                        PlannedSystemState.Done => Colors.Danger,
                        _ => Colors.Muted,
                    });
                });
            });
            if (system.Proof is { } proof)
            {
                block.Item().Text(t => t.Span(T(
                    $"Uitgevoerd van {Moment(proof.StartedAt)} tot {Moment(proof.FinishedAt)}; daarna opnieuw bevraagd:",
                    $"Run from {Moment(proof.StartedAt)} to {Moment(proof.FinishedAt)}; queried again afterwards:")).FontColor(Colors.Muted));
                block.Item().Table(table =>
                {
                    table.CellPadding(2).ColumnsDefinition(c =>
                    {
                        c.RelativeColumn(3);
                        c.ConstantColumn(70);
                        c.ConstantColumn(60);
                        c.RelativeColumn(3);
                        c.ConstantColumn(80);
                    });
                    table.Header(h =>
                    {
                        h.Cell().Text(T("Tabel", "Table"));
                        h.Cell().Text(T("Over / verwacht", "Left / expected"));
                        h.Cell().Text(T("Gewijzigd", "Changed"));
                        h.Cell().Text(T("Gemaskeerde kolommen", "Masked columns"));
                        h.Cell().Text(T("Opdracht (SHA-256)", "Statement (SHA-256)"));
                    });
                    foreach (var proven in proof.Tables)
                    {
                        var executed = system.DryRun.FirstOrDefault(s => s.StatementHash == proven.StatementHash);
                        table.Cell().Text(t => t.Span(proven.DisplayName).FontColor(proven.Holds ? Colors.Text : Colors.Danger));
                        table.Cell().Text(t => t.Span($"{Number(proven.RowsRemaining)} / {Number(proven.RowsExpected)}").FontColor(proven.Holds ? Colors.Text : Colors.Danger));
                        table.Cell().Text(t => t.Span(executed?.ExecutedCount is { } count
                            ? Number(count) + (executed.AddedSince is > 0 and var added ? T($" (+{added} nieuw)", $" (+{added} new)") : "")
                            : "–"));
                        table.Cell().Text(t => t.Span(proven.MaskedColumns.Count == 0
                            ? "–"
                            : string.Join(", ", proven.MaskedColumns) + (proven.NoOriginalValueRemains ? T(" (geen oorspronkelijke waarde over)", " (no original value left)") : T(" (OORSPRONKELIJKE WAARDE GEVONDEN)", " (ORIGINAL VALUE FOUND)"))));
                        table.Cell().Text(t => t.Span(proven.StatementHash.Length > HashPrefixLength ? proven.StatementHash[..HashPrefixLength] : proven.StatementHash).FontSize(Tiny));
                    }
                });
            }
            else if (system.State == PlannedSystemState.ConfirmedByHand)
            {
                block.Item().Text(t =>
                {
                    t.Span(T($"Bevestigd door {system.HandConfirmedByName}", $"Confirmed by {system.HandConfirmedByName}"));
                    if (system.FinishedAt is { } at)
                    {
                        t.Span(T($" op {Moment(at)}", $" on {Moment(at)}"));
                    }
                    t.Span(T(" (niet door PrivacyDesk gecontroleerd): ", " (not checked by PrivacyDesk): ")).FontColor(Colors.Muted);
                    t.Span(system.HandNote ?? "");
                });
            }
            else
            {
                block.Item().Text(t => t.Span(T(
                    $"Proefrun" + (system.CountedAt is { } counted ? $" van {Moment(counted)}" : "") + $": {system.DryRun.Count} opdracht(en), samen {Number(system.DryRun.Sum(s => s.RowCount))} rij(en).",
                    $"Dry run" + (system.CountedAt is { } countedEn ? $" of {Moment(countedEn)}" : "") + $": {system.DryRun.Count} statement(s), {Number(system.DryRun.Sum(s => s.RowCount))} row(s) together."))
                    .FontColor(Colors.Muted));
            }
            foreach (var kept in system.Plan.Kept.GroupBy(k => k.DisplayName, StringComparer.Ordinal))
            {
                block.Item().Text(t =>
                {
                    t.Span(T("Bewaard: ", "Kept: ")).FontColor(Colors.Muted);
                    t.Span(kept.Key + " — " + string.Join("; ", kept.Select(k => PurposeName(k.PurposeId) + (k.Until is { } until ? T($" tot en met {Date(until)}", $" until {Date(until)}") : ""))));
                });
            }
        }

        private string PlanStatus(SourceChangePlanStatus status) => status switch
        {
            SourceChangePlanStatus.AwaitingApproval => T("wacht op goedkeuring", "awaiting approval"),
            SourceChangePlanStatus.Approved => T("goedgekeurd, in uitvoering", "approved, being carried out"),
            SourceChangePlanStatus.Completed => T("uitgevoerd", "carried out"),
            SourceChangePlanStatus.Superseded => T("vervangen door een nieuwer plan", "replaced by a newer plan"),
            _ => status.ToString(),
        };

        private string SystemState(PlannedSystem system) => system.State switch
        {
            PlannedSystemState.Done when system.Proof?.Holds == true => T("uitgevoerd en bewezen", "carried out and proven"),
            PlannedSystemState.Done => T("uitgevoerd, bewijs klopt NIET", "carried out, proof does NOT hold"),
            PlannedSystemState.ConfirmedByHand => T("met de hand bevestigd", "confirmed by hand"),
            PlannedSystemState.Failed => T("mislukt", "failed") + (system.FailureCode is { } code ? $" ({code})" : ""),
            PlannedSystemState.NeedsNewApproval => T("nieuwe goedkeuring nodig", "needs a new approval"),
            _ => T("nog niet uitgevoerd", "not carried out yet"),
        };
    }
}
