using System.Text.Json;

namespace ChatSalesBot.Channels.Slack;

/// <summary>
/// What a modal carries in <c>private_metadata</c> (≤ 3000 characters): the encoded submit action and where
/// the user opened it, so the confirmation goes back to that conversation.
/// </summary>
public sealed record FormMetadata(string Submit)
{
    public string? ChannelId { get; init; }

    public string? ResponseUrl { get; init; }

    public string Serialize()
    {
        var json = JsonSerializer.Serialize(this, SlackJson.Options);

        // response_urls are long; without it the confirmation still reaches the user through chat.postEphemeral or a DM.
        return json.Length <= SlackText.MaxPrivateMetadata ? json : JsonSerializer.Serialize(this with { ResponseUrl = null }, SlackJson.Options);
    }

    public static FormMetadata? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<FormMetadata>(json, SlackJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
