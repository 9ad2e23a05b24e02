using System.Globalization;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Access;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>
/// Keeps a customer's facts current from chat: a contact added or updated, the satisfaction, an alias, the address.
/// Every change is audited and remembered for undo; it goes only to a customer the name names for certain.
/// </summary>
public sealed partial class ChangeFacts(SalesDesk desk)
{
    public Reply FromMessage(TurnContext ctx, Intent.ChangeFacts intent)
    {
        if (intent.CustomerText.Length == 0)
        {
            return new Reply($"Which customer? Say it like \"{Example(intent.Kind)}\"; nothing was changed.", []) { IsError = true };
        }

        if (intent.Kind == FactKind.Satisfaction && !int.TryParse(intent.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            return Refuse($"Give the satisfaction as a number from 1 to 5, like \"satisfaction {CustomerCards.Shorten(intent.CustomerText, 60)} 4\"; nothing was changed.");
        }

        if (intent.Kind is FactKind.Aliases or FactKind.Address && intent.Value.Length == 0)
        {
            return Refuse($"Say the {(intent.Kind == FactKind.Aliases ? "alias" : "address")} after a colon, like \"{Example(intent.Kind)}\"; nothing was changed.");
        }

        return CustomerFinder.FindToChange(desk, ctx, intent.CustomerText) switch
        {
            FoundCustomer.One { Access: CardAccess.Full } one => Apply(ctx, one.Customer, intent.Kind, intent.Value, intent.Remove, ReplyPlacement.New),
            FoundCustomer.One one => NotYours(ctx, one.Customer),
            FoundCustomer.Several several => Reply.WithCard(
                $"\"{intent.CustomerText}\" fits several customers: which one? Nothing is changed until you pick.",
                CustomerCards.PickList($"Which \"{CustomerCards.Shorten(intent.CustomerText, 60)}\"?", several.Matches,
                    m => ButtonAction.Of(ActionVerbs.FactsPicked, ("c", m.CustomerId), ("k", intent.Kind), ("v", intent.Value), ("r", intent.Remove ? "1" : "0")),
                    "Change", CustomerCards.Describe(desk))),
            FoundCustomer.None none => new Reply($"No customer matches \"{none.Query}\"; nothing was changed.",
                [CustomerCards.NoMatch(none.Query, none.Near)]) { IsError = true },
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>A button of the pick list: the change it carries, made to its customer.</summary>
    public Reply FromPick(TurnContext ctx, ButtonAction action)
    {
        var kind = Enum.TryParse<FactKind>(action.Arg("k"), out var k) ? k : FactKind.Contact;
        return CustomerFinder.ById(desk, ctx, action.IntArg("c") ?? 0) switch
        {
            { Access: CardAccess.Full } one => Apply(ctx, one.Customer, kind, action.Arg("v") ?? "", action.Arg("r") == "1", ReplyPlacement.ReplaceOriginal),
            { } one => NotYours(ctx, one.Customer),
            null => new Reply("That customer is not available to you any more; nothing was changed.", []) { IsError = true },
        };
    }

    private Reply Apply(TurnContext ctx, Customer customer, FactKind kind, string value, bool remove, ReplyPlacement placement)
    {
        switch (kind)
        {
            case FactKind.Contact:
                return Contact(ctx, customer, value, placement);
            case FactKind.Satisfaction:
                if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var score))
                {
                    return Refuse($"Give the satisfaction as a number from 1 to 5, like \"satisfaction {customer.Name} 4\"; nothing was changed.");
                }

                if (CustomerFacts.CheckSatisfaction(score) is { } bad)
                {
                    return Refuse($"The {bad}; nothing was changed.");
                }

                return Save(ctx, customer, c => CustomerFacts.SetSatisfaction(c, score, ctx.Rep.Id, ctx.Now), placement);
            case FactKind.Aliases:
                if (value.Length == 0)
                {
                    return Refuse($"Which alias? Say it like \"alias {customer.Name}: HSE\"; nothing was changed.");
                }

                if (FieldLimits.TooLong("An alias", value, FieldLimits.Name) is { } longAlias)
                {
                    return Refuse(longAlias + "; nothing was changed.");
                }

                if (remove && !customer.Aliases.Any(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase)))
                {
                    return Refuse($"{customer.Name} has no alias \"{value}\"; nothing was changed.");
                }

                if (!remove && desk.Directory.Search(value, team => AccessPolicy.CanSeeTeam(ctx.Rep, team), limit: 5)
                        .FirstOrDefault(m => m.Kind == Matching.MatchKind.Exact && m.CustomerId != customer.Id) is { } taken)
                {
                    return Refuse($"\"{value}\" is already the name of {taken.Name}; an alias must find one customer. Nothing was changed.");
                }

                return Save(ctx, customer, c => CustomerFacts.ChangeAlias(c, value, remove, ctx.Rep.Id, ctx.Now), placement);
            default:
                if (FieldLimits.TooLong("The address", value, FieldLimits.Text) is { } longAddress)
                {
                    return Refuse(longAddress + "; nothing was changed.");
                }

                return Save(ctx, customer, c => CustomerFacts.SetAddress(c, value, ctx.Rep.Id, ctx.Now), placement);
        }
    }

