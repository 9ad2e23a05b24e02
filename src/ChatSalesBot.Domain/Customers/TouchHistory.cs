namespace ChatSalesBot.Domain.Customers;

/// <summary>Keeps a customer's short list of recent touches (newest first) right as touches come and go.</summary>
public static class TouchHistory
{
    public const int Kept = 3;

    public static IReadOnlyList<TouchSummary> With(IReadOnlyList<TouchSummary> recent, TouchSummary touch) =>
        recent.Where(t => t.TouchId != touch.TouchId).Append(touch)
            .OrderByDescending(t => t.At).ThenByDescending(t => t.TouchId)
            .Take(Kept).ToArray();

    public static IReadOnlyList<TouchSummary> Without(IReadOnlyList<TouchSummary> recent, int touchId) =>
        recent.Where(t => t.TouchId != touchId).ToArray();
}
