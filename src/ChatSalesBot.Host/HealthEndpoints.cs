using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain.Storage;

namespace ChatSalesBot.Host;

/// <summary>
/// `GET /healthz` (liveness): 200 once the name index is built (the host listens only after that). It takes no lock,
/// neither the store's nor the index's, and the turns that block threads on the store are bounded
/// (<c>BackgroundTurns</c>), so it answers under any load. `GET /readyz` (readiness): 200 while the store can write,
/// 503 with the reason when not.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (CustomerDirectory directory) =>
            Results.Ok(new { status = "ok", customers = directory.Count }));
        endpoints.MapGet("/readyz", (ISalesStore store) =>
            store is IStoreHealth health && health.WriteProblem() is { } problem
                ? Results.Json(new { status = "unavailable", problem }, statusCode: StatusCodes.Status503ServiceUnavailable)
                : Results.Ok(new { status = "ready" }));
        return endpoints;
    }
}
