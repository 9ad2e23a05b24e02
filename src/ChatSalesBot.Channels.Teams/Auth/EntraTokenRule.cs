using Microsoft.IdentityModel.JsonWebTokens;

namespace ChatSalesBot.Channels.Teams.Auth;

/// <summary>Which Entra-issued tokens count as the channel's. See docs/teams.md, "What the endpoint does".</summary>
internal static class EntraTokenRule
{
    /// <summary>
    /// Bot Framework's own rule for Entra-issued tokens on the channel path, as botbuilder-dotnet 4.23 applies it in
    /// <c>ParameterizedBotFrameworkAuthentication.JwtTokenValidation_AuthenticateTokenAsync</c>: a token whose app id
    /// differs from its audience is a skill token (<c>SkillValidation.IsSkillClaim</c>), refused unless allowed callers
    /// are configured (ChatSalesBot is no skill and has none); otherwise it is taken as an emulator token
    /// (<c>EmulatorValidation</c>), which needs a <c>ver</c> claim and the bot's own app id in <c>appid</c> (1.0) or
    /// <c>azp</c> (2.0). Any app of a tenant can get a token for another app of that tenant (and any bot one from the
    /// botframework.com tenant), so without this a colleague's app could pose as the channel. The Agents SDK's
    /// <c>AgentClaims.IsAgentClaim</c> draws the same line: app id different from the audience = agent-to-agent, not channel.
    /// Null when the token passes, else the reason.
    /// </summary>
    public static string? Problem(JsonWebToken token, string botAppId)
    {
        if (!token.TryGetPayloadValue<string>("ver", out var version) || string.IsNullOrWhiteSpace(version))
        {
            return "ver claim missing on an Entra-issued token";
        }

        var claim = version switch
        {
            "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        if (claim is null)
        {
            return "unknown token version on an Entra-issued token";
        }

        if (!token.TryGetPayloadValue<string>(claim, out var appId) || string.IsNullOrWhiteSpace(appId))
        {
            return $"{claim} claim missing on an Entra-issued token";
        }

        var audience = token.Audiences.FirstOrDefault();
        if (!string.Equals(appId, audience, StringComparison.OrdinalIgnoreCase))
        {
            return "skill token (its app id is not the audience); no allowed callers are configured";
        }

        return string.Equals(appId, botAppId, StringComparison.OrdinalIgnoreCase) ? null : "app id is not the bot's own";
    }
}
