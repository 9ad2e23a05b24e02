using ChatSalesBot.Conversation.Cards;
using ChatSalesBot.Conversation.Identity;
using ChatSalesBot.Conversation.Intents;
using ChatSalesBot.Conversation.Reports;
using ChatSalesBot.Domain.Reps;
using Microsoft.Extensions.Logging;

namespace ChatSalesBot.Conversation;

/// <summary>
/// The channel-neutral bot: identifies the rep, reads the turn into an intent, runs it, and answers with text and
/// neutral cards. This is the turn boundary: whatever goes wrong inside becomes a polite reply and a log line.
/// </summary>
public sealed class SalesBot : ISalesBot
{
    public const int MaxMessageLength = 4000;

    private readonly SalesDesk _desk;
    private readonly RepResolver _reps;
    private readonly ILogger<SalesBot> _logger;
    private readonly LookUp _lookUp;
    private readonly LogTouch _logTouch;
    private readonly FollowUpList _followUps;
    private readonly Snooze _snooze;
    private readonly MarkDone _done;
    private readonly UndoTouch _undo;
    private readonly ChangeFacts _facts;
    private readonly VisitPlans _visitPlans;
    private readonly CreateCustomer _create;
    private readonly DigestCommands _digests;
    private readonly TeamQuestions _teamQuestions;
    private readonly DrillDown _drillDown;
    private readonly Complaints _complaints;
    private readonly DealCommands _deals;

    /// <param name="charts">Draws the weekly report's chart; none without one (the report's table has the numbers).</param>
    public SalesBot(SalesDesk desk, RepResolver reps, ILogger<SalesBot> logger, IReportCharts? charts = null)
    {
        _desk = desk;
        _reps = reps;
        _logger = logger;
        _lookUp = new LookUp(desk);
        _logTouch = new LogTouch(desk);
        _followUps = new FollowUpList(desk);
        _snooze = new Snooze(desk, _followUps);
        _done = new MarkDone(desk, _followUps);
        _undo = new UndoTouch(desk);
        _facts = new ChangeFacts(desk);
        _visitPlans = new VisitPlans(desk);
        _create = new CreateCustomer(desk);
        _digests = new DigestCommands(desk, charts ?? new NoReportCharts());
        _teamQuestions = new TeamQuestions(desk, charts);
        _drillDown = new DrillDown(desk, _followUps, _lookUp);
        _complaints = new Complaints(desk);
        _deals = new DealCommands(desk);
    }

    public async Task<Reply> HandleAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var started = _desk.Time.GetTimestamp();
        var intentName = turn is ButtonPress press ? press.Action.Verb : "message";
        try
        {
            var rep = await _reps.ResolveAsync(turn.User, cancellationToken).ConfigureAwait(false);
            if (rep is null)
            {
                ConversationLog.Unregistered(_logger, turn.User.Platform, turn.User.UserId, turn.User.TenantId);
                return new Reply("You are not registered with ChatSalesBot yet. Ask your admin to add you as a rep with the email address your chat account uses.", [])
                {
                    IsError = true,
                };
            }

            var ctx = new TurnContext(rep, turn.User.Platform, RepClock.Today(_desk.Time, rep), _desk.Time.GetUtcNow()) { Address = turn.Address, PersonalAddress = turn.PersonalAddress };
            if (turn.DeliveryId is { } delivery && !_desk.Store.TryBeginTurn(delivery, _desk.Time.GetUtcNow()))
            {
                if (!turn.Resumed || turn is not IncomingMessage resumed)
                {
                    ConversationLog.Duplicate(_logger, delivery);
                    return Reply.Nothing;
                }

                ConversationLog.ResumedAfterCommit(_logger, delivery);
                return await AnswerAgainAsync(ctx, resumed.Text).ConfigureAwait(false);
            }

            SalesDesk.CurrentDelivery.Value = turn.DeliveryId;
            try
            {
                var (name, reply) = turn switch
                {
                    IncomingMessage message => await OnMessageAsync(ctx, message.Text).ConfigureAwait(false),
                    ButtonPress button => (button.Action.Verb, await OnButtonAsync(ctx, button).ConfigureAwait(false)),
                    _ => ("unknown", Help.For(null)),
                };
                intentName = name;
                ConversationLog.Turn(_logger, intentName, rep.Id, ctx.Channel, (long)_desk.Time.GetElapsedTime(started).TotalMilliseconds);
                return reply;
            }
            finally
            {
                SalesDesk.CurrentDelivery.Value = null;
                if (turn.DeliveryId is { } ended)
                {
                    _desk.Store.EndTurn(ended);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ConversationLog.Failed(_logger, ex, intentName, turn.User.Platform);
            return new Reply("Something went wrong on our side and nothing was saved. Please try again in a moment.", [])
            {
                IsError = true,
            };
        }
    }

    private async Task<(string Intent, Reply Reply)> OnMessageAsync(TurnContext ctx, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ("empty", Help.For(null));
        }

        if (text.Length > MaxMessageLength)
        {
            return ("too-long", new Reply(
                $"That message is {text.Length:N0} characters; I take at most {MaxMessageLength:N0}. Nothing was saved: shorten the notes and send it again.",
                []) { IsError = true });
        }

        var intent = MessageParser.Parse(text);
        // A drill-down into a rep's book ("show Alice's follow-ups") is tried where a question is: never before a
        // command (a touch log, snooze, done) and never for a customer's name ("customer Alice's Bakery").
        if (intent is Intent.LookUp or Intent.Question or Intent.Help { Unknown: not null } && _drillDown.Answer(ctx, text) is { } drill)
        {
            return (nameof(DrillDown), drill);
        }

        var reply = intent switch
        {
            Intent.LookUp i => (Questions.LookLikeOne(i.Query) && !CustomerFinder.IsAName(_desk, ctx, i.Query) ? _teamQuestions.Answer(ctx, i.Query) : null)
                ?? _lookUp.Handle(ctx, i.Query),
            Intent.LogTouch i => await _logTouch.FromMessageAsync(ctx, i).ConfigureAwait(false),
            Intent.FollowUps i => _followUps.Show(ctx, i.Offset),
            Intent.Snooze i => _snooze.FromMessage(ctx, i),
            Intent.Done i => _done.FromMessage(ctx, i),
            Intent.Undo => _undo.Handle(ctx, null),
            Intent.ChangeFacts i => _facts.FromMessage(ctx, i),
            Intent.PlanVisits i => _visitPlans.Show(ctx, i),
            Intent.Create i => _create.Handle(ctx, i.Text, i.Prospect),
            Intent.Digest i => _digests.Handle(ctx, i.Request),
            ComplaintIntent i => _complaints.FromMessage(ctx, i),
            DealIntent i => _deals.FromMessage(ctx, i),
            Intent.Question i => BareName(ctx, i.Text) ?? _teamQuestions.Answer(ctx, i.Text) ?? Questions.CannotAnswer(i.Text),
            Intent.Help { Unknown: { } unknown } => BareName(ctx, unknown) ?? _teamQuestions.Answer(ctx, unknown, strict: true)
                ?? (Questions.LookLikeOne(unknown) ? Questions.CannotAnswer(unknown) : Help.For(unknown)),
            _ => Help.For(null),
        };
        return (intent.GetType().Name, reply);
    }

