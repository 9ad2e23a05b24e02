using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain;
using ChatSalesBot.Domain.Access;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.FollowUps;
using ChatSalesBot.Domain.Pipeline;

namespace ChatSalesBot.Conversation.Intents;

/// <summary>"new prospect Initech, hot, closes next month": a new customer or prospect owned by the rep.</summary>
public sealed class CreateCustomer(SalesDesk desk)
{
    public const int MaxNameLength = Domain.FieldLimits.Name;

    public Reply Handle(TurnContext ctx, string text, bool prospect)
    {
        var parts = text.Split([','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var name = parts.Length > 0 ? parts[0] : "";
        if (name.Length == 0 || NameNormalizer.Normalize(name).Length == 0)
        {
            return new Reply("Give the new customer a name, e.g. \"new prospect Initech, hot, closes next month\".", []) { IsError = true };
        }

        if (name.Length > MaxNameLength)
        {
            return new Reply($"A customer name is at most {MaxNameLength} characters.", []) { IsError = true };
        }

        if (VisibleText.NameProblem(name) is { } problem)
        {
            return new Reply($"That can't be a customer name: {problem}.", []) { IsError = true };
        }

        var existing = desk.Directory.Search(name, team => AccessPolicy.CanSeeTeam(ctx.Rep, team), limit: 1);
        if (existing is [{ Kind: MatchKind.Exact } same])
        {
            return new Reply($"{same.Name} already exists; nothing was created.",
                [new Card(CardKind.Error, "Already exists")
                {
                    Body = [new TextBlock($"{same.Name} is already a customer.")],
                    Buttons = [new("Open card", CustomerCards.Open(same.CustomerId))],
                }]) { IsError = true };
        }

        ProspectGrade? grade = null;
        DateOnly? close = null;
        foreach (var part in parts.Skip(1))
        {
            if (Enum.TryParse<ProspectGrade>(part, ignoreCase: true, out var g) && !int.TryParse(part, out _))
            {
                grade = g;
            }
            else if (desk.Dates.Find(part, ctx.Today) is { } date)
            {
                close = date.Date;
            }
            else
            {
                return new Reply($"I didn't understand \"{part}\": say hot, warm, cool or parked, or when it closes (\"closes next month\").", [])
                {
                    IsError = true,
                };
            }
        }

        if (prospect && grade is null)
        {
            grade = ProspectGrading.ForNew(close, ctx.Today, desk.Rules);
        }

        var customer = new Customer
        {
            Name = name,
            OwnerRepId = ctx.Rep.Id,
            TeamId = ctx.Rep.TeamId,
            Stage = prospect ? LifecycleStage.Prospect : LifecycleStage.Active,
            Grade = prospect ? grade : null,
            ExpectedClose = prospect ? close : null,
            CreatedOn = ctx.Today,
        }.WithFollowUpDue(desk.Rules);
        var stored = desk.Write(() =>
        {
            var added = desk.Store.AddCustomer(customer);
            desk.Audit(ctx, AuditAction.CreateCustomer, added.Id, added.Stage.ToString());
            return added;
        });
        desk.Directory.Upsert(stored);
        var what = prospect ? $"{grade} prospect" : "customer";
        return Reply.WithCard($"Created {what} {stored.Name}.", CustomerCards.Full(desk, stored, []));
    }
}
