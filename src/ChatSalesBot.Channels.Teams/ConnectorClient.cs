using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChatSalesBot.Channels.Teams.Auth;
using ChatSalesBot.Channels.Teams.Schema;
using Microsoft.Extensions.Logging;

namespace ChatSalesBot.Channels.Teams;

/// <summary>
/// The Bot Connector REST API at an activity's <c>serviceUrl</c>: replies, sends, updates, new conversations and
/// members. The bot's token is attached here and nowhere else. Retries live in the HTTP client's resilience
/// handler (see <see cref="TeamsServiceCollectionExtensions"/>). See docs/teams.md.
/// </summary>
public sealed class ConnectorClient(IHttpClientFactory httpClientFactory, ConnectorTokenProvider tokens, ServiceUrlAllowList serviceUrls,
    ILogger<ConnectorClient> logger)
{
    public const string HttpClientName = "Teams.Connector";

    /// <summary><see cref="ConnectorException.ErrorCode"/> of a call not made because its serviceUrl is not on the allow-list.</summary>
    public const string ServiceUrlNotAllowed = "ServiceUrlNotAllowed";

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity,
        CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}",
            activity, "reply", cancellationToken);

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity,
        CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities",
            activity, "send", cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity,
        CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}",
            activity, "update", cancellationToken);

    public Task<ResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters,
        CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, "create conversation", cancellationToken);

    /// <summary>One member of a conversation (with email / userPrincipalName), or null when Teams does not know them.</summary>
    public async Task<TeamsChannelAccount?> GetConversationMemberAsync(string serviceUrl, string conversationId, string memberId,
        CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync<TeamsChannelAccount>(HttpMethod.Get, serviceUrl,
                $"v3/conversations/{Escape(conversationId)}/members/{Escape(memberId)}", null, "get member", cancellationToken);
        }
        catch (ConnectorException ex) when (ex.StatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string serviceUrl, string path, object? body, string operation,
        CancellationToken cancellationToken)
        where T : class, new()
    {
        // Checked here too, not only at the door: proactive sends use stored references and the default serviceUrl.
        if (!serviceUrls.AllowsConnectorCallsTo(serviceUrl))
        {
            TeamsLog.ServiceUrlRefused(logger, operation);
            throw new ConnectorException(operation, 0, ServiceUrlNotAllowed);
        }

        using var request = new HttpRequestMessage(method, new Uri(BaseUri(serviceUrl), path));
        if (await tokens.GetTokenAsync(cancellationToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: TeamsJson.Options);
        }

        var client = httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var code = await ErrorCodeAsync(response, cancellationToken);
            TeamsLog.ConnectorCallFailed(logger, operation, (int)response.StatusCode, code);
            throw new ConnectorException(operation, (int)response.StatusCode, code);
        }

        if (response.Content.Headers.ContentLength == 0)
        {
            return new T();
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<T>(TeamsJson.Options, cancellationToken) ?? new T();
        }
        catch (JsonException)
        {
            return new T();
        }
    }

    private static Uri BaseUri(string serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException("The serviceUrl is not an absolute http(s) URL.", nameof(serviceUrl));
        }

        return serviceUrl.EndsWith('/') ? uri : new Uri(serviceUrl + "/");
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var doc = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), default, cancellationToken);
            return doc.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
