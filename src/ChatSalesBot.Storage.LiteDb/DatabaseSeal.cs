using System.IO.Hashing;

namespace ChatSalesBot.Storage.LiteDb;

/// <summary>
/// "{file}.xxh128": a checksum of the whole file, written when the store closes it cleanly and beside every backup,
/// removed when a store opens the file for writing. LiteDB 5 keeps no checksums of its own, so this is what notices a
/// changed byte (a flipped bit, a bad sector, a partial copy) in a file at rest. XXH128 finds accidental damage, not
/// deliberate tampering, and reads the file at disk speed.
/// </summary>
internal static class DatabaseSeal
{
    public static string PathOf(string databasePath) => databasePath + ".xxh128";

    /// <summary>Writes the checksum of the file as it is now, in the "hash  name" form of the xxhsum tools.</summary>
    public static void Write(string databasePath)
    {
        var seal = PathOf(databasePath);
        var temporary = seal + ".tmp";
        File.WriteAllText(temporary, $"{Hash(databasePath)}  {Path.GetFileName(databasePath)}\n");
        File.Move(temporary, seal, overwrite: true);
    }

    /// <summary>Copies a file's checksum to the copy of the file (a backup, a restore).</summary>
    public static void CopyTo(string databasePath, string copyPath)
    {
        var seal = PathOf(databasePath);
        if (File.Exists(seal))
        {
            File.WriteAllText(PathOf(copyPath), $"{Recorded(seal)}  {Path.GetFileName(copyPath)}\n");
        }
    }

    /// <summary>Null when there is no seal or the file matches it; otherwise what is wrong.</summary>
    public static string? Problem(string databasePath)
    {
        var seal = PathOf(databasePath);
        if (!File.Exists(seal))
        {
            return null;
        }

        return string.Equals(Recorded(seal), Hash(databasePath), StringComparison.OrdinalIgnoreCase) ? null
            : $"its contents changed since it was last closed cleanly or backed up (the checksum in {seal} does not match)";
    }

    /// <summary>The file is about to change: its checksum no longer holds.</summary>
    public static void Break(string databasePath) => File.Delete(PathOf(databasePath));

    public static bool Exists(string databasePath) => File.Exists(PathOf(databasePath));

    private static string Recorded(string seal) => File.ReadAllText(seal).Split(' ', 2)[0].Trim();

    private static string Hash(string path)
    {
        var hash = new XxHash128();
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 20))
        {
            hash.Append(stream);
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }
}
