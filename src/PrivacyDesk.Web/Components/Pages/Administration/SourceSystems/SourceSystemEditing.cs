using System.Security.Claims;
using PrivacyDesk.Domain.Sources;
using PrivacyDesk.Web.Features.SourceSystems;

namespace PrivacyDesk.Web.Components.Pages.Administration.SourceSystems;

using Error = PrivacyDesk.Domain.Common.Error;

/// <summary>
/// The add/edit dialog's work: reads a system into the form and saves the form through the service's named changes
/// (create, describe and fetching limits, connection), each with the stamp last read, stopping at the first refusal.
/// A typed connection string leaves the form after every save, accepted or not, and is never read back.
/// </summary>
public sealed class SourceSystemEditing(SourceSystemAdministration systems, ClaimsPrincipal caller)
{
    public SourceSystemForm Form { get; } = new();

    /// <summary>The system as last read; null until a new one is created.</summary>
    public SourceSystemDetail? Saved { get; private set; }

    public Guid? Id => Saved?.Id;

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public async Task<bool> LoadAsync(Guid id)
    {
        var result = await systems.GetAsync(caller, id);
        if (result.IsFailure)
        {
            Errors = result.Errors;
            return false;
        }
        Saved = result.Value;
        Fill(Saved);
        return true;
    }

    public async Task<bool> SaveAsync()
    {
        try
        {
            Errors = await SaveCoreAsync();
            return Errors.Count == 0;
        }
        finally
        {
            Form.ConnectionString = "";
            Form.ErasureConnectionString = "";
            if (Saved is not null)
            {
                Form.HasStoredConnectionString = Saved.ConnectionKind == SourceConnectionKind.EncryptedConnectionString;
                Form.HasStoredErasureConnectionString = Saved.ErasureConnectionKind == SourceConnectionKind.EncryptedConnectionString;
            }
        }
    }

    private async Task<IReadOnlyList<Error>> SaveCoreAsync()
    {
        if (Saved is null)
        {
            var created = await systems.CreateAsync(caller, new NewSourceSystem(Form.Name, Form.Owner, Form.Description, Form.Connector));
            if (created.IsFailure || !await RereadAsync(created.Value))
            {
                return created.Errors;
            }
        }
        var saved = Saved!;
        var fetchAutomatically = !Form.IsManual && Form.FetchAutomatically;
        if (saved.Name != Form.Name.Trim() || saved.Owner != Trimmed(Form.Owner) || saved.Description != Trimmed(Form.Description)
            || saved.FetchAutomatically != fetchAutomatically || saved.RowCapPerTable != Form.RowCapPerTable || saved.StatementTimeoutSeconds != Form.StatementTimeoutSeconds)
        {
            // A new system's automatic fetching needs its connector first: the limits go now, the switch after the connection.
            var update = new SourceSystemUpdate(Form.Name, Form.Owner, Form.Description, fetchAutomatically && saved.Connector != ConnectorKind.Manual, Form.RowCapPerTable, Form.StatementTimeoutSeconds);
            var updated = await systems.UpdateAsync(caller, saved.Id, saved.ConcurrencyStamp, update);
            if (updated.IsFailure || !await RereadAsync(saved.Id))
            {
                return updated.Errors;
            }
        }
        saved = Saved!;
        if (saved.Connector != Form.Connector || Form.ConnectionStringToSave is not null
            || (Form.ReferenceToSave is { } reference && reference != saved.ConnectionReference))
        {
            var connected = await systems.SetConnectionAsync(caller, saved.Id, saved.ConcurrencyStamp, Form.Connector, Form.ReferenceToSave, Form.ConnectionStringToSave);
            if (connected.IsFailure || !await RereadAsync(saved.Id))
            {
                return connected.Errors;
            }
            if (Saved!.FetchAutomatically != fetchAutomatically)
            {
                var update = new SourceSystemUpdate(Saved.Name, Saved.Owner, Saved.Description, fetchAutomatically, Saved.RowCapPerTable, Saved.StatementTimeoutSeconds);
                var updated = await systems.UpdateAsync(caller, Saved.Id, Saved.ConcurrencyStamp, update);
                if (updated.IsFailure || !await RereadAsync(Saved.Id))
                {
                    return updated.Errors;
                }
            }
        }
        saved = Saved!;
        if (Form.ErasureConnectionStringToSave is not null
            || (Form.ErasureReferenceToSave is { } erasureReference && erasureReference != saved.ErasureConnectionReference))
        {
            var changed = await systems.SetErasureConnectionAsync(caller, saved.Id, saved.ConcurrencyStamp, Form.ErasureReferenceToSave, Form.ErasureConnectionStringToSave);
            if (changed.IsFailure || !await RereadAsync(saved.Id))
            {
                return changed.Errors;
            }
        }
        return [];
    }

    private async Task<bool> RereadAsync(Guid id)
    {
        var result = await systems.GetAsync(caller, id);
        Saved = result.IsSuccess ? result.Value : Saved;
        return result.IsSuccess;
    }

    private void Fill(SourceSystemDetail detail)
    {
        Form.Name = detail.Name;
        Form.Owner = detail.Owner ?? "";
        Form.Description = detail.Description ?? "";
        Form.Connector = detail.Connector;
        Form.Mode = detail.ConnectionKind == SourceConnectionKind.EncryptedConnectionString ? ConnectionMode.TypedConnectionString : ConnectionMode.ConfiguredName;
        Form.ConnectionReference = detail.ConnectionReference ?? "";
        Form.HasStoredConnectionString = detail.ConnectionKind == SourceConnectionKind.EncryptedConnectionString;
        Form.ErasureMode = detail.ErasureConnectionKind == SourceConnectionKind.EncryptedConnectionString ? ConnectionMode.TypedConnectionString : ConnectionMode.ConfiguredName;
        Form.ErasureConnectionReference = detail.ErasureConnectionReference ?? "";
        Form.HasStoredErasureConnectionString = detail.ErasureConnectionKind == SourceConnectionKind.EncryptedConnectionString;
        Form.FetchAutomatically = detail.FetchAutomatically;
        Form.RowCapPerTable = detail.RowCapPerTable;
        Form.StatementTimeoutSeconds = detail.StatementTimeoutSeconds;
    }

    private static string? Trimmed(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
