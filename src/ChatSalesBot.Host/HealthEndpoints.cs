using System.Globalization;
using ChatSalesBot.Conversation.Background;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain.Storage;

namespace ChatSalesBot.Host;

/// <summary>
/// `GET /healthz` (liveness): 200 as soon as the host listens, also while it still loads the book (`ready` says
/// whether it has). It takes no lock, neither the store's nor the index's, and the turns that block threads on the
/// store are bounded (<c>BackgroundTurns</c>), so it answers under any load. `GET /readyz` (readiness): 200 once the
/// book is loaded and while the store can write, 503 with the reason when not.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Seconds a caller is asked to wait while the book loads (about what loading 100,000 customers takes).</summary>
    public const int LoadingRetryAfterSeconds = 5;

    public const string HealthPath = "/healthz";
    public const string ReadyPath = "/readyz";

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(HealthPath, (CustomerDirectory directory, BookReadiness readiness) =>
            Results.Ok(new { status = "ok", ready = readiness.IsReady, customers = directory.Count }));
        endpoints.MapGet(ReadyPath, (HttpContext context, ISalesStore store, BookReadiness readiness) =>
        {
            if (readiness.Problem is { } loading)
            {
                context.Response.Headers.RetryAfter = LoadingRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return Results.Json(new { status = "starting", problem = loading }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            return store is IStoreHealth health && health.WriteProblem() is { } problem
                ? Results.Json(new { status = "unavailable", problem }, statusCode: StatusCodes.Status503ServiceUnavailable)
                : Results.Ok(new { status = "ready" });
        });
        return endpoints;
    }

    /// <summary>
    /// Until the book is loaded every request but the two health checks is answered 503 with Retry-After and never
    /// reaches a channel: Slack sends an Events API request again after a failed one (the first retry at once, then
    /// after a minute and after five), a slash command is not sent again and its user sees Slack's error, so they
    /// run it again. Nothing is read or written for a refused request.
    /// </summary>
    public static IApplicationBuilder UseBookLoadingGate(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var readiness = app.ApplicationServices.GetRequiredService<BookReadiness>();
        return app.Use(async (context, next) =>
        {
            if (readiness.IsReady || context.Request.Path.Equals(HealthPath, StringComparison.Ordinal)
                || context.Request.Path.Equals(ReadyPath, StringComparison.Ordinal)
                || context.GetEndpoint()?.Metadata.GetMetadata<AnswersWhileBookLoads>() is not null)
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = LoadingRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await context.Response.WriteAsJsonAsync(new { status = "starting", problem = readiness.Problem }).ConfigureAwait(false);
        });
    }
}
