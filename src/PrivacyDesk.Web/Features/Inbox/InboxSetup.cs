using PrivacyDesk.Data.Outbox;
using PrivacyDesk.Domain.Staff;

namespace PrivacyDesk.Web.Features.Inbox;

public static class InboxSetup
{
    /// <summary>The office's mailbox (issue 16): the recurring IMAP poll on the outbox, the Inbox and its .eml download.</summary>
    public static IServiceCollection AddInbox(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(ImapOptions.SectionName).Get<ImapOptions>() ?? new ImapOptions();
        services.AddSingleton(options);
        services.AddScoped<InboxService>();
        services.AddOutboxHandler<MailboxPoll>();
        if (!string.IsNullOrWhiteSpace(options.Host))
        {
            // No mailbox configured (Development, tests): no poll in the outbox at all, rather than one that does nothing every interval.
            services.AddRecurringOutboxMessage(MailboxPoll.Recurring);
        }
        return services;
    }

    public static string DownloadPath(Guid id) => $"/inbox/{id:N}/original";

    /// <summary>The original .eml: only for those who register requests, never cached, audited by the service.</summary>
    public static IEndpointRouteBuilder MapInboxEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/inbox/{id:guid}/original", async (Guid id, HttpContext http, InboxService inbox, CancellationToken cancellationToken) =>
            {
                var file = await inbox.DownloadAsync(http.User, id, cancellationToken);
                if (file.IsFailure)
                {
                    return file.Errors.Contains(InboxService.Forbidden) ? Results.Forbid() : Results.NotFound();
                }
                http.Response.Headers.CacheControl = "no-store";
                return Results.File(file.Value.Content, "message/rfc822", file.Value.FileName);
            })
            .RequireAuthorization(nameof(Permission.HandleRequests));
        return app;
    }
}
