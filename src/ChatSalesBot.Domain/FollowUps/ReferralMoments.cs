using System.Text.RegularExpressions;

namespace ChatSalesBot.Domain.FollowUps;

/// <summary>
/// The two best moments to ask a customer for a referral: right after an order, and right after the customer thanked
/// the rep. The follow-up list suggests asking for <see cref="SalesRules.ReferralWindowDays"/> after the latest one.
/// </summary>
public static partial class ReferralMoments
{
    /// <summary>Whether a touch's notes say the customer thanked the rep.</summary>
    public static bool Thanked(string notes) => ThanksWords().IsMatch(notes);

    /// <summary>The moment after a thank-you on <paramref name="day"/>: the later of that day and the known moment.</summary>
    public static DateOnly AfterThanks(DateOnly? moment, DateOnly day) => moment is { } known && known > day ? known : day;

    /// <summary>
    /// The moment after the orders were summed up again: an order newer than the last one known before (and than the
    /// known moment) is a new moment; re-reading the same orders changes nothing.
    /// </summary>
    public static DateOnly? AfterOrders(DateOnly? moment, DateOnly? lastOrderBefore, DateOnly? lastOrderNow) =>
        lastOrderNow is { } ordered && ordered > (moment ?? DateOnly.MinValue) && ordered > (lastOrderBefore ?? DateOnly.MinValue)
            ? ordered
            : moment;

    [GeneratedRegex(@"\b(?:thank(?:s|ed| you)?|grateful)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThanksWords();
}
