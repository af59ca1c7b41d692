using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Sources;

namespace PrivacyDesk.Web.Features.SourceSystems;

/// <summary>
/// A source system's connection string (ADR 0036): from configuration by reference (<c>SourceSystems:Connections:&lt;name&gt;</c>),
/// or decrypted from what an administrator typed once. Only the connectors see the result; it is never logged,
/// put in an error, an audit entry or a page.
/// </summary>
public sealed class SourceSystemConnections(IConfiguration configuration, IDataProtectionProvider protection)
{
    public const string ProtectionPurpose = "PrivacyDesk.SourceSystems.Connection.v1";
    public const string ConfigurationSection = "SourceSystems:Connections";

    /// <summary>The erasure user's string has its own purpose: a read string copied into the erasure column does not decrypt (issue 15).</summary>
    public const string ErasureProtectionPurpose = "PrivacyDesk.SourceSystems.ErasureConnection.v1";

    private readonly IDataProtector _protector = protection.CreateProtector(ProtectionPurpose);
    private readonly IDataProtector _erasureProtector = protection.CreateProtector(ErasureProtectionPurpose);

    /// <summary>Encrypts a connection string the administrator typed, for <see cref="SourceSystem.ProtectedConnectionString"/>.</summary>
    public string Protect(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return _protector.Protect(connectionString.Trim());
    }

    /// <summary>Encrypts the erasure user's connection string, for <see cref="SourceSystem.ProtectedErasureConnectionString"/>.</summary>
    public string ProtectErasure(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return _erasureProtector.Protect(connectionString.Trim());
    }

    /// <summary>
    /// The erasure user's connection string (a user allowed to update and delete; never the read one), or the same codes as
    /// <see cref="ResolveAsync"/>: <c>.none</c> when the system has no erasure connection.
    /// </summary>
    public Task<Result<string>> ResolveErasureAsync(SourceSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return Task.FromResult(Resolve(system.Connector, system.ErasureConnectionReference, system.ProtectedErasureConnectionString, _erasureProtector));
    }

    /// <summary>The connection string, or <c>source.connection.missing</c> (configured name absent), <c>.none</c> or <c>.unreadable</c>.</summary>
    public Task<Result<string>> ResolveAsync(SourceSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return Task.FromResult(Resolve(system.Connector, system.ConnectionReference, system.ProtectedConnectionString, _protector));
    }

    private Result<string> Resolve(ConnectorKind connector, string? connectionReference, string? protectedConnectionString, IDataProtector protector)
    {
        if (connector == ConnectorKind.Manual)
        {
            return Result<string>.Failure(SourceErrors.KindNotConnected);
        }
        if (connectionReference is { } reference)
        {
            var value = configuration[$"{ConfigurationSection}:{reference}"];
            return string.IsNullOrWhiteSpace(value)
                ? Result<string>.Failure(SourceSystemErrors.ConnectionMissing with
                {
                    Arguments = new Dictionary<string, string>(StringComparer.Ordinal) { ["reference"] = reference },
                })
                : Result.Success(value);
        }
        if (protectedConnectionString is { } protectedValue)
        {
            try
            {
                return Result.Success(protector.Unprotect(protectedValue));
            }
            catch (CryptographicException)
            {
                // The key ring changed (lost, or another application's): the administrator types the string again.
                return Result<string>.Failure(SourceSystemErrors.ConnectionUnreadable);
            }
        }
        return Result<string>.Failure(SourceSystemErrors.ConnectionNone);
    }
}
