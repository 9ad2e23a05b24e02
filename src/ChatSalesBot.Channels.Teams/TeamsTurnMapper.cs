using System.Text.Json;
using System.Text.Json.Nodes;
using ChatSalesBot.Channels.Teams.Cards;
using ChatSalesBot.Channels.Teams.Schema;
using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Cards;

namespace ChatSalesBot.Channels.Teams;

/// <summary>
/// Translates a verified Teams activity into a neutral turn: the bot's own mention stripped from text, card
/// submits (Action.Submit message value, Action.Execute invoke data) decoded into a <see cref="ButtonPress"/>.
/// See docs/teams.md.
/// </summary>
public static class TeamsTurnMapper
{
    public static ChannelUser UserOf(Activity activity) => new(
        TeamsDirectoryPlatform,
        activity.TenantId ?? "",
        activity.From?.AadObjectId ?? activity.From?.Id ?? "",
        activity.From?.Name);

    /// <summary>A message with text, or a card submit (no text, a value carrying our action); null otherwise.</summary>
    public static Turn? FromMessage(Activity activity)
    {
        var deliveryId = DeliveryIdOf(activity);
        if (activity.Value is JsonObject value && string.IsNullOrWhiteSpace(activity.Text))
        {
            return FromData(activity, value, deliveryId);
        }

        var text = StripBotMention(activity);
        return text.Length == 0 ? null : new IncomingMessage(UserOf(activity), text) { DeliveryId = deliveryId };
    }

    /// <summary>An <c>adaptiveCard/action</c> invoke: <c>value.action.data</c> holds our action and the inputs.</summary>
    public static ButtonPress? FromAdaptiveCardAction(Activity activity) =>
        activity.Value?["action"]?["data"] is JsonObject data ? FromData(activity, data, DeliveryIdOf(activity)) : null;

    /// <summary>
    /// The text as the person saw it: the bot's own mention (a mention entity whose <c>mentioned.id</c> is the bot)
    /// removed, anyone else's <c>&lt;at&gt;Carol Diaz&lt;/at&gt;</c> as <c>@Carol Diaz</c>, then trimmed.
    /// </summary>
    public static string StripBotMention(Activity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.Type != TeamsChannel.MentionEntityType || string.IsNullOrEmpty(entity.Text))
            {
                continue;
            }

            var seen = botId is not null && entity.Mentioned?.Id == botId ? "" : "@" + MentionedName(entity.Text);
            text = text.Replace(entity.Text, seen, StringComparison.Ordinal);
        }

        return text.Trim();
    }

    private static string MentionedName(string mention) =>
        mention.StartsWith("<at>", StringComparison.Ordinal) && mention.EndsWith("</at>", StringComparison.Ordinal)
            ? mention["<at>".Length..^"</at>".Length]
            : mention;

    private const string TeamsDirectoryPlatform = "teams";

    private static ButtonPress? FromData(Activity activity, JsonObject data, string? deliveryId)
    {
        if (data[AdaptiveCardRenderer.ActionDataKey] is not JsonValue encoded
            || !encoded.TryGetValue<string>(out var raw)
            || !ButtonAction.TryDecode(raw, out var action))
        {
            return null;
        }

        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in data)
        {
            if (key == AdaptiveCardRenderer.ActionDataKey || key == "msteams" || node is null)
            {
                continue;
            }

            inputs[key] = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node.ToJsonString();
        }

        return new ButtonPress(UserOf(activity), action, inputs) { DeliveryId = deliveryId };
    }

    private static string? DeliveryIdOf(Activity activity) => activity.Id is null ? null : "teams:" + activity.Id;
}
