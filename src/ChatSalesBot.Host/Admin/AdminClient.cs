using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace ChatSalesBot.Host.Admin;

/// <summary>The command line's side of the <see cref="AdminDoor"/>: asks the running server for an online backup.</summary>
public static class AdminClient
{
    /// <summary>Copying and checking a large book takes a while; the server answers when the copy is checked.</summary>
    private static readonly TimeSpan BackupTimeout = TimeSpan.FromMinutes(30);

    /// <exception cref="InvalidOperationException">The server refused or could not write the backup (its reason).</exception>
    public static async Task<BackupReport> BackupAsync(AdminDoor door, string destination, bool replace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(door);
        using var http = new HttpClient { BaseAddress = new Uri(door.Url), Timeout = BackupTimeout };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", door.Token);
        // The server runs elsewhere in the file system's eyes (its own working folder): send a full path, and keep
        // the trailing separator that says "a folder" (StoreBackup.TargetPath).
        var full = Path.GetFullPath(destination);
        if (EndsWithSeparator(destination) && !EndsWithSeparator(full))
        {
            full += Path.DirectorySeparatorChar;
        }

        using var response = await http.PostAsJsonAsync(AdminEndpoints.BackupPath, new BackupRequest(full, replace), cancellationToken)
            .ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return await response.Content.ReadFromJsonAsync<BackupReport>(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The running server answered the backup request without a report.");
        }

        var error = await ReadError(response, cancellationToken).ConfigureAwait(false);
        throw new InvalidOperationException($"The running server did not write the backup: {error}");
    }

    private static bool EndsWithSeparator(string path) =>
        path.EndsWith(Path.DirectorySeparatorChar) || path.EndsWith(Path.AltDirectorySeparatorChar);

    private static async Task<string> ReadError(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return (await response.Content.ReadFromJsonAsync<AdminError>(cancellationToken).ConfigureAwait(false))?.Error
                ?? $"HTTP {(int)response.StatusCode}";
        }
        catch (System.Text.Json.JsonException)
        {
            return $"HTTP {(int)response.StatusCode}";
        }
    }
}
