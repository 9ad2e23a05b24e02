using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatSalesBot.Channels.Teams.Schema;

/// <summary>An activity entity; a mention is <c>{type:"mention", mentioned:{id,name}, text:"&lt;at&gt;Name&lt;/at&gt;"}</c>. See docs/teams.md.</summary>
public sealed record Entity
{
    public string Type { get; init; } = "";

    public ChannelAccount? Mentioned { get; init; }

    public string? Text { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; init; }
}
