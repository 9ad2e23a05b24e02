using ChatSalesBot.Domain.Customers;
using static ChatSalesBot.Domain.Tests.Book;

namespace ChatSalesBot.Domain.Tests.Customers;

/// <summary>Contacts and facts changed from chat: remembered for undo, merged field by field, never undone over a later change.</summary>
public sealed class CustomerFactsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly Contact Anna = new() { Name = "Anna Weber", Title = "buyer", Phone = "+49 30 1234567" };

    [Fact]
    public void SetContact_SameNameAnyCaseOrAccent_ReplacesIt_AndRemembersTheBefore()
    {
        var customer = Active(1) with { Contacts = [Anna] };

        var (changed, change) = CustomerFacts.SetContact(customer, Anna with { Name = "ANNA WÉBER", Phone = "+49 30 999" }, repId: 2, At);

        Assert.Equal("+49 30 999", Assert.Single(changed.Contacts).Phone);
        Assert.Equal(Anna, change.ContactBefore);
        Assert.Equal(change, Assert.Single(changed.FactChanges));
    }

    [Fact]
    public void Undo_ReturnsTheFactToItsBefore_UnlessChangedSince()
    {
        var (once, first) = CustomerFacts.SetSatisfaction(Active(1), 4, repId: 2, At);

        Assert.Null(CustomerFacts.Undo(once, first)!.Satisfaction);
        Assert.True(CustomerFacts.Undo(once, first)!.FactChanges[0].Undone);

        var (twice, _) = CustomerFacts.SetSatisfaction(once, 2, repId: 3, At.AddMinutes(1));
        Assert.Null(CustomerFacts.Undo(twice, first));
    }

    [Fact]
    public void Undo_AnAddedContact_RemovesIt_AnAliasChange_RestoresTheList()
    {
        var (added, change) = CustomerFacts.SetContact(Active(1), Anna, repId: 2, At);
        Assert.Empty(CustomerFacts.Undo(added, change)!.Contacts);

        var (aliased, aliasChange) = CustomerFacts.ChangeAlias(Active(1) with { Aliases = ["HSE"] }, "Hochland", remove: false, repId: 2, At);
        Assert.Equal(["HSE", "Hochland"], aliased.Aliases);
        Assert.Equal(["HSE"], CustomerFacts.Undo(aliased, aliasChange)!.Aliases);
    }

    [Fact]
    public void FactChanges_KeepTheLastFive()
    {
        var customer = Active(1);
        for (var i = 1; i <= 7; i++)
        {
            customer = CustomerFacts.SetAddress(customer, $"Street {i}", repId: 2, At.AddMinutes(i)).Customer;
        }

        Assert.Equal(CustomerFacts.KeptChanges, customer.FactChanges.Count);
        Assert.Equal("Street 7", customer.FactChanges[0].After);
    }

    [Fact]
    public void MergeContact_DifferentFieldsChanged_BothKept()
    {
        var stored = Anna with { Phone = "+49 30 555" };
        var typed = Anna with { Email = "anna@hochland.de" };

        var (merged, conflicts) = CustomerFacts.MergeContact(stored, Anna, typed);

        Assert.Empty(conflicts);
        Assert.Equal(("+49 30 555", "anna@hochland.de"), (merged.Phone, merged.Email));
    }

    [Fact]
    public void MergeContact_SameFieldChangedToSomethingElse_IsAConflict_ToTheSameValueIsNot()
    {
        var stored = Anna with { Phone = "+49 30 555" };

        Assert.Equal(["phone"], CustomerFacts.MergeContact(stored, Anna, Anna with { Phone = "+49 30 777" }).Conflicts);
        Assert.Empty(CustomerFacts.MergeContact(stored, Anna, Anna with { Phone = "+49 30 555" }).Conflicts);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void CheckSatisfaction_OneToFive(int score, bool ok) => Assert.Equal(ok, CustomerFacts.CheckSatisfaction(score) is null);
}
