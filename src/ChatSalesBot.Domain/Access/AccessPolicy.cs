using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Reps;

namespace ChatSalesBot.Domain.Access;

/// <summary>How much of a customer record a person may see.</summary>
public enum CardAccess
{
    /// <summary>Another team's customer: it does not exist for this person.</summary>
    None,

    /// <summary>A teammate's customer: name, owner, tier, last touch, so they know whom to ask.</summary>
    Summary,

    /// <summary>The whole card, and the right to log and change.</summary>
    Full,
}

/// <summary>Confidentiality rules of docs/design.md: own customers full, teammates' summary, other teams invisible.</summary>
public static class AccessPolicy
{
    public static CardAccess For(Rep viewer, Customer customer)
    {
        if (viewer.Role == Role.Admin || customer.OwnerRepId == viewer.Id || viewer.Manages(customer.TeamId))
        {
            return CardAccess.Full;
        }

        return customer.TeamId == viewer.TeamId ? CardAccess.Summary : CardAccess.None;
    }

    /// <summary>Whether a customer of this team may appear in the viewer's search results at all.</summary>
    public static bool CanSeeTeam(Rep viewer, string teamId) =>
        viewer.Role == Role.Admin || teamId == viewer.TeamId || viewer.Manages(teamId);

    /// <summary>Whether the viewer sees every customer of the team in full (a manager of it, an admin): team digests and reports.</summary>
    public static bool SeesTeamInFull(Rep viewer, string teamId) => viewer.Role == Role.Admin || viewer.Manages(teamId);

    /// <summary>
    /// Whether the viewer may see a rep's book as the rep sees it (their follow-ups, their customers' cards): the rep
    /// themself, a manager of the rep's team, an admin. A teammate may not: a rep sees their own book only.
    /// </summary>
    public static bool SeesBookOf(Rep viewer, Rep rep) =>
        viewer.Role == Role.Admin || viewer.Id == rep.Id || (rep.Active && viewer.Manages(rep.TeamId));
}
