using System.Globalization;
using System.Text.RegularExpressions;
using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Orders;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>
/// A deal or account change said in chat: a prospect regraded, won ("zephyr signed the contract!"), lost or parked
/// with a reason, a customer lost (churned) or won back, a key-account level set, or a quarterly review asked for.
/// </summary>
public sealed record DealIntent(DealIntent.Act Action, string CustomerText) : Intent
{
    public enum Act
    {
        Grade,
        Won,
        Lost,
        Park,
        WinBack,
        Level,
        Review,
    }

    public string Reason { get; init; } = "";

    public ProspectGrade? Grade { get; init; }

    public KeyAccountLevel? Level { get; init; }

    /// <summary>The first order's amount as typed ("12,000"), when a won deal names one.</summary>
    public string? FirstOrder { get; init; }

    /// <summary>
    /// Read from the end of the sentence ("zephyr signed", "weather is hot"), not from a command word: when no customer
    /// goes by the name, the sentence was not meant for this and gets the help answer, not "create a prospect".
    /// </summary>
    public string? Loose { get; init; }
}

/// <summary>Reads deal and key-account sentences (see <see cref="DealIntent"/>).</summary>
public static partial class DealWords
{
    private static readonly string[] NotANameStart =
    [
        "how", "who", "which", "what", "when", "where", "why", "did", "do", "does", "is", "are", "was", "were", "list", "count",
        "show", "my", "all", "customer", "card", "visit", "call", "meeting", "email", "log", "snooze", "done", "new", "digest",
    ];

    public static bool TryParse(string line, out Intent intent)
    {
        intent = null!;
        foreach (var (prefix, act) in new[]
        {
            ("won back", DealIntent.Act.WinBack), ("win back", DealIntent.Act.WinBack), ("deal won", DealIntent.Act.Won),
            ("won", DealIntent.Act.Won), ("signed", DealIntent.Act.Won), ("deal lost", DealIntent.Act.Lost), ("lost", DealIntent.Act.Lost),
            ("churned", DealIntent.Act.Lost), ("park", DealIntent.Act.Park), ("parked", DealIntent.Act.Park),
            ("account review", DealIntent.Act.Review), ("quarterly review", DealIntent.Act.Review), ("review", DealIntent.Act.Review),
        })
        {
            if (Word(line, prefix, out var rest))
            {
                intent = With(act, rest);
                return true;
            }
        }

        if (Word(line, "grade", out var graded) && LastWord(graded, out var name, out var last)
            && Enum.TryParse<ProspectGrade>(last, ignoreCase: true, out var grade) && !int.TryParse(last, out _))
        {
            intent = grade == ProspectGrade.Parked ? With(DealIntent.Act.Park, name) : new DealIntent(DealIntent.Act.Grade, name) { Grade = grade };
            return true;
        }

        if ((Word(line, "key account", out var keyed) || Word(line, "account level", out keyed)) && LastWord(keyed, out var keyName, out var word)
            && Level(word) is { } level)
        {
            intent = new DealIntent(DealIntent.Act.Level, keyName) { Level = level };
            return true;
        }

        if (Array.IndexOf(NotANameStart, line.Split(' ', 2)[0].ToLowerInvariant()) >= 0)
        {
            return false;
        }

        var m = Suffix().Match(line);
        if (!m.Success)
        {
            return false;
        }

        var customer = m.Groups["c"].Value.Trim();
        if (FromEnd(m, customer) is { } loose)
        {
            intent = loose with { Loose = line };
            return true;
        }

        return false;
    }

