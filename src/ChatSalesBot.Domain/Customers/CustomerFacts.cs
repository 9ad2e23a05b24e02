using System.Globalization;

namespace ChatSalesBot.Domain.Customers;

/// <summary>
/// The facts a rep keeps current from chat (docs/design.md, "Keeping the record current"): contacts, satisfaction,
/// aliases and the address. Every change is remembered on the record with its value before, for undo; a change is
/// applied to the record as it is when written, so two reps changing different fields of one contact both keep theirs,
/// and a form that saw other values than the stored ones is refused field by field (<see cref="MergeContact"/>).
/// </summary>
public static class CustomerFacts
{
    /// <summary>How many changes a record remembers for undo.</summary>
    public const int KeptChanges = 5;

    /// <summary>
    /// The customer with <paramref name="contact"/> added, or replacing the contact of the same name (case and
    /// accents aside, or <paramref name="formerName"/> when it is being renamed), and the change made.
    /// </summary>
    public static (Customer Customer, FactChange Change) SetContact(Customer customer, Contact contact, int repId, DateTimeOffset at, string? formerName = null)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(contact);
        var index = IndexOf(customer, formerName ?? contact.Name);
        var before = index >= 0 ? customer.Contacts[index] : null;
        var contacts = customer.Contacts.ToList();
        if (index >= 0)
        {
            contacts[index] = contact;
        }
        else
        {
            contacts.Add(contact);
        }

        var change = new FactChange { RepId = repId, At = at, Kind = FactKind.Contact, ContactBefore = before, ContactAfter = contact };
        return (Remember(customer with { Contacts = contacts }, change), change);
    }

    /// <summary>The contact of that name (case and accents aside), or null.</summary>
    public static Contact? FindContact(Customer customer, string name)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var index = IndexOf(customer, name);
        return index >= 0 ? customer.Contacts[index] : null;
    }

    /// <summary>Null when 1–5; otherwise why not.</summary>
    public static string? CheckSatisfaction(int score) =>
        score is >= 1 and <= 5 ? null : $"satisfaction is 1 (very unhappy) to 5 (delighted), not {score}";

    public static (Customer Customer, FactChange Change) SetSatisfaction(Customer customer, int score, int repId, DateTimeOffset at) =>
        SetText(customer, FactKind.Satisfaction, score.ToString(CultureInfo.InvariantCulture), repId, at);

    public static (Customer Customer, FactChange Change) SetAddress(Customer customer, string? address, int repId, DateTimeOffset at) =>
        SetText(customer, FactKind.Address, string.IsNullOrWhiteSpace(address) ? null : address.Trim(), repId, at);

    /// <summary>The customer with <paramref name="alias"/> added (or, with <paramref name="remove"/>, taken off).</summary>
    public static (Customer Customer, FactChange Change) ChangeAlias(Customer customer, string alias, bool remove, int repId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var aliases = customer.Aliases.Where(a => !Same(a, alias)).ToList();
        if (!remove)
        {
            aliases.Add(alias.Trim());
        }

        return SetText(customer, FactKind.Aliases, aliases.Count == 0 ? null : string.Join('\n', aliases), repId, at);
    }

    /// <summary>The fact's current value as a change stores it.</summary>
    public static string? TextOf(Customer customer, FactKind kind)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return kind switch
        {
            FactKind.Satisfaction => customer.Satisfaction?.ToString(CultureInfo.InvariantCulture),
            FactKind.Aliases => customer.Aliases.Count == 0 ? null : string.Join('\n', customer.Aliases),
            FactKind.Address => customer.Address,
            _ => null,
        };
    }

    /// <summary>
    /// Takes <paramref name="change"/> back: the fact returns to its value before, unless it was changed since (then
    /// null: a later change by anyone is never overwritten by an undo).
    /// </summary>
    public static Customer? Undo(Customer customer, FactChange change)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(change);
        Customer reverted;
        if (change.Kind == FactKind.Contact)
        {
            var index = IndexOf(customer, change.ContactAfter!.Name);
            if (index < 0 || customer.Contacts[index] != change.ContactAfter)
            {
                return null;
            }

            var contacts = customer.Contacts.ToList();
            if (change.ContactBefore is { } before)
            {
                contacts[index] = before;
            }
            else
            {
                contacts.RemoveAt(index);
            }

            reverted = customer with { Contacts = contacts };
        }
        else
        {
            if (TextOf(customer, change.Kind) != change.After)
            {
                return null;
            }

            reverted = WithText(customer, change.Kind, change.Before);
        }

        return reverted with { FactChanges = [.. customer.FactChanges.Select(c => c == change ? c with { Undone = true } : c)] };
    }

    /// <summary>
    /// A contact form submitted over a record that may have changed since it was shown: per field, what the rep left
    /// as shown keeps the stored value (another rep's change survives); what the rep changed is taken, unless the
    /// stored value also changed to something else since — those fields are the conflicts, and nothing is saved.
    /// </summary>
    public static (Contact Merged, IReadOnlyList<string> Conflicts) MergeContact(Contact stored, Contact shown, Contact typed)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(shown);
        ArgumentNullException.ThrowIfNull(typed);
        var conflicts = new List<string>();
        T Pick<T>(string field, T s, T seen, T mine)
        {
            if (EqualityComparer<T>.Default.Equals(mine, seen) || EqualityComparer<T>.Default.Equals(s, mine))
            {
                return EqualityComparer<T>.Default.Equals(mine, seen) ? s : mine;
            }

            if (!EqualityComparer<T>.Default.Equals(s, seen))
            {
                conflicts.Add(field);
            }

            return mine;
        }

        var merged = new Contact
        {
            Name = Pick("name", stored.Name, shown.Name, typed.Name),
            Title = Pick("title", stored.Title, shown.Title, typed.Title),
            Phone = Pick("phone", stored.Phone, shown.Phone, typed.Phone),
            Email = Pick("email", stored.Email, shown.Email, typed.Email),
            Birthday = Pick("birthday", stored.Birthday, shown.Birthday, typed.Birthday),
            Stale = Pick("stale", stored.Stale, shown.Stale, typed.Stale),
        };
        return (merged, conflicts);
    }

    private static (Customer Customer, FactChange Change) SetText(Customer customer, FactKind kind, string? after, int repId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var change = new FactChange { RepId = repId, At = at, Kind = kind, Before = TextOf(customer, kind), After = after };
        return (Remember(WithText(customer, kind, after), change), change);
    }

    private static Customer WithText(Customer customer, FactKind kind, string? value) => kind switch
    {
        FactKind.Satisfaction => customer with { Satisfaction = value is null ? null : int.Parse(value, CultureInfo.InvariantCulture) },
        FactKind.Aliases => customer with { Aliases = value is null ? [] : value.Split('\n') },
        FactKind.Address => customer with { Address = value },
        _ => customer,
    };

    private static Customer Remember(Customer customer, FactChange change) =>
        customer with { FactChanges = [change, .. customer.FactChanges.Take(KeptChanges - 1)] };

    private static int IndexOf(Customer customer, string name)
    {
        for (var i = 0; i < customer.Contacts.Count; i++)
        {
            if (Same(customer.Contacts[i].Name, name))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Same(string a, string b) =>
        string.Compare(a.Trim(), b.Trim(), CultureInfo.InvariantCulture, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) == 0;
}
