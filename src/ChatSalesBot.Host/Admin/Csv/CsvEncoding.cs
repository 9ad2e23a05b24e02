using System.Text;

namespace ChatSalesBot.Host.Admin.Csv;

/// <summary>
/// How an import decodes its file: UTF-8 by default, strictly (a byte that is not UTF-8 becomes U+FFFD, which rejects
/// its row, instead of a silent "Caf� M�ller"); or Windows-1252, as Excel saves "CSV" on Western Windows.
/// </summary>
public static class CsvEncoding
{
    /// <summary>What an undecodable byte turns into; a row holding it is rejected.</summary>
    public const char Undecodable = '\uFFFD';

    public const string Utf8Name = "utf-8";
    public const string Cp1252Name = "cp1252";

    public static Encoding Utf8 { get; } =
        new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>"utf-8" (default) or "cp1252"/"windows-1252"; null for anything else.</summary>
    public static Encoding? Parse(string? name)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case null or "" or Utf8Name or "utf8":
                return Utf8;
            case Cp1252Name or "windows-1252":
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                return Encoding.GetEncoding(1252);
            default:
                return null;
        }
    }

    /// <summary>The row's error when a cell holds an undecodable byte; null otherwise.</summary>
    public static string? Problem(IEnumerable<string> cells)
    {
        var bad = cells.FirstOrDefault(c => c.Contains(Undecodable, StringComparison.Ordinal));
        return bad is null ? null
            : $"not UTF-8: '{(bad.Length <= 40 ? bad : bad[..40] + "…")}' has bytes UTF-8 does not allow. Save the file as "
              + $"UTF-8 (\"CSV UTF-8\" in Excel), or import it with --encoding {Cp1252Name} if it came from Excel on Windows";
    }
}