    private static DealIntent? FromEnd(Match m, string customer)
    {
        var tail = m.Groups["r"].Value.Trim().TrimStart('!', '.', ':', '：', ',', '-', '—').Trim();
        return m.Groups["v"].Value.ToLowerInvariant() switch
        {
            var v when v.Contains("back", StringComparison.Ordinal) => new DealIntent(DealIntent.Act.WinBack, customer),
            var v when v.StartsWith("signed", StringComparison.Ordinal) || v.EndsWith("won", StringComparison.Ordinal) || v.StartsWith("closed", StringComparison.Ordinal)
                => With(DealIntent.Act.Won, customer + (tail.Length > 0 ? ", " + tail : "")),
            var v when v.EndsWith("lost", StringComparison.Ordinal) || v.EndsWith("churned", StringComparison.Ordinal)
                => new DealIntent(DealIntent.Act.Lost, customer) { Reason = tail },
            var v when v.EndsWith("parked", StringComparison.Ordinal) => new DealIntent(DealIntent.Act.Park, customer) { Reason = tail },
            var v when v.Contains("strategic", StringComparison.Ordinal) => new DealIntent(DealIntent.Act.Level, customer) { Level = KeyAccountLevel.Strategic },
            var v when v.Contains("not a key", StringComparison.Ordinal) || v.Contains("normal", StringComparison.Ordinal)
                => new DealIntent(DealIntent.Act.Level, customer) { Level = KeyAccountLevel.Normal },
            var v when v.Contains("key", StringComparison.Ordinal) => new DealIntent(DealIntent.Act.Level, customer) { Level = KeyAccountLevel.Key },
            var v => new DealIntent(DealIntent.Act.Grade, customer) { Grade = Enum.Parse<ProspectGrade>(v.Split(' ')[^1], ignoreCase: true) },
        };
    }

    /// <summary>"&lt;customer&gt;[: reason]", and for a won deal "&lt;customer&gt;[, first order 12,000]".</summary>
    private static DealIntent With(DealIntent.Act act, string rest)
    {
        if (act == DealIntent.Act.Won)
        {
            var order = FirstOrder().Match(rest);
            var customer = order.Success ? rest[..order.Index] : rest;
            customer = Chatter().Replace(customer, "").Trim().TrimEnd(',', ';', '.', '!').Trim();
            return new DealIntent(act, customer) { FirstOrder = order.Success ? order.Groups["a"].Value.Trim() : null };
        }

        var colon = rest.IndexOfAny([':', '：']);
        return colon > 0
            ? new DealIntent(act, rest[..colon].Trim()) { Reason = rest[(colon + 1)..].Trim() }
            : new DealIntent(act, rest.Trim().TrimEnd('!', '.'));
    }

    public static KeyAccountLevel? Level(string word) => word.ToLowerInvariant() switch
    {
        "strategic" => KeyAccountLevel.Strategic,
        "key" or "yes" => KeyAccountLevel.Key,
        "normal" or "none" or "no" or "off" => KeyAccountLevel.Normal,
        _ => null,
    };

    private static bool LastWord(string text, out string before, out string last)
    {
        var space = text.TrimEnd('.', '!').LastIndexOf(' ');
        before = space > 0 ? text[..space].Trim() : "";
        last = space > 0 ? text[(space + 1)..].Trim().TrimEnd('.', '!') : "";
        return space > 0;
    }

    private static bool Word(string line, string prefix, out string rest)
    {
        rest = "";
        if (!line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || line.Length == prefix.Length
            || !(char.IsWhiteSpace(line[prefix.Length]) || line[prefix.Length] is ':' or '：'))
        {
            return false;
        }

        rest = line[(prefix.Length + 1)..].Trim();
        return rest.Length > 0;
    }

