using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain.Access;
using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>The outcome of looking for one customer by what a rep typed.</summary>
public abstract record FoundCustomer
{
    /// <summary>Exactly one customer, with how much of it the rep may see.</summary>
    public sealed record One(Customer Customer, CardAccess Access) : FoundCustomer;

    /// <summary>Several plausible customers: the rep picks.</summary>
    public sealed record Several(IReadOnlyList<NameMatch> Matches) : FoundCustomer;

    /// <summary>No customer the rep may see matches; <paramref name="Near"/> are names that come close.</summary>
    public sealed record None(string Query, IReadOnlyList<NameMatch> Near) : FoundCustomer;
}

/// <summary>Turns typed names into customers the rep may see; other teams' customers never appear.</summary>
public static class CustomerFinder
{
    public static FoundCustomer Find(SalesDesk desk, TurnContext ctx, string query)
    {
        var matches = desk.Directory.Search(query, team => AccessPolicy.CanSeeTeam(ctx.Rep, team));
        if (matches.Count == 0)
        {
            var near = desk.Directory.Search(query, team => AccessPolicy.CanSeeTeam(ctx.Rep, team), limit: 3, minFuzzyScore: 55);
            return new FoundCustomer.None(query, near);
        }

        if (!IsClearWinner(matches))
        {
            return new FoundCustomer.Several(matches);
        }

        return ById(desk, ctx, matches[0].CustomerId) is { } one ? one : new FoundCustomer.None(query, []);
    }

    public static FoundCustomer.One? ById(SalesDesk desk, TurnContext ctx, int customerId)
    {
        var customer = desk.Store.GetCustomer(customerId);
        if (customer is null)
        {
            return null;
        }

        var access = AccessPolicy.For(ctx.Rep, customer);
        if (access == CardAccess.None)
        {
            // Names never lead here (search skips other teams): an id of another team's customer came from a forged
            // or stale button.
            desk.Refused(ctx, customer.Id, "another team's customer");
            return null;
        }

        return new FoundCustomer.One(customer, access);
    }

    private static bool IsClearWinner(IReadOnlyList<NameMatch> matches)
    {
        if (matches.Count == 1)
        {
            return true;
        }

        var (top, next) = (matches[0], matches[1]);
        return top.Kind == MatchKind.Exact ? next.Kind != MatchKind.Exact || top.Score > next.Score : top.Score >= 85 && top.Score - next.Score >= 10;
    }
}
