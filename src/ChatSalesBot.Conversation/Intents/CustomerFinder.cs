using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain.Access;
using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>The outcome of looking for one customer by what a rep typed.</summary>
public abstract record FoundCustomer
{
    /// <summary>
    /// One customer, with how much of it the rep may see; <see cref="Also"/> are other customers the name fits about
    /// as well (only a look-up shows one customer then: a change never goes to it without the rep picking).
    /// </summary>
    public sealed record One(Customer Customer, CardAccess Access) : FoundCustomer
    {
        public IReadOnlyList<NameMatch> Also { get; init; } = [];
    }

    /// <summary>Several plausible customers: the rep picks.</summary>
    public sealed record Several(IReadOnlyList<NameMatch> Matches) : FoundCustomer;

    /// <summary>No customer the rep may see matches; <paramref name="Near"/> are names that come close.</summary>
    public sealed record None(string Query, IReadOnlyList<NameMatch> Near) : FoundCustomer;
}

/// <summary>Turns typed names into customers the rep may see; other teams' customers never appear.</summary>
public static partial class CustomerFinder
{
    /// <summary>
    /// For a change (a touch, a snooze, done): one customer only when the name names it for certain by
    /// <see cref="CustomerDirectory.Find"/>'s rule; otherwise the rep picks among the rivals. The whole of
    /// <paramref name="query"/> is the name (a form's customer field).
    /// </summary>
    public static FoundCustomer FindToChange(SalesDesk desk, TurnContext ctx, string query) =>
        FindToChange(desk, ctx, new NamedCustomer(query, "", Lookup(desk, ctx, query)));

    /// <summary>As above, for the name <see cref="NameIn"/> found in a message.</summary>
    public static FoundCustomer FindToChange(SalesDesk desk, TurnContext ctx, NamedCustomer named)
    {
        if (named.Lookup.Unambiguous is { } one)
        {
            return ById(desk, ctx, one.CustomerId) is { } found ? found : new FoundCustomer.None(named.Name, []);
        }

        return named.Lookup.Rivals.Count > 0 ? new FoundCustomer.Several(named.Lookup.Rivals) : NoneFor(desk, ctx, named.Name);
    }

    /// <summary>
    /// For a look-up: also the best match when it stands out (an exact name, or a match scoring at least 85 and
    /// 10 points ahead of the next), with the other close matches as <see cref="FoundCustomer.One.Also"/>. The name
    /// ends where <see cref="NameIn"/> says (a look-up changes nothing, so chatter after it is let go).
    /// </summary>
    public static FoundCustomer Find(SalesDesk desk, TurnContext ctx, string query) => Find(desk, ctx, NameIn(desk, ctx, query));

    /// <summary>As above, for the name <see cref="NameIn"/> found in a message.</summary>
    public static FoundCustomer Find(SalesDesk desk, TurnContext ctx, NamedCustomer named)
    {
        var lookup = named.Lookup;
        if (lookup.Matches.Count == 0)
        {
            return NoneFor(desk, ctx, named.Name);
        }

        var best = lookup.Unambiguous ?? (StandsOut(lookup.Matches) ? lookup.Matches[0] : null);
        if (best is null)
        {
            return new FoundCustomer.Several(lookup.Rivals.Count > 0 ? lookup.Rivals : lookup.Matches);
        }

        return ById(desk, ctx, best.CustomerId) is { } one
            ? one with { Also = lookup.Rivals.Where(m => m.CustomerId != best.CustomerId).ToList() }
            : new FoundCustomer.None(named.Name, []);
    }

    /// <summary>True when <paramref name="text"/> is the name or alias of a customer the rep may see.</summary>
    public static bool IsAName(SalesDesk desk, TurnContext ctx, string text) =>
        desk.Directory.Find(text, team => AccessPolicy.CanSeeTeam(ctx.Rep, team), limit: 1).Matches is [{ Kind: MatchKind.Exact }, ..];

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

    private static FoundCustomer.None NoneFor(SalesDesk desk, TurnContext ctx, string query) =>
        new(query, desk.Directory.Search(query, team => AccessPolicy.CanSeeTeam(ctx.Rep, team), limit: 3, minFuzzyScore: 55));

    private static bool StandsOut(IReadOnlyList<NameMatch> matches)
    {
        if (matches.Count == 1)
        {
            return true;
        }

        var (top, next) = (matches[0], matches[1]);
        return top.Kind == MatchKind.Exact
            ? next.Kind != MatchKind.Exact || top.Score > next.Score
            : top.Score >= CustomerDirectory.CertainTypoScore && top.Score - next.Score >= CustomerDirectory.ClearMargin;
    }
}
