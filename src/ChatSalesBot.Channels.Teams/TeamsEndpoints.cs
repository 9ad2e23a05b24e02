using System.Text.Json;
using ChatSalesBot.Channels.Teams.Auth;
using ChatSalesBot.Channels.Teams.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Channels.Teams;

/// <summary>
/// <c>POST /api/messages</c>: the bearer token is checked before the body is read; then the activity is parsed,
/// matched against the token's claims and handed on. Every failure is a bare status code, never a stack trace.
/// See PROTOCOLS.md §A–§C.
/// </summary>
public static class TeamsEndpoints
{
    public const string DefaultPattern = "/api/messages";

    public static IEndpointConventionBuilder MapTeams(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost(pattern, HandleAsync).DisableAntiforgery().WithName("TeamsMessages");
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<TeamsOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TeamsEndpoints).FullName!);
        var cancellationToken = context.RequestAborted;

        var token = TokenValidationOutcome.Unauthenticated;
        if (!options.IsLocalDevelopment)
        {
            var validator = services.GetRequiredService<BotFrameworkTokenValidator>();
            token = await validator.ValidateAsync(context.Request.Headers.Authorization.ToString(), cancellationToken);
            if (!token.IsValid)
            {
                TeamsLog.RequestRejected(logger, token.Failure!);
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
        }

        if (context.Request.ContentLength > options.MaxRequestBytes)
        {
            TeamsLog.MalformedActivity(logger, "body too large");
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxRequestBytes;
        }

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(context.Request.Body, TeamsJson.Options, cancellationToken);
        }
        catch (JsonException ex)
        {
            TeamsLog.MalformedActivity(logger, $"invalid JSON at {ex.Path ?? "?"}, line {ex.LineNumber}");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        catch (BadHttpRequestException ex)
        {
            TeamsLog.MalformedActivity(logger, ex.Message);
            context.Response.StatusCode = ex.StatusCode;
            return;
        }

        if (activity is null || string.IsNullOrEmpty(activity.Type) || activity.Conversation is null || string.IsNullOrEmpty(activity.ServiceUrl))
        {
            TeamsLog.MalformedActivity(logger, "not an activity (type, conversation or serviceUrl missing)");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (BotFrameworkTokenValidator.CheckActivity(token, activity) is { } mismatch)
        {
            TeamsLog.RequestRejected(logger, mismatch);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        TeamsLog.ActivityReceived(logger, activity.Type, activity.Id, activity.Conversation.ConversationType);
        var handler = services.GetRequiredService<TeamsActivityHandler>();
        switch (activity.Type)
        {
            case ActivityTypes.Message:
            case ActivityTypes.ConversationUpdate:
                handler.Enqueue(activity);
                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
            case ActivityTypes.Invoke when activity.Name == InvokeNames.AdaptiveCardAction:
                var response = await handler.HandleAdaptiveCardActionAsync(activity, cancellationToken);
                context.Response.StatusCode = StatusCodes.Status200OK;
                await context.Response.WriteAsJsonAsync(response, TeamsJson.Options, cancellationToken);
                return;
            default:
                TeamsLog.ActivityIgnored(logger, activity.Type, activity.Name);
                context.Response.StatusCode = StatusCodes.Status200OK;
                return;
        }
    }
}
