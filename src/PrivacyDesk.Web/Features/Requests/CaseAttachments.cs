using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PrivacyDesk.Data;
using PrivacyDesk.Domain.Auditing;
using PrivacyDesk.Domain.Common;
using PrivacyDesk.Domain.Requests;
using PrivacyDesk.Domain.Staff;
using PrivacyDesk.Web.Features.Settings;
using PrivacyDesk.Web.Hosting;

namespace PrivacyDesk.Web.Features.Requests;

/// <summary>One original of a request (the e-mail or letter), as the case lists it: never its content.</summary>
public sealed record AttachmentRow(Guid Id, string FileName, string ContentType, long SizeBytes, string Sha256, string UploadedByName, DateTimeOffset UploadedAt);

/// <summary>A downloaded original.</summary>
public sealed record AttachmentFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The originals of a request on the case page: listed for whoever may see the case, downloaded
/// through <see cref="CaseAttachmentEndpoints"/>, and every download recorded in the audit trail (on
/// the case's view stream, so it never makes someone's next save stale).
/// </summary>
public sealed class CaseAttachments(IServiceScopeFactory scopes, TimeProvider clock, ControllerSettings controllerSettings)
{
    public const string DownloadedAction = "request.attachment.downloaded";

    public async Task<Result<IReadOnlyList<AttachmentRow>>> ListAsync(ClaimsPrincipal caller, Guid requestId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var allowed = await MaySeeAsync(db, caller, requestId, cancellationToken);
        if (allowed.IsFailure)
        {
            return Result<IReadOnlyList<AttachmentRow>>.Failure(allowed.Errors);
        }
        var zone = (await controllerSettings.CurrentAsync(cancellationToken)).TimeZone;
        // The content stays in the database: the list selects the columns it shows.
        var rows = await db.Set<RequestAttachment>().AsNoTracking()
            .Where(a => a.RequestId == requestId)
            .OrderBy(a => a.UploadedAt)
            .Select(a => new { a.Id, a.FileName, a.ContentType, a.SizeBytes, a.Sha256, a.UploadedByName, a.UploadedAt })
            .ToListAsync(cancellationToken);
        return Result.Success<IReadOnlyList<AttachmentRow>>([.. rows.Select(a => new AttachmentRow(
            a.Id, a.FileName, a.ContentType, a.SizeBytes, a.Sha256, a.UploadedByName, TimeZoneInfo.ConvertTime(a.UploadedAt, zone)))]);
    }

    public async Task<Result<AttachmentFile>> DownloadAsync(ClaimsPrincipal caller, string reference, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        if (!RequestReference.TryParse(reference, out var parsed))
        {
            return Result<AttachmentFile>.Failure(CaseWorkspace.NotFound);
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PrivacyDeskDbContext>();
        var requestId = await db.Requests.Where(r => r.Reference == parsed).Select(r => (Guid?)r.Id).SingleOrDefaultAsync(cancellationToken);
        if (requestId is null)
        {
            return Result<AttachmentFile>.Failure(CaseWorkspace.NotFound);
        }
        var allowed = await MaySeeAsync(db, caller, requestId.Value, cancellationToken);
        if (allowed.IsFailure)
        {
            return Result<AttachmentFile>.Failure(allowed.Errors);
        }
        var attachment = await db.Set<RequestAttachment>().AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == attachmentId && a.RequestId == requestId, cancellationToken);
        if (attachment is null)
        {
            return Result<AttachmentFile>.Failure(CaseWorkspace.NotFound);
        }
        var actor = caller.ToActor();
        // Who took a copy of the original, and which one (by hash); never the file name, which may hold a name.
        db.AuditEvents.Add(AuditEvent.Record(clock.GetUtcNow(), actor.Id, actor.Name, DownloadedAction, CaseWorkspace.ViewEntityType,
            requestId.Value.ToString(), AuditDetails.Of(("attachmentId", attachment.Id), ("sha256", attachment.Sha256))));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success(new AttachmentFile(attachment.FileName, attachment.ContentType, attachment.Content));
    }

    /// <summary>The case's own visibility rule: a case the caller may not see answers "not found", like one that does not exist.</summary>
    private static async Task<Result> MaySeeAsync(PrivacyDeskDbContext db, ClaimsPrincipal caller, Guid requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Has(Permission.ViewRequests))
        {
            return Result.Failure(CaseWorkspace.Forbidden);
        }
        var handler = await db.Requests.Where(r => r.Id == requestId).Select(r => new { r.HandlerId }).SingleOrDefaultAsync(cancellationToken);
        return handler is not null && RequestVisibility.MayView(caller.ToActor(), handler.HandlerId)
            ? Result.Success()
            : Result.Failure(CaseWorkspace.NotFound);
    }
}

/// <summary>The download of a request's original; only for whoever may see the case, never cached.</summary>
public static class CaseAttachmentEndpoints
{
    public static string DownloadPath(string reference, Guid attachmentId) =>
        string.Create(CultureInfo.InvariantCulture, $"/requests/{Uri.EscapeDataString(reference)}/attachments/{attachmentId}");

    public static IEndpointRouteBuilder MapCaseAttachmentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/requests/{reference}/attachments/{attachmentId:guid}",
                async (string reference, Guid attachmentId, HttpContext http, CaseAttachments attachments, CancellationToken cancellationToken) =>
                {
                    var file = await attachments.DownloadAsync(http.User, reference, attachmentId, cancellationToken);
                    if (file.IsFailure)
                    {
                        return file.Errors.Any(e => e == CaseWorkspace.Forbidden) ? Results.Forbid() : Results.NotFound();
                    }
                    http.Response.Headers.CacheControl = "no-store";
                    return Results.File(file.Value.Content, file.Value.ContentType, file.Value.FileName);
                })
            .RequireAuthorization(nameof(Permission.ViewRequests));
        return app;
    }
}
