namespace ChatSalesBot.Channels.Teams.Auth;

/// <summary>
/// What checking a request's bearer token found. A closed set of kinds, each saying what the activity must still match,
/// so no kind can be mistaken for another (see <see cref="BotFrameworkTokenValidator.CheckActivity"/>). See docs/teams.md.
/// </summary>
public abstract record TokenValidationOutcome
{
    private TokenValidationOutcome()
    {
    }

    /// <summary>The token failed a check; the request gets a bare 401.</summary>
    public sealed record Rejected(string Reason) : TokenValidationOutcome;

    /// <summary>A Bot Framework channel token: its <c>serviceurl</c> claim and the channels its signing key is endorsed for.</summary>
    public sealed record BotFrameworkChannel(string ServiceUrl, IReadOnlySet<string> Endorsements) : TokenValidationOutcome;

    /// <summary>An Entra-issued token the bot's own app obtained (app id = audience); <c>serviceurl</c> when it carries one.</summary>
    public sealed record EntraChannel(string? ServiceUrl) : TokenValidationOutcome;

    /// <summary>Local development mode: no token was asked for.</summary>
    public sealed record NotRequired : TokenValidationOutcome
    {
        public static readonly NotRequired Instance = new();
    }
}
