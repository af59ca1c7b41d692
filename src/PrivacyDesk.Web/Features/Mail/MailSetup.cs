using Microsoft.Extensions.Options;
using PrivacyDesk.Data.Outbox;

namespace PrivacyDesk.Web.Features.Mail;

public static class MailSetup
{
    /// <summary>Outgoing e-mail (issue 16, ADR 0043): the settings, the sender on the outbox, the Outbox page's service, a start-up line saying where mail goes.</summary>
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidation>();
        services.AddSingleton<MailTransport>();
        services.AddOutboxHandler<MailSendHandler>();
        services.AddSingleton<OutboxAdministration>();
        services.AddHostedService<MailRouteNotice>();
        return services;
    }
}

/// <summary>Says once at start where e-mail goes, so nobody wonders why no mail arrived (and Development finds its pickup folder).</summary>
public sealed partial class MailRouteNotice(MailTransport transport, IOptions<MailOptions> options, ILogger<MailRouteNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        switch (transport.Route)
        {
            case MailRoute.Smtp:
                LogSmtp(options.Value.Smtp.Host!, options.Value.Smtp.Port, options.Value.Smtp.Security);
                break;
            case MailRoute.PickupFolder:
                LogPickup(transport.PickupFolder);
                break;
            default:
                LogNotConfigured();
                break;
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail: e-mails go to the SMTP server {Host}:{Port} ({Security}).")]
    private partial void LogSmtp(string host, int port, MailSecurity security);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail: no SMTP server is configured (Mail:Smtp:Host), so in Development every e-mail is written as an .eml file to {Folder} and shown on Administration > Outbox.")]
    private partial void LogPickup(string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail: no SMTP server is configured (Mail:Smtp:Host); e-mails stay in the outbox, failing with mail.not_configured, until one is. See docs/operations.md.")]
    private partial void LogNotConfigured();
}
