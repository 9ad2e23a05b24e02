using ChatSalesBot.Domain.Customers;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Storage.LiteDb.Tests;

public sealed class PlannedTouchMappingTests
{
    [Fact]
    public void SalesMapper_PlannedTouch_KeepsItsKindDayAndTime()
    {
        var mapper = SalesMapper.Create();
        var step = new NextStep
        {
            Text = "call re quote", Due = new DateOnly(2026, 11, 25), PromisedOn = new DateOnly(2026, 11, 24),
            Kind = TouchKind.Call, Time = new TimeOnly(15, 0),
        };
        var customer = new Customer { Id = 3, Name = "Hochland SE", NextStep = step };

        var read = mapper.ToObject<Customer>(mapper.ToDocument(customer));

        Assert.Equal(step, read.NextStep);
        Assert.Equal(new NextStep { Text = "send quote" }, mapper.ToObject<Customer>(mapper.ToDocument(customer with { NextStep = new NextStep { Text = "send quote" } })).NextStep);
    }
}