    [GeneratedRegex(@"^(?<c>.+?)\s+(?<v>(?:is\s+)?won\s+back|is\s+back|signed(?:\s+the)?(?:\s+(?:contract|deal|order))?|(?:deal\s+)?won|closed\s+the\s+deal|(?:is\s+)?(?:(?:deal\s+)?lost|churned|parked)|is\s+(?:now\s+)?(?:a\s+|an\s+)?(?:strategic|key|normal)(?:\s+account)?|is\s+not\s+a\s+key\s+account|is\s+(?:now\s+)?(?:hot|warm|cool))(?<r>(?:[!.]*\s*[:：,\-—].*|[!.]*\s+(?:with\s+)?(?:a\s+)?first\s+order.*)?)[.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex Suffix();

    [GeneratedRegex(@"[,;]?\s*(?:with\s+)?(?:a\s+)?first\s+order(?:\s+of)?\s*[:：]?\s*(?<a>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex FirstOrder();

    [GeneratedRegex(@"\s+(?:signed(?:\s+the)?(?:\s+(?:contract|deal))?|closed\s+the\s+deal)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Chatter();
}

/// <summary>Runs deal and key-account changes against the deal rules (Domain/Customers/Deals, KeyAccounts), audited.</summary>
public sealed class DealCommands(SalesDesk desk)
{
    public const string Verb = "deal";
    public const string ReviewVerb = "deal.review";
    public const string ReasonInput = "reason";
    public const string AmountInput = "amount";

    public static bool IsVerb(string verb) => verb is Verb or ReviewVerb;

    public Reply FromMessage(TurnContext ctx, DealIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (intent.Action == DealIntent.Act.Review)
        {
            return CustomerAction.Run(desk, ctx, intent.CustomerText, "Review", c => ButtonAction.Of(ReviewVerb, ("c", c.Id)), c => Review(ctx, c));
        }

        if (intent.Reason.Length > Deals.MaxReason)
        {
            return Error($"The reason is {intent.Reason.Length:N0} characters long; at most {Deals.MaxReason} are allowed. Nothing was changed.");
        }

        decimal? amount = null;
        if (intent.FirstOrder is { } typed)
        {
            if (!TryAmount(typed, out var parsed))
            {
                return Error($"\"{CustomerCards.Shorten(typed, 40)}\" is not an amount: say \"{intent.CustomerText} signed, first order 12000\". Nothing was changed.");
            }

            amount = parsed;
        }

        if (intent.Loose is { } said && CustomerFinder.FindToChange(desk, ctx, CustomerFinder.NameIn(desk, ctx, intent.CustomerText)) is FoundCustomer.None)
        {
            return Help.For(said);
        }

        var act = ActWord(intent.Action);
        return CustomerAction.Run(desk, ctx, intent.CustomerText, Label(intent.Action),
            c => Button(act, c.Id, intent),
            c => Apply(ctx, c, act, intent.Reason, intent.Grade, intent.Level, amount));
    }

    public Reply FromButton(TurnContext ctx, ButtonPress press)
    {
        ArgumentNullException.ThrowIfNull(press);
        var a = press.Action;
        if (a.Verb == ReviewVerb)
        {
            return CustomerAction.RunById(desk, ctx, a.IntArg("c"), c => Review(ctx, c));
        }

        var reason = a.Arg("r") ?? (press.Inputs.TryGetValue(ReasonInput, out var r) ? r.Trim() : "");
        decimal? amount = null;
        if (press.Inputs.TryGetValue(AmountInput, out var typed) && !string.IsNullOrWhiteSpace(typed))
        {
            if (!TryAmount(typed, out var parsed))
            {
                return new Reply($"\"{CustomerCards.Shorten(typed, 40)}\" is not an amount.", []) { IsError = true, FieldErrors = new Dictionary<string, string> { [AmountInput] = "Type an amount, e.g. 12000." } };
            }

            amount = parsed;
        }
        else if (a.Arg("a") is "order")
        {
            return CustomerAction.RunById(desk, ctx, a.IntArg("c"), c => Reply.WithCard($"First order: {c.Name}", OrderForm(c)));
        }

        var grade = Enum.TryParse<ProspectGrade>(a.Arg("g"), out var g) ? g : (ProspectGrade?)null;
        var level = Enum.TryParse<KeyAccountLevel>(a.Arg("l"), out var l) ? l : (KeyAccountLevel?)null;
        return CustomerAction.RunById(desk, ctx, a.IntArg("c"), c => Apply(ctx, c, a.Arg("a") ?? "", reason, grade, level, amount));
    }

    private Reply Apply(TurnContext ctx, Customer customer, string act, string reason, ProspectGrade? grade, KeyAccountLevel? level, decimal? amount)
    {
        if (act is "lost" or "park" && string.IsNullOrWhiteSpace(reason))
        {
            return Reply.WithCard($"Why is {customer.Name} {(act == "lost" ? "lost" : "parked")}? Nothing was changed yet.", ReasonForm(customer, act));
        }

        if (act == "order")
        {
            return amount is { } firstOrder ? RecordOrder(ctx, customer, firstOrder) : Reply.WithCard($"First order: {customer.Name}", OrderForm(customer));
        }

        Func<Customer, DealChange>? change = act switch
        {
            "grade" when grade is { } gr => c => Deals.Regrade(c, gr, ctx.Today, desk.Rules),
            "won" => c => Deals.Win(c, ctx.Today, desk.Rules),
            "lost" => c => Deals.Lose(c, reason, ctx.Today, desk.Rules),
            "park" => c => Deals.Park(c, reason, ctx.Today, desk.Rules),
            "back" => c => Deals.WinBack(c, ctx.Today, desk.Rules),
            "level" when level is { } lv => c => KeyAccounts.LevelOf(c) == lv
                ? DealChange.Refused($"{c.Name} is already {Words(lv)}; nothing changed.")
                : c.Stage == LifecycleStage.Lost
                    ? DealChange.Refused($"{c.Name} is marked lost: win it back before making it a key account.")
                    : new DealChange(c.WithLevel(lv, ctx.Today), null, $"key account {Words(KeyAccounts.LevelOf(c))} → {Words(lv)}"),
            _ => null,
        };
        if (change is null)
        {
            return Error("That button is no longer valid.");
        }

        var first = change(customer);
        if (first.Refusal is { } refusal)
        {
            return Error(refusal);
        }

        var action = act == "level" ? AuditAction.KeyAccountChange : AuditAction.DealChange;
        var stored = desk.Write<(Customer Customer, string Detail)?>(() =>
        {
            string? detail = null;
            var changed = desk.Store.UpdateCustomer(customer.Id, current =>
            {
                var next = change(current);
                detail = next.Detail;
                return next.Changed ?? current;
            });
            if (changed is null || detail is null)
            {
                return null;
            }

            if (act == "won" && amount is { } order)
            {
                changed = AddOrder(customer.Id, order, ctx.Today) ?? changed;
                detail += $", first order {CustomerCards.Money(order)}";
            }

            desk.Audit(ctx, action, customer.Id, detail);
            return (changed, detail);
        });
        if (stored is not { } done)
        {
            return Error("That customer no longer exists, or changed at the same moment; nothing was changed. Look at the card and try again.");
        }

        return Confirm(customer, done.Customer, act, done.Detail);
    }

    private Reply RecordOrder(TurnContext ctx, Customer customer, decimal amount)
    {
        if (customer.Stage != LifecycleStage.Active)
        {
            return Error($"{customer.Name} is {Deals.StageWords(customer)}: only a customer places orders. Nothing was saved.");
        }

        var stored = desk.Write(() =>
        {
            var changed = AddOrder(customer.Id, amount, ctx.Today);
            if (changed is not null)
            {
                desk.Audit(ctx, AuditAction.DealChange, customer.Id, $"first order {CustomerCards.Money(amount)}");
            }

            return changed;
        });
        return stored is null ? Error("That customer no longer exists.")
            : Reply.WithCard($"Order of {CustomerCards.Money(amount)} recorded for {customer.Name} on {CustomerCards.Date(ctx.Today)}.",
                new Card(CardKind.Confirmation, $"Order recorded: {customer.Name}")
                {
                    Body = [new FactSet([new("Amount", CustomerCards.Money(amount)), new("Ordered", CustomerCards.Date(ctx.Today)),
                        new("Revenue, last 12 months", CustomerCards.Money(stored.Revenue12Months))])],
                    Buttons = [new("Customer card", CustomerCards.Open(customer.Id))],
                }) with { Placement = ReplyPlacement.ReplaceOriginal };
    }

    /// <summary>Stores an order and sums the customer's ledger again (revenue, last order), inside the caller's write.</summary>
    private Customer? AddOrder(int customerId, decimal amount, DateOnly today)
    {
        desk.Store.SaveOrder(new Order { CustomerId = customerId, OrderedOn = today, Amount = amount });
        var orders = desk.Store.OrdersOf(customerId);
        return desk.Store.UpdateCustomer(customerId, c => c.WithLedger(CustomerLedger.Summarize(orders, today)));
    }

    private static Reply Confirm(Customer before, Customer after, string act, string detail)
    {
        var title = act switch
        {
            "won" => $"Won: {after.Name} is a customer now",
            "lost" => before.IsProspect ? $"Deal lost: {after.Name}" : $"Customer lost: {after.Name}",
            "park" => $"Parked: {after.Name}",
            "back" => $"Won back: {after.Name}",
            "level" => $"Key account: {after.Name}",
            _ => $"Regraded: {after.Name}",
        };
        var facts = new List<Fact> { new("Now", CustomerCards.Standing(after)), new("Change", detail) };
        if (act == "level")
        {
            facts.Add(new("Key account", Words(KeyAccounts.LevelOf(after))));
        }

        var buttons = new List<CardButton> { new("Customer card", CustomerCards.Open(after.Id)) };
        if (act == "won" && after.LastOrderOn is null)
        {
            buttons.Insert(0, new("Record first order", ButtonAction.Of(DealCommands.Verb, ("a", "order"), ("c", after.Id)), ButtonStyle.Primary));
        }

        var text = act switch
        {
            "won" => $"Congratulations: {after.Name} is an active customer from today." + (after.LastOrderOn is null ? " Record the first order when it comes." : ""),
            "lost" => $"{after.Name} is marked lost ({after.LostReason}); it leaves your follow-ups but stays in the book.",
            "park" => $"{after.Name} is parked ({after.ParkedReason}): no cadence until you regrade it.",
            "back" => $"{after.Name} is back: {CustomerCards.Standing(after)}.",
            _ => $"{after.Name}: {detail}.",
        };
        return Reply.WithCard(text, new Card(CardKind.Confirmation, title) { Body = [new FactSet(facts)], Buttons = buttons });
    }

    /// <summary>The quarterly account review card ("review Hochland").</summary>
    private Reply Review(TurnContext ctx, Customer c)
    {
        var review = AccountReview.Build(c, desk.Store.OrdersOf(c.Id), desk.Store.ComplaintsOf(c.Id), desk.Store.RecentTouches(c.Id, 2000), ctx.Today, desk.Rules);
        desk.AuditView(ctx, AuditAction.ViewReview, c.Id);
        var facts = new List<Fact>
        {
            new("Standing", CustomerCards.Standing(c)),
            new("Key account", Words(KeyAccounts.LevelOf(c))),
            new("Revenue trend", review.Trend),
            new("Revenue, last 12 months", CustomerCards.Money(c.Revenue12Months)),
            new("Margin", review.MarginPercent is { } m ? $"{m.ToString("0.0", CultureInfo.InvariantCulture)}% (orders that carry a margin)" : "not carried by the orders"),
            new("Open complaints", review.OpenComplaints.ToString(CultureInfo.InvariantCulture)),
            new("Satisfaction", (c.Satisfaction is { } s ? $"{s}/5" : "never asked")
                + (review.SatisfactionAfterComplaints is { } after ? $"; after complaints {after.ToString("0.0", CultureInfo.InvariantCulture)}/5" : "")),
            new("Manager visit", (c.LastManagerVisitOn is { } v ? $"last {CustomerCards.Date(v)}" : "none yet")
                + (review.ManagerVisitDue ? ": due now" : KeyAccounts.ManagerVisitDueOn(c, desk.Rules) is { } due ? $", next due {CustomerCards.Date(due)}" : "")),
        };
        var rows = review.Quarters.Select(q => (IReadOnlyList<string>)
        [
            q.Label, CustomerCards.Money(q.Revenue), q.Orders.ToString(CultureInfo.InvariantCulture), q.Margin is { } mm ? CustomerCards.Money(mm) : "—",
            q.Touches.ToString(CultureInfo.InvariantCulture), $"{q.ComplaintsOpened} / {q.ComplaintsResolved}",
        ]).ToList();
        return Reply.WithCard($"Account review of {c.Name}: revenue {review.Trend}.", new Card(CardKind.Table, $"Account review: {c.Name}")
        {
            Subtitle = $"{review.Quarters[0].Label} – {review.Quarters[^1].Label}",
            Body = [new FactSet(facts), new Table(["Quarter", "Revenue", "Orders", "Margin", "Touches", "Complaints opened / resolved"], rows)],
            Buttons = [new("Customer card", CustomerCards.Open(c.Id)), new("Complaints", ButtonAction.Of(Complaints.ListVerb, ("c", c.Id)))],
        }) with { Reshow = ButtonAction.Of(ReviewVerb, ("c", c.Id)) };
    }

    private static Card ReasonForm(Customer c, string act) => new(CardKind.LogForm, act == "lost" ? $"Lost: {c.Name}" : $"Park: {c.Name}")
    {
        Body =
        [
            new Form(
            [
                new FormInput(ReasonInput, act == "lost" ? "Why was it lost?" : "Why park it?", InputKind.Text)
                {
                    Required = true, MaxLength = Deals.MaxReason, Placeholder = act == "lost" ? "Went with a competitor" : "No budget until spring",
                },
            ], new CardButton("Save", ButtonAction.Of(Verb, ("a", act), ("c", c.Id)), ButtonStyle.Primary)),
        ],
    };

    private static Card OrderForm(Customer c) => new(CardKind.LogForm, $"First order: {c.Name}")
    {
        Body =
        [
            new Form(
            [
                new FormInput(AmountInput, "Amount", InputKind.Text) { Required = true, Placeholder = "12000", MaxLength = 20 },
            ], new CardButton("Record order", ButtonAction.Of(Verb, ("a", "order"), ("c", c.Id)), ButtonStyle.Primary)),
        ],
    };

    private static ButtonAction Button(string act, int customerId, DealIntent intent)
    {
        var args = new List<(string, object)> { ("a", act), ("c", customerId) };
        if (intent.Reason.Length > 0)
        {
            args.Add(("r", intent.Reason));
        }

        if (intent.Grade is { } g)
        {
            args.Add(("g", g));
        }

        if (intent.Level is { } l)
        {
            args.Add(("l", l));
        }

        return ButtonAction.Of(Verb, [.. args]);
    }

    private static string ActWord(DealIntent.Act act) => act switch
    {
        DealIntent.Act.Won => "won",
        DealIntent.Act.Lost => "lost",
        DealIntent.Act.Park => "park",
        DealIntent.Act.WinBack => "back",
        DealIntent.Act.Level => "level",
        _ => "grade",
    };

    private static string Label(DealIntent.Act act) => act switch
    {
        DealIntent.Act.Won => "Won",
        DealIntent.Act.Lost => "Lost",
        DealIntent.Act.Park => "Park",
        DealIntent.Act.WinBack => "Won back",
        DealIntent.Act.Level => "Key account",
        _ => "Grade",
    };

    public static string Words(KeyAccountLevel level) => level switch
    {
        KeyAccountLevel.Strategic => "strategic",
        KeyAccountLevel.Key => "key account",
        _ => "normal",
    };

    private static bool TryAmount(string typed, out decimal amount) =>
        decimal.TryParse(typed.Replace(",", "", StringComparison.Ordinal).Replace("€", "", StringComparison.Ordinal).Replace("$", "", StringComparison.Ordinal).Trim(),
            NumberStyles.Number, CultureInfo.InvariantCulture, out amount) && amount > 0 && amount < 1_000_000_000_000m;

    private static Reply Error(string text) => new(text, []) { IsError = true };
}
