using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Storage;

namespace ChatSalesBot.Host.Admin;

/// <summary>What the command line asks the running server to back up, and whether it may replace a file there.</summary>
public sealed record BackupRequest(string Destination, bool Replace);

/// <summary>An admin request the server refused, or a backup that could not be written: one line for the admin.</summary>
public sealed record AdminError(string Error);

/// <summary>
/// `POST /admin/backup`: an online backup by the running server, which copies the file under the store's writer lock
/// (<see cref="IStoreBackup"/>). Answers loopback callers holding the token of "{database}.admin" only; anyone else
/// gets a bare 404 and an audit line.
/// </summary>
public static partial class AdminEndpoints
{
    public const string BackupPath = "/admin/backup";
    public const string Channel = "admin";

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(BackupPath, BackupAsync);
        return endpoints;
    }

    private static async Task<IResult> BackupAsync(HttpContext http, AdminAccess access, ISalesStore store, TimeProvider time,
        ILogger<AdminAccess> logger)
    {
        if (!access.Allows(http))
        {
            Refused(logger, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            store.AppendBuffered(new AuditEntry
            {
                At = time.GetUtcNow(),
                RepId = AdminChannel.SystemRepId,
                Action = AuditAction.AccessRefused,
                Channel = Channel,
                Detail = $"POST {BackupPath} from {http.Connection.RemoteIpAddress}: not loopback with the admin token",
            });
            return Results.NotFound();
        }

        var request = await http.Request.ReadFromJsonAsync<BackupRequest>(http.RequestAborted).ConfigureAwait(false);
        if (request is not { Destination.Length: > 0 } || !Path.IsPathFullyQualified(request.Destination))
        {
            return Results.BadRequest(new AdminError("Name the backup file or folder by its full path."));
        }

        if (store is not IStoreBackup backup)
        {
            return Results.Conflict(new AdminError("This store cannot be backed up by ChatSalesBot; use the database's own backup tools."));
        }

        try
        {
            var report = await Task.Run(() => StoreBackup.Run(backup, request.Destination, time, request.Replace), http.RequestAborted)
                .ConfigureAwait(false);
            store.Append(new AuditEntry
            {
                At = time.GetUtcNow(),
                RepId = AdminChannel.SystemRepId,
                Action = AuditAction.Backup,
                Channel = Channel,
                Detail = report.Summary,
            });
            return Results.Ok(report);
        }
        catch (Exception ex) when (ex is InvalidOperationException or StoreUnavailableException or ArgumentException or IOException
            or UnauthorizedAccessException)
        {
            return Results.Conflict(new AdminError(ex.Message));
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Admin request refused from {RemoteAddress}: not loopback with the admin token")]
    private static partial void Refused(ILogger logger, string remoteAddress);
}
