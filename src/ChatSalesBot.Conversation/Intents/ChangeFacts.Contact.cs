using System.Globalization;
using System.Text.RegularExpressions;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Dates;
using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>A contact added or updated, in one line or through the contact form.</summary>
public sealed partial class ChangeFacts
{
    public const string NameInput = "contact_name";
    public const string TitleInput = "contact_title";
    public const string PhoneInput = "contact_phone";
    public const string EmailInput = "contact_email";
    public const string BirthdayInput = "contact_birthday";

    /// <summary>
    /// "Anna Weber, buyer, +49 30 1234567, anna@hochland.de, birthday Mar 3": the fields typed replace the contact's
    /// (added when no contact has that name), the others stay. Just a name that is a contact, or nothing: the form.
    /// </summary>
    private Reply Contact(TurnContext ctx, Customer customer, string text, ReplyPlacement placement)
    {
        var parts = text.Split([',', ';', '，', '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
        {
            return Reply.WithCard($"Who is the new contact at {customer.Name}?", ContactForm(customer, null, null));
        }

        var existing = CustomerFacts.FindContact(customer, parts[0]);
        if (parts.Length == 1 && existing is not null)
        {
            return Reply.WithCard($"{existing.Name} at {customer.Name}: change what you need.", ContactForm(customer, existing, null));
        }

        var typed = new Contact { Name = parts[0] };
        var errors = new List<string>();
        bool? stale = null;
        foreach (var part in parts.Skip(1))
        {
            if (BirthdayWord().Match(part) is { Success: true } bday)
            {
                if (ReadBirthday(part[bday.Length..].Trim(), out var day) is { } why)
                {
                    errors.Add(why);
                }
                else
                {
                    typed = typed with { Birthday = day };
                }
            }
            else if (part.Contains('@', StringComparison.Ordinal))
            {
                typed = typed with { Email = part };
                if (!EmailShape().IsMatch(part))
                {
                    errors.Add($"\"{part}\" is no email address");
                }
            }
            else if (PhoneShape().IsMatch(part))
            {
                typed = typed with { Phone = part };
            }
            else if (part.ToLowerInvariant() is "left" or "stale" or "has left" or "no longer there")
            {
                stale = true;
            }
            else
            {
                typed = typed with { Title = part };
            }
        }

        errors.AddRange(Limits(typed));
        if (errors.Count > 0)
        {
            return Refuse($"Nothing was changed: {string.Join("; ", errors)}.");
        }

        return Save(ctx, customer, c =>
        {
            // The fields typed, over the contact as it is now: another rep's change to other fields stays.
            var now = CustomerFacts.FindContact(c, typed.Name) ?? new Contact { Name = typed.Name };
            var merged = now with
            {
                Name = typed.Name,
                Title = typed.Title ?? now.Title,
                Phone = typed.Phone ?? now.Phone,
                Email = typed.Email ?? now.Email,
                Birthday = typed.Birthday ?? now.Birthday,
                Stale = stale ?? now.Stale,
            };
            return CustomerFacts.SetContact(c, merged, ctx.Rep.Id, ctx.Now);
        }, placement);
    }

    /// <summary>
    /// The contact form submitted: merged with what changed since it was shown (<see cref="CustomerFacts.MergeContact"/>).
    /// A field both reps changed is a conflict: nothing is saved and the form comes back with the stored values and
    /// what this rep typed, so nothing is lost and the rep decides.
    /// </summary>
    public Reply FromForm(TurnContext ctx, ButtonAction action, IReadOnlyDictionary<string, string> inputs)
    {
        if (CustomerFinder.ById(desk, ctx, action.IntArg("c") ?? 0) is not { Access: Domain.Access.CardAccess.Full } one)
        {
            return Refuse("That customer is not available to you to change; nothing was changed.");
        }

        string? Get(string key) => inputs.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var errors = new Dictionary<string, string>();
        DateOnly? birthday = null;
        if (Get(BirthdayInput) is { } b)
        {
            if (ReadBirthday(b, out var day) is { } why)
            {
                errors[BirthdayInput] = why;
            }
            else
            {
                birthday = day;
            }
        }

        var typed = new Contact { Name = Get(NameInput) ?? "", Title = Get(TitleInput), Phone = Get(PhoneInput), Email = Get(EmailInput), Birthday = birthday };
        if (typed.Name.Length == 0)
        {
            errors[NameInput] = "The contact needs a name";
        }

        if (typed.Email is { } email && !EmailShape().IsMatch(email))
        {
            errors[EmailInput] = $"\"{email}\" is no email address";
        }

        foreach (var limit in Limits(typed))
        {
            errors.TryAdd(NameInput, limit);
        }

        var shown = action.Arg("o") is { } shownName ? ShownContact(action, shownName) : null;
        if (errors.Count > 0)
        {
            return Reply.WithCard("Nothing was saved: " + string.Join("; ", errors.Values) + ".", ContactForm(one.Customer, shown, typed, errors)) with { IsError = true };
        }

        IReadOnlyList<string> conflicts = [];
        Contact? storedWhenConflict = null;
        var reply = Save(ctx, one.Customer, c =>
        {
            var stored = shown is null ? null : CustomerFacts.FindContact(c, shown.Name);
            if (shown is null || stored is null)
            {
                return CustomerFacts.SetContact(c, typed, ctx.Rep.Id, ctx.Now);
            }

            var (merged, clash) = CustomerFacts.MergeContact(stored, shown, typed);
            if (clash.Count > 0)
            {
                (conflicts, storedWhenConflict) = (clash, stored);
                return (c, null!);
            }

            return CustomerFacts.SetContact(c, merged, ctx.Rep.Id, ctx.Now, formerName: shown.Name);
        }, ReplyPlacement.ReplaceOriginal);
        if (conflicts.Count == 0)
        {
            return reply;
        }

        var fields = string.Join(", ", conflicts);
        var text = $"Someone changed {storedWhenConflict!.Name}'s {fields} while you had the form open; nothing of yours was saved yet. " +
            "The form shows the values stored now, with yours beside them: submit again to keep yours.";
        var again = ContactForm(one.Customer, storedWhenConflict, typed,
            conflicts.ToDictionary(f => InputFor(f), f => $"Changed meanwhile; you typed \"{Typed(typed, f)}\""));
        return Reply.WithCard(text, again) with { IsError = true };
    }

    /// <summary>The card's "Add contact": the empty contact form for a customer the rep may change.</summary>
    public Reply OpenForm(TurnContext ctx, int customerId) => CustomerFinder.ById(desk, ctx, customerId) switch
    {
        { Access: Domain.Access.CardAccess.Full } one => Reply.WithCard($"Who is the new contact at {one.Customer.Name}?", ContactForm(one.Customer, null, null)),
        { } one => NotYours(ctx, one.Customer),
        null => Refuse("That customer is not available to you any more; nothing was changed."),
    };

    /// <summary>The contact form: new (nothing shown) or pre-filled with <paramref name="shown"/>, which the submit carries.</summary>
    private static Card ContactForm(Customer customer, Contact? shown, Contact? typed, IReadOnlyDictionary<string, string>? errors = null)
    {
        string? Error(string id) => errors is not null && errors.TryGetValue(id, out var e) ? e : null;
        var value = shown ?? typed;
        var args = new List<(string, object)> { ("c", customer.Id) };
        if (shown is not null)
        {
            args.Add(("o", shown.Name));
            args.AddRange(new (string, object?)[] { ("t", shown.Title), ("p", shown.Phone), ("e", shown.Email), ("b", shown.Birthday?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) }
                .Where(a => a.Item2 is not null).Select(a => (a.Item1, a.Item2!)));
        }

        return new Card(CardKind.LogForm, shown is null ? $"New contact at {customer.Name}" : $"{shown.Name} at {customer.Name}")
        {
            Body =
            [
                new Form(
                [
                    new(NameInput, "Name", InputKind.Text) { Required = true, Value = value?.Name, MaxLength = FieldLimits.Name, Error = Error(NameInput) },
                    new(TitleInput, "Title", InputKind.Text) { Value = value?.Title, Placeholder = "Head of purchasing", MaxLength = FieldLimits.Text, Error = Error(TitleInput) },
                    new(PhoneInput, "Phone", InputKind.Text) { Value = value?.Phone, Placeholder = "+49 30 1234567", MaxLength = 40, Error = Error(PhoneInput) },
                    new(EmailInput, "Email", InputKind.Text) { Value = value?.Email, Placeholder = "anna@example.com", MaxLength = FieldLimits.Text, Error = Error(EmailInput) },
                    new(BirthdayInput, "Birthday", InputKind.Date) { Value = value?.Birthday?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Error = Error(BirthdayInput) },
                ],
                new CardButton("Save contact", ButtonAction.Of(ActionVerbs.SubmitContact, [.. args]), ButtonStyle.Primary)),
            ],
        };
    }

    private static Contact ShownContact(ButtonAction action, string name) => new()
    {
        Name = name,
        Title = action.Arg("t"),
        Phone = action.Arg("p"),
        Email = action.Arg("e"),
        Birthday = DateOnly.TryParseExact(action.Arg("b"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
    };

    private static string InputFor(string field) => field switch
    {
        "title" => TitleInput,
        "phone" => PhoneInput,
        "email" => EmailInput,
        "birthday" => BirthdayInput,
        _ => NameInput,
    };

    private static string Typed(Contact typed, string field) => field switch
    {
        "title" => typed.Title ?? "",
        "phone" => typed.Phone ?? "",
        "email" => typed.Email ?? "",
        "birthday" => typed.Birthday?.ToString("MMM d", CultureInfo.InvariantCulture) ?? "",
        _ => typed.Name,
    };

    internal static IEnumerable<Fact> ContactFacts(Contact contact, Contact? before)
    {
        string Was(string? now, string? then) => before is null || now == then ? "" : $" (was {then ?? "none"})";
        yield return new("Name", contact.Name + (before is not null && before.Name != contact.Name ? $" (was {before.Name})" : ""));
        yield return new("Title", (contact.Title ?? "(none)") + Was(contact.Title, before?.Title));
        yield return new("Phone", (contact.Phone ?? "(none)") + Was(contact.Phone, before?.Phone));
        yield return new("Email", (contact.Email ?? "(none)") + Was(contact.Email, before?.Email));
        var bday = contact.Birthday?.ToString("MMM d", CultureInfo.InvariantCulture);
        yield return new("Birthday", (bday ?? "(none)") + Was(bday, before?.Birthday?.ToString("MMM d", CultureInfo.InvariantCulture)));
        if (contact.Stale)
        {
            yield return new("Status", "left (kept, marked stale)");
        }
    }

    /// <summary>
    /// A birthday: "Mar 3", "3 March", "1980-03-03", a date picker's ISO date. Without a year it is kept in 2000 (a
    /// leap year, so Feb 29 is one): only the month and day are ever shown or used. "Feb 30" is refused with why.
    /// </summary>
    internal static string? ReadBirthday(string text, out DateOnly day)
    {
        day = default;
        if (ImpossibleDates.Find(text) is { } bad)
        {
            return $"the birthday \"{bad.Words}\" is no date ({bad.Why})";
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return null;
        }

        string[] formats = ["MMM d yyyy", "MMMM d yyyy", "d MMM yyyy", "d MMMM yyyy", "MMM. d yyyy"];
        var cleaned = Ordinal().Replace(text.Replace(",", " ", StringComparison.Ordinal), "$1").Trim();
        cleaned = string.Join(' ', cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (DateTime.TryParseExact(cleaned, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var full)
            || DateTime.TryParseExact(cleaned + " 2000", formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out full))
        {
            day = DateOnly.FromDateTime(full);
            return null;
        }

        return $"I couldn't read the birthday \"{text}\"; say it like \"Mar 3\" or 1980-03-03";
    }

    private static IEnumerable<string> Limits(Contact c) => new[]
    {
        FieldLimits.TooLong("The contact's name", c.Name, FieldLimits.Name),
        FieldLimits.TooLong("The title", c.Title, FieldLimits.Text),
        FieldLimits.TooLong("The email", c.Email, FieldLimits.Text),
        FieldLimits.TooLong("The phone", c.Phone, 40),
    }.OfType<string>();

    [GeneratedRegex(@"^(?:birthday|born|bday|b-day|birth date|birthdate)\b\s*[:=]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex BirthdayWord();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();

    /// <summary>A phone: digits with the usual separators, at least six digits.</summary>
    [GeneratedRegex(@"^(?:tel\.?:?\s*|phone:?\s*)?\+?[\d\s\-()./]*(?:\d[\s\-()./]*){6,}$", RegexOptions.IgnoreCase)]
    private static partial Regex PhoneShape();

    [GeneratedRegex(@"\b(\d{1,2})(?:st|nd|rd|th)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Ordinal();
}
