using ChatSalesBot.Conversation;
using ChatSalesBot.Conversation.Digests;
using ChatSalesBot.Conversation.Reports;
using ChatSalesBot.Domain.Digests;

namespace ChatSalesBot.Host.Digests;

/// <summary>Which reply a subscription's slot produces: its <see cref="DigestSubscription.Kind"/> picks the composer.</summary>
public sealed class SlotReplies(DigestComposer digests, WeeklyReportComposer reports)
{
    public DigestComposer Digests => digests;

    /// <summary>The reply, or why it is not sent. A dry run writes no file (a chart only says where it would go).</summary>
    public (Reply? Reply, string? Refusal) ForSlot(DigestSubscription subscription, DateTimeOffset slot, bool late, bool dryRun = false)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return subscription.Kind == DigestKind.WeeklyReport
            ? reports.ForSlot(subscription, slot, late, dryRun)
            : digests.ForSlot(subscription, slot, late, dryRun);
    }
}
