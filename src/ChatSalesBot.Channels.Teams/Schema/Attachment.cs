using System.Text.Json.Nodes;

namespace ChatSalesBot.Channels.Teams.Schema;

/// <summary>An activity attachment, e.g. an Adaptive Card. See docs/teams.md.</summary>
public sealed record Attachment(string ContentType, JsonNode? Content);
