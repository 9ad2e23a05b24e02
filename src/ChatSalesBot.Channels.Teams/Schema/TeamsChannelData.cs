using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatSalesBot.Channels.Teams.Schema;

/// <summary>Teams <c>channelData</c>: tenant, team, channel and event type. See docs/teams.md.</summary>
public sealed record TeamsChannelData
{
    public TeamsIdentifier? Tenant { get; init; }

    public TeamsIdentifier? Team { get; init; }

    public TeamsIdentifier? Channel { get; init; }

    public string? EventType { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; init; }
}

/// <summary>An <c>{id, name}</c> pair inside Teams channelData. See docs/teams.md.</summary>
public sealed record TeamsIdentifier(string Id, string? Name = null);
