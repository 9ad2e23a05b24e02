using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Storage.LiteDb.Tests;

public sealed class FactChangeMappingTests
{
    [Fact]
    public void SalesMapper_FactChanges_KeepTheContactBeforeAndAfterAndTheInstant()
    {
        var mapper = SalesMapper.Create();
        var at = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero).AddTicks(1234);
        var changes = new[]
        {
            new FactChange
            {
                RepId = 2, At = at, Kind = FactKind.Contact, ContactBefore = null,
                ContactAfter = new Contact { Name = "Anna Weber", Phone = "+49 30 1234567", Birthday = new DateOnly(2000, 2, 29) },
            },
            new FactChange { RepId = 2, At = at.AddMinutes(-1), Kind = FactKind.Satisfaction, Before = null, After = "4", Undone = true },
        };
        var customer = new Customer { Id = 3, Name = "Hochland SE", FactChanges = changes };

        var read = mapper.ToObject<Customer>(mapper.ToDocument(customer));

        Assert.Equal(changes, read.FactChanges);
    }
}
