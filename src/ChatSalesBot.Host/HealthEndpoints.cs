using ChatSalesBot.Conversation.Matching;

namespace ChatSalesBot.Host;

/// <summary>`GET /healthz`: 200 once the store is open and the name index is built.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (CustomerDirectory directory) =>
            Results.Ok(new { status = "ok", customers = directory.Count }));
        return endpoints;
    }
}
