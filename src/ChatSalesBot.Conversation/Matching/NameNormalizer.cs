using System.Globalization;
using System.Text;

namespace ChatSalesBot.Conversation.Matching;

/// <summary>
/// Folds a company name to the form names are compared in: lower case, no accents, no punctuation, and no legal
/// suffix ("Inc", "Ltd", "Co.", "GmbH", "有限公司"), so "Café Müller GmbH" and "cafe muller" meet.
/// </summary>
public static class NameNormalizer
{
    private static readonly string[] LegalSuffixes =
    [
        "inc", "incorporated", "ltd", "limited", "co", "company", "corp", "corporation", "llc", "llp", "plc",
        "gmbh", "ag", "kg", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "ab", "as", "oy", "pty", "pte", "kk",
    ];

    private static readonly string[] CjkLegalSuffixes = ["股份有限公司", "有限责任公司", "有限公司", "集团公司", "公司"];

    public static string Normalize(string name) => StripLegalSuffixes(Fold(name));

    /// <summary>Long and short forms of one suffix, so that "Acme Corp" typed is "Acme Corporation" as stored.</summary>
    private static readonly Dictionary<string, string> ShortSuffixes = new(StringComparer.Ordinal)
    {
        ["incorporated"] = "inc", ["limited"] = "ltd", ["company"] = "co", ["corporation"] = "corp",
    };

    /// <summary>
    /// The name as typed, folded like <see cref="Normalize"/> but keeping its legal suffix (in its short form):
    /// "Yamamoto Bottling Inc" and "… LLC" stay apart here, so the one a rep typed in full can be told from its
    /// namesakes.
    /// </summary>
    public static string Fold(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var decomposed = name.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        var lastWasSpace = true;
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
                lastWasSpace = false;
            }
            else if (ch == '&')
            {
                AppendSpaced(sb, "and", ref lastWasSpace);
            }
            else if (!lastWasSpace && ch != '\'' && ch != '’')
            {
                sb.Append(' ');
                lastWasSpace = true;
            }
        }

        return ShortenSuffixes(sb.ToString().Trim().Replace("ß", "ss", StringComparison.Ordinal));
    }

    private static string ShortenSuffixes(string folded)
    {
        var space = folded.LastIndexOf(' ');
        if (space < 0 || Array.IndexOf(LegalSuffixes, folded[(space + 1)..]) < 0)
        {
            return folded;
        }

        var words = folded.Split(' ');
        for (var i = words.Length - 1; i > 0 && Array.IndexOf(LegalSuffixes, words[i]) >= 0; i--)
        {
            words[i] = ShortSuffixes.GetValueOrDefault(words[i], words[i]);
        }

        return string.Join(' ', words);
    }

    private static void AppendSpaced(StringBuilder sb, string word, ref bool lastWasSpace)
    {
        if (!lastWasSpace)
        {
            sb.Append(' ');
        }

        sb.Append(word).Append(' ');
        lastWasSpace = true;
    }

    /// <summary>A folded name without its legal suffixes ("acme corp" → "acme").</summary>
    public static string StripLegalSuffixes(string folded)
    {
        var changed = true;
        while (changed && folded.Length > 0)
        {
            changed = false;
            foreach (var suffix in CjkLegalSuffixes)
            {
                if (folded.Length > suffix.Length && folded.EndsWith(suffix, StringComparison.Ordinal))
                {
                    folded = folded[..^suffix.Length].TrimEnd();
                    changed = true;
                }
            }

            var space = folded.LastIndexOf(' ');
            if (space > 0 && Array.IndexOf(LegalSuffixes, folded[(space + 1)..]) >= 0)
            {
                folded = folded[..space].TrimEnd();
                changed = true;
            }
        }

        return folded;
    }
}
