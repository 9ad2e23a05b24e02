namespace ChatSalesBot.Host.Reports;

/// <summary>
/// `GET /charts/{id}?exp=…&amp;sig=…`: the weekly report's chart for the chat platform to fetch (Teams shows an
/// Image element by fetching its URL). 403 when the signature is wrong or the link expired, 404 when there is no such
/// chart (never written, or deleted after the retention).
/// </summary>
public static class ChartEndpoints
{
    public static IEndpointRouteBuilder MapCharts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/charts/{id}", (string id, string? exp, string? sig, ChartLinks links, ReportCharts charts) =>
        {
            if (!ChartLinks.IsChartId(id))
            {
                return Results.NotFound();
            }

            if (!links.IsValid(id, exp, sig))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            return charts.FileOf(id) is { } path ? Results.File(path, "image/png") : Results.NotFound();
        });
        return endpoints;
    }
}
