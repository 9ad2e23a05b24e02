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
    [InlineData("华信科技", 6, MatchKind.Part)]
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

    [Theory]
    [InlineData("acme corporation", 1)]
    [InlineData("Acme Corp.", 1)]
    [InlineData("acme logistics", 7)]
    [InlineData("globex", 2)]
    [InlineData("glob", 2)]
    [InlineData("globx", 2)]
    [InlineData("wide world", 3)]
    public void CustomerDirectory_NameThatFitsOne_IsUnambiguous(string query, int id)
    {
        _directory.Upsert(new Customer { Id = 7, Name = "Acme Logistics", TeamId = "east" });

        Assert.Equal(id, _directory.Find(query, EastOnly).Unambiguous?.CustomerId);
    }

    [Theory]
    [InlineData("acme", new[] { 1, 7 })]
    [InlineData("acme inc", new[] { 1, 7 })]
    [InlineData("acm", new[] { 1, 7 })]
    [InlineData("yamamoto bottling", new[] { 10, 11 })]
    [InlineData("gl", new[] { 2 })]
    public void CustomerDirectory_NameThatFitsSeveral_IsAmbiguousAndNamesTheRivals(string query, int[] rivals)
    {
        _directory.Upsert(new Customer { Id = 7, Name = "Acme Logistics", TeamId = "east" });
        _directory.Upsert(new Customer { Id = 10, Name = "Yamamoto Bottling LLC", TeamId = "east" });
        _directory.Upsert(new Customer { Id = 11, Name = "Yamamoto Bottling Inc", TeamId = "east" });

        var lookup = _directory.Find(query, EastOnly);

        Assert.Null(lookup.Unambiguous);
        Assert.Equal(rivals, lookup.Rivals.Select(m => m.CustomerId).Order());
    }

    [Fact]
    public void CustomerDirectory_SuffixTyped_NamesTheOneWithThatSuffix()
    {
        _directory.Upsert(new Customer { Id = 10, Name = "Yamamoto Bottling LLC", TeamId = "east" });
        _directory.Upsert(new Customer { Id = 11, Name = "Yamamoto Bottling Inc", TeamId = "east" });

        Assert.Equal(11, _directory.Find("Yamamoto Bottling, Incorporated", EastOnly).Unambiguous?.CustomerId);
    }

    [Fact]
    public void CustomerDirectory_RivalInAnotherTeam_DoesNotCount()
    {
        _directory.Upsert(new Customer { Id = 7, Name = "Globex Logistics", TeamId = "west" });

        Assert.Equal(2, _directory.Find("globex", EastOnly).Unambiguous?.CustomerId);
        Assert.DoesNotContain(_directory.Search("globex", EastOnly), m => m.CustomerId == 7);
    }

    [Theory]
    [InlineData("华联", MatchKind.Part)]
    [InlineData("华联商贸", MatchKind.Part)]
    [InlineData("北京华联", MatchKind.Prefix)]
    [InlineData("北京华联商贸有限公司", MatchKind.Exact)]
    [InlineData("hualian", MatchKind.Prefix)]
    [InlineData("Beijing Hualian", MatchKind.Exact)]
    public void CustomerDirectory_ChineseName_IsFoundByAnyPartAndByItsPinyinAlias(string query, MatchKind kind)
    {
        _directory.Upsert(new Customer { Id = 8, Name = "北京华联商贸有限公司", Aliases = ["Beijing Hualian"], TeamId = "east" });

        var lookup = _directory.Find(query, EastOnly);

        Assert.Equal(8, lookup.Matches[0].CustomerId);
        Assert.Equal(kind, lookup.Matches[0].Kind);
        Assert.Equal(8, lookup.Unambiguous?.CustomerId);
    }

    [Fact]
    public void CustomerDirectory_ChinesePartOfTwoNames_IsAmbiguous()
    {
        _directory.Upsert(new Customer { Id = 8, Name = "北京华联商贸有限公司", TeamId = "east" });
        _directory.Upsert(new Customer { Id = 9, Name = "华联超市", Aliases = ["华联"], TeamId = "east" });

        var lookup = _directory.Find("华联", EastOnly);

        Assert.Null(lookup.Unambiguous);
        Assert.Equal([8, 9], lookup.Rivals.Select(m => m.CustomerId).Order());
    }

    [Fact]
    public void CustomerDirectory_ChineseNameRenamed_IsFoundByItsNewPartsOnly()
    {
        _directory.Upsert(new Customer { Id = 8, Name = "北京华联商贸有限公司", TeamId = "east" });
        _directory.Upsert(new Customer { Id = 8, Name = "上海联华超市", TeamId = "east" });

        Assert.Empty(_directory.Search("华联", EastOnly));
        Assert.Equal(8, _directory.Search("联华", EastOnly)[0].CustomerId);
    }
}
