using System.Reflection;
using ChatSalesBot.Conversation.Identity;
using ChatSalesBot.Conversation.Intents;
using ChatSalesBot.Domain.Audit;
using ChatSalesBot.Domain.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatSalesBot.Conversation.Tests.Intents;

/// <summary>A change and its audit line are one commit: when the audit line cannot be written, the change is not kept.</summary>
public sealed class AuditedChangeTests : IDisposable
{
    private readonly BotFixture _f = new();

    [Fact]
    public async Task CreateCustomer_AuditLineFails_NoCustomerIsCreated()
    {
        var bot = BotWhoseAuditFails(AuditAction.CreateCustomer);

        var reply = await bot.HandleAsync(new IncomingMessage(BotFixture.Console(_f.Alice), "new prospect Initrode, hot"), CancellationToken.None);

        Assert.True(reply.IsError);
        Assert.DoesNotContain("Initrode", _f.Store.AllCustomers().Select(c => c.Name));
    }

    [Fact]
    public async Task UndoTouch_AuditLineFails_TheTouchStaysLogged()
    {
        await _f.Say(_f.Alice, "called Globex: price talk");
        var bot = BotWhoseAuditFails(AuditAction.UndoTouch);

        var reply = await bot.HandleAsync(new IncomingMessage(BotFixture.Console(_f.Alice), "undo"), CancellationToken.None);

        Assert.True(reply.IsError);
        Assert.False(_f.Store.LastTouchBy(_f.Alice.Id)!.Undone);
        Assert.Equal("price talk", _f.Store.GetCustomer(_f.Globex.Id)!.LastTouch?.Notes);
    }

    public void Dispose() => _f.Dispose();

    private SalesBot BotWhoseAuditFails(AuditAction action)
    {
        var store = FailingAudit.Around(_f.Store, action);
        var desk = new SalesDesk(store, _f.Directory, _f.Desk.Rules, _f.Desk.Dates, _f.Time);
        return new SalesBot(desk, new RepResolver(store, [], _f.Time), NullLogger<SalesBot>.Instance);
    }

    /// <summary>The fixture's store, except that appending an audit line of one action throws.</summary>
    public class FailingAudit : DispatchProxy
    {
        private ISalesStore _store = null!;
        private AuditAction _action;

        public static ISalesStore Around(ISalesStore store, AuditAction action)
        {
            var proxy = Create<ISalesStore, FailingAudit>();
            var failing = (FailingAudit)(object)proxy;
            failing._store = store;
            failing._action = action;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(targetMethod);
            if (targetMethod.Name == nameof(ISalesStore.Append) && args is [AuditEntry entry] && entry.Action == _action)
            {
                throw new IOException("The audit line could not be written.");
            }

            try
            {
                return targetMethod.Invoke(_store, args);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is { } inner)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
                throw;
            }
        }
    }
}
