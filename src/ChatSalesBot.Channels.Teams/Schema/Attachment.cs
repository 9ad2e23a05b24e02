using System.Text.Json.Nodes;

namespace ChatSalesBot.Channels.Teams.Schema;

/// <summary>An activity attachment, e.g. an Adaptive Card. See PROTOCOLS.md §C.</summary>
public sealed record Attachment(string ContentType, JsonNode? Content);
