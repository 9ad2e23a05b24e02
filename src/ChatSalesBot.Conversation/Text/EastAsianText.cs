namespace ChatSalesBot.Conversation.Text;

/// <summary>
/// What the parser and the name index need to know about Chinese, Japanese and Korean text: which characters are
/// ideographs (names without spaces between words), and the full-width forms an IME types for ASCII.
/// </summary>
public static class EastAsianText
{
    public static bool IsCjk(char c) =>
        c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\u3040' and <= '\u30ff'
            or >= '\uac00' and <= '\ud7a3' or >= '\uf900' and <= '\ufaff';

    public static bool HasCjk(string text)
    {
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Full-width ASCII (＂：；，！？（）０-９Ａ-Ｚ＂), the ideographic space, full stop (。) and comma (、) as their
    /// ASCII forms, one character for one, so that an index found in the folded text is an index in the original:
    /// markers are looked for in the folded copy, and what the rep typed is kept as typed.
    /// </summary>
    public static string FoldWidth(string text)
    {
        var i = 0;
        while (i < text.Length && Fold(text[i]) == text[i])
        {
            i++;
        }

        if (i == text.Length)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var j = 0; j < source.Length; j++)
            {
                span[j] = Fold(source[j]);
            }
        });
    }

    private static char Fold(char c) => c switch
    {
        >= '\uff01' and <= '\uff5e' => (char)(c - 0xfee0),
        '\u3000' => ' ',
        '\u3002' or '\uff61' => '.',
        '\u3001' or '\uff64' => ',',
        _ => c,
    };
}
