using Microsoft.Extensions.Options;

namespace PrivacyDesk.Web.Features.SourceChanges;

/// <summary>
/// Carrying out erasure in the source systems (issue 15): the key for keyed hashes (masks, row keys, subject keys) and the
/// row count above which an approver confirms a second time. The key lives in configuration, never beside the data it hashes.
/// </summary>
public sealed class SourceChangeOptions
{
    public const string SectionName = "SourceSystems:Erasure";

    /// <summary>Below this many bytes an HMAC key is guessable; 32 is SHA-256's own size.</summary>
    public const int HashKeyMinimumBytes = 32;

    public const int DefaultMaxRowsPerTable = 10_000;

    /// <summary>Base64, at least <see cref="HashKeyMinimumBytes"/> bytes (environment variable <c>SourceSystems__Erasure__HashKey</c>).</summary>
    public string? HashKey { get; set; }

    public int MaxRowsPerTable { get; set; } = DefaultMaxRowsPerTable;

    /// <summary>The decoded key, or null when it is missing, not base64 or too short.</summary>
    public byte[]? HashKeyBytes()
    {
        if (string.IsNullOrWhiteSpace(HashKey))
        {
            return null;
        }
        var buffer = new byte[HashKey.Length];
        return Convert.TryFromBase64String(HashKey.Trim(), buffer, out var written) && written >= HashKeyMinimumBytes ? buffer[..written] : null;
    }
}

/// <summary>Outside Development the app does not start without a usable hash key: masks and proofs made with a missing key could not be checked again.</summary>
public sealed class SourceChangeOptionsValidation(IHostEnvironment environment) : IValidateOptions<SourceChangeOptions>
{
    public ValidateOptionsResult Validate(string? name, SourceChangeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [];
        if (options.MaxRowsPerTable < 1)
        {
            failures.Add($"{SourceChangeOptions.SectionName}:MaxRowsPerTable must be at least 1.");
        }
        if (options.HashKeyBytes() is null && (!environment.IsDevelopment() || !string.IsNullOrWhiteSpace(options.HashKey)))
        {
            failures.Add($"{SourceChangeOptions.SectionName}:HashKey is not set or not base64 of at least {SourceChangeOptions.HashKeyMinimumBytes} bytes " +
                "(kept out of the database; environment variable SourceSystems__Erasure__HashKey). See docs/operations.md.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
