namespace ChatSalesBot.Channels.Slack.Payloads;

/// <summary>The <c>user</c> object of interactive payloads.</summary>
public sealed record SlackUserRef(string Id)
{
    public string? Username { get; init; }

    public string? Name { get; init; }

    public string? TeamId { get; init; }
}

/// <summary>The <c>team</c> object of interactive payloads.</summary>
public sealed record SlackTeamRef(string Id)
{
    public string? Domain { get; init; }
}

/// <summary>The <c>channel</c> object of interactive payloads.</summary>
public sealed record SlackChannelRef(string Id)
{
    public string? Name { get; init; }
}

/// <summary>Where the pressed element lives: <c>message</c> (with channel and ts) or <c>view</c> (modal / Home tab).</summary>
public sealed record InteractionContainer(string Type)
{
    public string? MessageTs { get; init; }

    public string? ChannelId { get; init; }

    public bool? IsEphemeral { get; init; }

    public string? ViewId { get; init; }
}

/// <summary>The message a message shortcut was used on, or that holds a pressed button.</summary>
public sealed record SlackMessageRef
{
    public string? Text { get; init; }

    public string? Ts { get; init; }

    public string? User { get; init; }
}
