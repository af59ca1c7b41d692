using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Web.Components.Pages.Administration.SourceSystems;

/// <summary>How the administrator gives the connection: a name in the server's configuration, or a connection string typed once.</summary>
public enum ConnectionMode
{
    ConfiguredName,
    TypedConnectionString,
}

/// <summary>
/// The add/edit dialog's fields. The typed connection string lives here only until it is saved: then it is
/// cleared, and the dialog says one is stored encrypted instead of ever showing it again.
/// </summary>
public sealed class SourceSystemForm
{
    public string Name { get; set; } = "";

    public string Owner { get; set; } = "";

    public string Description { get; set; } = "";

    public ConnectorKind Connector { get; set; } = ConnectorKind.Manual;

    public ConnectionMode Mode { get; set; } = ConnectionMode.ConfiguredName;

    public string ConnectionReference { get; set; } = "";

    /// <summary>What the administrator typed now; empty keeps the stored one.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The system has an encrypted connection string stored (its value never reaches the page).</summary>
    public bool HasStoredConnectionString { get; set; }

    /// <summary>The erasure user's connection (issue 15), in the same two forms; its typed string is never shown back either.</summary>
    public ConnectionMode ErasureMode { get; set; } = ConnectionMode.ConfiguredName;

    public string ErasureConnectionReference { get; set; } = "";

    public string ErasureConnectionString { get; set; } = "";

    public bool HasStoredErasureConnectionString { get; set; }

    public bool FetchAutomatically { get; set; }

    public int RowCapPerTable { get; set; } = SourceSystem.DefaultRowCapPerTable;

    public int StatementTimeoutSeconds { get; set; } = SourceSystem.DefaultStatementTimeoutSeconds;

    public bool IsManual => Connector == ConnectorKind.Manual;

    /// <summary>The reference to send: only in its mode, and never for a manual system.</summary>
    public string? ReferenceToSave => !IsManual && Mode == ConnectionMode.ConfiguredName && ConnectionReference.Trim().Length > 0 ? ConnectionReference.Trim() : null;

    /// <summary>The connection string to send: only when typed now, in its mode; null keeps the stored one.</summary>
    public string? ConnectionStringToSave => !IsManual && Mode == ConnectionMode.TypedConnectionString && ConnectionString.Length > 0 ? ConnectionString : null;

    public string? ErasureReferenceToSave => !IsManual && ErasureMode == ConnectionMode.ConfiguredName && ErasureConnectionReference.Trim().Length > 0 ? ErasureConnectionReference.Trim() : null;

    public string? ErasureConnectionStringToSave => !IsManual && ErasureMode == ConnectionMode.TypedConnectionString && ErasureConnectionString.Length > 0 ? ErasureConnectionString : null;
}
