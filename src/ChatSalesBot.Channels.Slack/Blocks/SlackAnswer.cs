namespace ChatSalesBot.Channels.Slack.Blocks;

/// <summary>
/// The answer to a DM or mention, rendered and kept with its pending delivery before it is posted, so that a restart
/// posts the same answer instead of running the turn again. Ephemeral: an error answered to its author only (in a
/// channel); otherwise the posts go to the channel (and thread) of the event, and the charts after them as files in
/// the first post's thread.
/// </summary>
public sealed record SlackAnswer(bool Ephemeral, IReadOnlyList<SlackPost> Posts, IReadOnlyList<SlackChart>? Charts = null)
{
    public string Serialize() => SlackJson.Serialize(this);

    /// <summary>A saved answer, or null when <paramref name="json"/> is not one (then the turn runs again).</summary>
    public static SlackAnswer? TryRead(string json)
    {
        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<SlackAnswer>(json, SlackJson.Options);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

/// <summary>A chart file of an answer: shared with files.getUploadURLExternal / completeUploadExternal after the posts.</summary>
public sealed record SlackChart(string Path, string Title, string AltText);
