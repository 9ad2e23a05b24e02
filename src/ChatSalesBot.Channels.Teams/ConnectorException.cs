namespace ChatSalesBot.Channels.Teams;

/// <summary>A Bot Connector or token call that failed after the retries allowed for it. See docs/teams.md.</summary>
public sealed class ConnectorException(string operation, int statusCode, string? errorCode)
    : Exception($"Bot Connector {operation} failed with HTTP {statusCode} ({errorCode ?? "no error code"}).")
{
    public string Operation { get; } = operation;

    public int StatusCode { get; } = statusCode;

    public string? ErrorCode { get; } = errorCode;
}
