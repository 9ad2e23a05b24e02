using ChatSalesBot.Conversation.Matching;
using ChatSalesBot.Domain.Customers;

namespace ChatSalesBot.Conversation.Tests.Matching;

public sealed class CustomerDirectoryTests
{
    private static readonly Func<string, bool> EastOnly = team => team == "east";
    private readonly CustomerDirectory _directory = new();

    public CustomerDirectoryTests()
    {
        _directory.Load(
        [
            new Customer { Id = 1, Name = "Acme Corporation", Aliases = ["Acme"], TeamId = "east" },
            new Customer { Id = 2, Name = "Globex", TeamId = "east" },
            new Customer { Id = 3, Name = "Wide World Importers", TeamId = "east" },
            new Customer { Id = 4, Name = "Café Müller GmbH", TeamId = "east" },
            new Customer { Id = 5, Name = "Acme West", TeamId = "west" },
            new Customer { Id = 6, Name = "北京华信科技有限公司", TeamId = "east" },
        ]);
    }

    [Theory]
    [InlineData("acme", 1, MatchKind.Exact)]
    [InlineData("ACME Inc", 1, MatchKind.Exact)]
    [InlineData("Globx", 2, MatchKind.Fuzzy)]
    [InlineData("glo", 2, MatchKind.Prefix)]
    [InlineData("importers", 3, MatchKind.Prefix)]
    [InlineData("cafe muller", 4, MatchKind.Exact)]
    [InlineData("华信科技", 6, MatchKind.Fuzzy)]
    public void CustomerDirectory_Query_FindsTheCustomer(string query, int id, MatchKind kind)
    {
        var best = _directory.Search(query, EastOnly)[0];

        Assert.Equal(id, best.CustomerId);
        Assert.Equal(kind, best.Kind);
    }

    [Fact]
    public void CustomerDirectory_OtherTeamsCustomers_NeverAppear()
    {
        Assert.DoesNotContain(_directory.Search("acme west", EastOnly), m => m.CustomerId == 5);
    }

    [Fact]
    public void CustomerDirectory_Upsert_RenamesInPlace()
    {
        _directory.Upsert(new Customer { Id = 2, Name = "Globex Trading", TeamId = "east" });

        Assert.DoesNotContain(_directory.Search("globex", EastOnly), m => m.Kind == MatchKind.Exact);
        Assert.Equal(2, _directory.Search("globex trading", EastOnly)[0].CustomerId);
        Assert.Equal(6, _directory.Count);
    }

    [Fact]
    public void CustomerDirectory_Nonsense_FindsNothing()
    {
        Assert.Empty(_directory.Search("zzqxv", EastOnly));
        Assert.Empty(_directory.Search("  !!  ", EastOnly));
    }

    [Fact]
    public void CustomerDirectory_SameNameButSuffix_TheOneTypedExactlyRanksFirst()
    {
        _directory.Upsert(new Customer { Id = 10, Name = "Yamamoto Bottling LLC", TeamId = "east" });
        _directory.Upsert(new Customer { Id = 11, Name = "Yamamoto Bottling Inc", TeamId = "east" });

        var matches = _directory.Search("yamamoto bottling inc", EastOnly);

        Assert.Equal([11, 10], matches.Select(m => m.CustomerId));
        Assert.Equal(100, matches[0].Score);
        Assert.Equal(99, matches[1].Score);
    }
}
