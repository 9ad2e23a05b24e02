using System.Text.Json.Nodes;

namespace ChatSalesBot.Channels.Teams.Schema;

/// <summary>HTTP body answering an <c>adaptiveCard/action</c> invoke: statusCode, type and value. See docs/teams.md.</summary>
public sealed record InvokeResponse(int StatusCode, string Type, JsonNode? Value)
{
    public static InvokeResponse Card(JsonNode card) => new(200, TeamsChannel.AdaptiveCardContentType, card);

    public static InvokeResponse Message(string text) => new(200, TeamsChannel.MessageResponseType, JsonValue.Create(text));

    public static InvokeResponse Error(int statusCode, string code, string message) =>
        new(statusCode, TeamsChannel.ErrorResponseType, new JsonObject { ["code"] = code, ["message"] = message });
}
