using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace PrivacyDesk.Web.Features.Mail;

/// <summary>Where mail goes: the configured SMTP server; in Development without one, a pickup folder; otherwise nowhere (a visible failure).</summary>
public enum MailRoute
{
    Smtp,
    PickupFolder,
    NotConfigured,
}

/// <summary>
/// Hands a finished message to the SMTP server with MailKit (ADR 0043), or in Development without a server writes it as an
/// .eml file to the pickup folder. Answers null when the message was accepted, otherwise an error code from
/// <see cref="MailErrors"/>; exceptions of the connection never leave it (their messages may name addresses).
/// </summary>
public sealed partial class MailTransport(IOptions<MailOptions> options, IHostEnvironment environment, ILogger<MailTransport> logger)
{
    private MailOptions Options => options.Value;

    public MailRoute Route => Options.HasSmtpServer ? MailRoute.Smtp : environment.IsDevelopment() ? MailRoute.PickupFolder : MailRoute.NotConfigured;

    /// <summary>The pickup folder as an absolute path (relative settings are under the content root).</summary>
    public string PickupFolder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, Options.PickupDirectory));

    public Task<string?> DeliverAsync(MimeMessage message, Guid emailId, CancellationToken cancellationToken) => Route switch
    {
        MailRoute.Smtp => SendAsync(message, cancellationToken),
        MailRoute.PickupFolder => WritePickupAsync(message, emailId, cancellationToken),
        _ => Task.FromResult<string?>(MailErrors.NotConfigured),
    };

    private async Task<string?> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = Options.Smtp;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Each operation has the timeout; the whole attempt at most three of them (connect, sign in, send).
        timeout.CancelAfter(smtp.Timeout * 3);
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!.Trim(), smtp.Port, smtp.Security switch
            {
                MailSecurity.None => SecureSocketOptions.None,
                MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTls,
            }, timeout.Token);
            if (!string.IsNullOrWhiteSpace(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", timeout.Token);
            }
            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (Code(exception) is { } code)
        {
            LogSmtpFailed(code, exception);
            return code;
        }
    }

    /// <summary>The code for what went wrong with the server; null for anything else (a bug, which the outbox records by type).</summary>
    internal static string? Code(Exception exception) => exception switch
    {
        AuthenticationException => MailErrors.AuthFailed,
        SslHandshakeException => MailErrors.TlsFailed,
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } => MailErrors.RecipientRejected,
        // 4xx: the server is busy or away for now; 5xx: it refuses.
        SmtpCommandException { StatusCode: var status } when (int)status is >= 400 and < 500 => MailErrors.Unavailable,
        SmtpCommandException => MailErrors.Rejected,
        SmtpProtocolException => MailErrors.Protocol,
        NotSupportedException => MailErrors.Unsupported,
        SocketException or IOException or TimeoutException or OperationCanceledException or ServiceNotConnectedException => MailErrors.Unavailable,
        _ => null,
    };

    private async Task<string?> WritePickupAsync(MimeMessage message, Guid emailId, CancellationToken cancellationToken)
    {
        try
        {
            var folder = PickupFolder;
            Directory.CreateDirectory(folder);
            // Sortable by time; the e-mail's id in the name says which row it is (never the address).
            var path = Path.Combine(folder, $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{emailId:N}.eml");
            await message.WriteToAsync(path, cancellationToken);
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogSmtpFailed(MailErrors.PickupFailed, exception);
            return MailErrors.PickupFailed;
        }
    }

    /// <summary>The code and the exception's type only: its message may quote an address.</summary>
    private void LogSmtpFailed(string errorCode, Exception exception)
    {
        var type = exception.GetType().Name;
        LogFailed(errorCode, type);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail delivery failed with {ErrorCode} ({ErrorType}).")]
    private partial void LogFailed(string errorCode, string errorType);
}
