using PrivacyDesk.Connectors;
using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Web.Features.SourceSystems;

/// <summary>The connector for a kind of system, from the connectors registered in DI (tests register their own).</summary>
public sealed class ConnectorLookup(IEnumerable<ISourceConnector> connectors)
{
    private readonly IReadOnlyList<ISourceConnector> _connectors = [.. connectors];

    /// <summary>Null for <see cref="ConnectorKind.Manual"/> and for a kind this build has no connector for.</summary>
    public ISourceConnector? For(ConnectorKind kind) => kind == ConnectorKind.Manual ? null : _connectors.LastOrDefault(c => c.Kind == kind);
}
