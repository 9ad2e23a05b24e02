using System.Text;

namespace ChatSalesBot.Conversation.Cards;

/// <summary>How a button should look; platforms that cannot style buttons ignore it.</summary>
public enum ButtonStyle
{
    Default,
    Primary,
    Danger,
}

/// <summary>A button: a label and the action it sends back when pressed.</summary>
public sealed record CardButton(string Label, ButtonAction Action, ButtonStyle Style = ButtonStyle.Default);

/// <summary>
/// What a button press asks for: a verb and a few string arguments. Encoded compactly ("snooze|c=42|d=3")
/// so that it fits Slack's 2,000-character button value and an Adaptive Card's data alike.
/// </summary>
public sealed record ButtonAction(string Verb, IReadOnlyDictionary<string, string> Args)
{
    public const int MaxEncodedLength = 2000;

    public ButtonAction(string verb)
        : this(verb, new Dictionary<string, string>())
    {
    }

    public string? Arg(string name) => Args.TryGetValue(name, out var v) ? v : null;

    public int? IntArg(string name) => int.TryParse(Arg(name), out var v) ? v : null;

    public static ButtonAction Of(string verb, params (string Name, object Value)[] args) =>
        new(verb, args.ToDictionary(a => a.Name, a => Convert.ToString(a.Value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));

    public string Encode()
    {
        var sb = new StringBuilder(Escape(Verb));
        foreach (var (name, value) in Args)
        {
            sb.Append('|').Append(Escape(name)).Append('=').Append(Escape(value));
        }

        return sb.ToString();
    }

    public static bool TryDecode(string? encoded, out ButtonAction action)
    {
        action = new ButtonAction("");
        if (string.IsNullOrWhiteSpace(encoded) || encoded.Length > MaxEncodedLength)
        {
            return false;
        }

        var parts = encoded.Split('|');
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < parts.Length; i++)
        {
            var eq = parts[i].IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return false;
            }

            args[Unescape(parts[i][..eq])] = Unescape(parts[i][(eq + 1)..]);
        }

        var verb = Unescape(parts[0]);
        if (verb.Length == 0)
        {
            return false;
        }

        action = new ButtonAction(verb, args);
        return true;
    }

    private static string Escape(string s) => Uri.EscapeDataString(s);

    private static string Unescape(string s) => Uri.UnescapeDataString(s);
}
