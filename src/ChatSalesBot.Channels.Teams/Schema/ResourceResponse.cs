namespace ChatSalesBot.Channels.Teams.Schema;

/// <summary>The connector's answer to a send or create: <c>{id}</c> (plus serviceUrl/activityId on create). See docs/teams.md.</summary>
public sealed record ResourceResponse
{
    public string? Id { get; init; }

    public string? ActivityId { get; init; }

    public string? ServiceUrl { get; init; }
}
