using System.Text.Json.Serialization;

namespace ChatSalesBot.Channels.Teams.Schema;

/// <summary>Client-credentials token response <c>{token_type, expires_in, access_token}</c>. See docs/teams.md.</summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("access_token")] string? AccessToken);
