using System.Diagnostics;
using System.Text.Json;

namespace ChatSalesBot.Host.Admin;

/// <summary>
/// How the command line reaches a running `serve` for work that needs the open database (an online backup): its
/// address and a random token, in "{database}.admin", readable by the account running the server only.
/// </summary>
public sealed record AdminDoor(string Url, string Token, int ProcessId)
{
    public static string FileOf(string databasePath) => Path.GetFullPath(databasePath) + ".admin";

    /// <summary>The door of the server that has this database open, or null when no server runs on it.</summary>
    public static AdminDoor? Find(string databasePath)
    {
        var file = FileOf(databasePath);
        AdminDoor? door;
        try
        {
            door = File.Exists(file) ? JsonSerializer.Deserialize<AdminDoor>(File.ReadAllText(file)) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }

        return door is { Url.Length: > 0, Token.Length: > 0 } && IsRunning(door.ProcessId) ? door : null;
    }

    /// <summary>Writes the door for others to find; owner-only where the file system has permissions.</summary>
    public void WriteFor(string databasePath)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var file = FileOf(databasePath);
        File.Delete(file);
        using var stream = new FileStream(file, options);
        JsonSerializer.Serialize(stream, this);
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