    /// <summary>
    /// A resumed turn whose delivery is already in the ledger: the process stopped after the turn's commit and before
    /// its answer went out. What only reads is answered afresh; what changes something is not done twice (its change,
    /// if it made one, is saved), and the rep is told so.
    /// </summary>
    private async Task<Reply> AnswerAgainAsync(TurnContext ctx, string text) => MessageParser.Parse(text) switch
    {
        Intent.LookUp or Intent.FollowUps or Intent.Question or Intent.Help => (await OnMessageAsync(ctx, text).ConfigureAwait(false)).Reply,
        _ => new Reply(
            $"I handled \"{CustomerCards.Shorten(text, 80)}\" just before a restart, and my answer was lost on the way. Whatever it changed is saved, " +
            "and nothing was done twice: look at the customer's card or your `followups` before sending it again.",
            []),
    };

    /// <summary>A bare customer name ("acme corp") is a look-up when it names exactly one customer.</summary>
    private Reply? BareName(TurnContext ctx, string text) =>
        text.Length <= CreateCustomer.MaxNameLength && CustomerFinder.Find(_desk, ctx, text) is FoundCustomer.One
            ? _lookUp.Handle(ctx, text)
            : null;

    private async Task<Reply> OnButtonAsync(TurnContext ctx, ButtonPress press)
    {
        var action = press.Action;
        switch (action.Verb)
        {
            case ActionVerbs.ShowCard:
                return _lookUp.ById(ctx, action.IntArg("c"));
            case ActionVerbs.OpenLogForm:
                return _logTouch.OpenForm(ctx, action.IntArg("c"), action.Arg("notes"));
            case ActionVerbs.SubmitLog:
                return await _logTouch.FromFormAsync(ctx, press.Inputs).ConfigureAwait(false);
            case ActionVerbs.LogPicked:
                return await _logTouch.FromPickAsync(ctx, action).ConfigureAwait(false);
            case ActionVerbs.LogPlanned:
                return await _logTouch.FromPlanAsync(ctx, action).ConfigureAwait(false);
            case ActionVerbs.Snooze:
                return _snooze.FromButton(ctx, action);
            case ActionVerbs.Done:
                return _done.FromButton(ctx, action);
            case ActionVerbs.FollowUps:
                var offset = action.IntArg("o") ?? 0;
                return _followUps.Show(ctx, offset, offset > 0 ? ReplyPlacement.ReplaceOriginal : ReplyPlacement.New);
            case ActionVerbs.Undo:
                return action.Arg("f") is null ? _undo.Handle(ctx, action.IntArg("t")) : new UndoFacts(_desk).FromButton(ctx, action);
            case ActionVerbs.FactsPicked:
                return _facts.FromPick(ctx, action);
            case VisitPlans.AcceptVerb:
                return _visitPlans.Accept(ctx, action);
            case ActionVerbs.OpenContactForm:
                return _facts.OpenForm(ctx, action.IntArg("c") ?? 0);
            case ActionVerbs.SubmitContact:
                return _facts.FromForm(ctx, action, press.Inputs);
            case ActionVerbs.CreateProspect:
                return _create.Handle(ctx, action.Arg("name") ?? "", prospect: true);
            case ActionVerbs.Help:
                return Help.For(null);
            case ActionVerbs.TeamQuestion:
                return _teamQuestions.FromButton(ctx, action);
            case ActionVerbs.DrillDown:
                return _drillDown.FromButton(ctx, action);
            case var verb when Complaints.IsVerb(verb):
                return _complaints.FromButton(ctx, press);
            case var verb when DealCommands.IsVerb(verb):
                return _deals.FromButton(ctx, press);
            default:
                ConversationLog.UnknownVerb(_logger, action.Verb, ctx.Channel);
                return new Reply("That button is no longer valid. Here is what I can do:", Help.For(null).Cards) { IsError = true };
        }
    }
}