    /// <summary>
    /// Applies the change to the record as it is when written (not as it was read), writes the audit line with it,
    /// and answers with the value before and after, and Undo.
    /// </summary>
    private Reply Save(TurnContext ctx, Customer customer, Func<Customer, (Customer Customer, FactChange Change)> change, ReplyPlacement placement)
    {
        FactChange? made = null;
        var stored = desk.Write(() =>
        {
            var updated = desk.Store.UpdateCustomer(customer.Id, c =>
            {
                var (next, fact) = change(c);
                made = fact;
                return next;
            });
            if (updated is not null && made is not null)
            {
                desk.Audit(ctx, AuditAction.ChangeFacts, customer.Id, Detail(made));
            }

            return updated;
        });
        if (stored is null || made is null)
        {
            return Refuse("That customer no longer exists; nothing was changed.");
        }

        if (made.Kind == FactKind.Aliases)
        {
            desk.Directory.Upsert(stored);
        }

        return Confirm(stored, made) with { Placement = placement };
    }

    internal static Reply Confirm(Customer customer, FactChange change)
    {
        var facts = new List<Fact> { new("Customer", customer.Name) };
        if (change.Kind == FactKind.Contact)
        {
            facts.AddRange(ContactFacts(change.ContactAfter!, change.ContactBefore));
        }
        else
        {
            facts.Add(new(Label(change.Kind), Shown(change.After)));
            facts.Add(new("Was", Shown(change.Before)));
        }

        var verb = change.Kind == FactKind.Contact && change.ContactBefore is null ? "added" : "updated";
        var text = $"{Capital(change.What)} of {customer.Name} {verb}.";
        return Reply.WithCard(text, new Card(CardKind.Confirmation, $"{Capital(change.What)} {verb}: {customer.Name}")
        {
            Body = [new FactSet(facts)],
            Buttons =
            [
                new("Undo", ButtonAction.Of(ActionVerbs.Undo, ("f", customer.Id), ("at", change.At.UtcTicks)), ButtonStyle.Danger),
                new("Open card", CustomerCards.Open(customer.Id)),
            ],
        });
    }

    private Reply NotYours(TurnContext ctx, Customer c)
    {
        desk.Refused(ctx, c.Id, "change to a teammate's customer");
        return new($"{c.Name} is {desk.RepName(c.OwnerRepId)}'s customer: ask them to change it, or your manager to reassign it.",
            [CustomerCards.Summary(desk, c)]) { IsError = true };
    }

    private static Reply Refuse(string text) => new(text, []) { IsError = true };

    private static string Detail(FactChange change) => change.Kind == FactKind.Contact
        ? $"{(change.ContactBefore is null ? "added" : "updated")} {change.What}"
        : $"{change.What}: {Shown(change.Before)} → {Shown(change.After)}";

    internal static string Label(FactKind kind) => kind switch
    {
        FactKind.Satisfaction => "Satisfaction",
        FactKind.Aliases => "Aliases",
        FactKind.Address => "Address",
        _ => "Contact",
    };

    internal static string Shown(string? value) => value is null ? "(none)" : value.Replace("\n", ", ", StringComparison.Ordinal);

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Example(FactKind kind) => kind switch
    {
        FactKind.Satisfaction => "satisfaction Hochland 4",
        FactKind.Aliases => "alias Hochland: HSE",
        FactKind.Address => "address Hochland: Hauptstr. 1, Berlin",
        _ => "contact Hochland: Anna Weber, buyer, +49 30 1234567, anna@hochland.de, birthday Mar 3",
    };
}
