using ChatSalesBot.Domain;

namespace ChatSalesBot.Domain.Tests;

public sealed class VisibleTextTests
{
    [Theory]
    [InlineData("Acme\u202Eroc")]
    [InlineData("\u2066Acme\u2069")]
    [InlineData("Acme\u200F")]
    [InlineData("Ac\u200Bme")]
    [InlineData("\uFEFFAcme")]
    [InlineData("Acme\u0007")]
    [InlineData("Acme\U000E0041")]
    public void VisibleText_NameWithAHiddenCharacter_HasAProblem(string name) =>
        Assert.Contains("character (U+", VisibleText.NameProblem(name));

    [Theory]
    [InlineData("Acme\nCorp")]
    [InlineData("Acme\u2028Corp")]
    public void VisibleText_NameOverTwoLines_HasAProblem(string name) =>
        Assert.Equal("a name is one line", VisibleText.NameProblem(name));

    [Theory]
    [InlineData("Acme Corp")]
    [InlineData("\tTabbed")]
    [InlineData("Smith & Sons <b>")]
    [InlineData("می\u200Cخواهم")]
    [InlineData("👩\u200D💻 Labs")]
    [InlineData("שלום Ltd")]
    public void VisibleText_OrdinaryNames_HaveNoProblem(string name) => Assert.Null(VisibleText.NameProblem(name));

    [Fact]
    public void VisibleText_Clean_RemovesBidiControlsAndKeepsLinesAndJoiners()
    {
        Assert.Equal("Acme corp\nnotes\tmore 👩\u200D💻", VisibleText.Clean("\u202EAcme\u202C corp\u2028notes\tmore\u2067 👩\u200D💻\u200B"));
        Assert.Equal("", VisibleText.Clean(null));
        Assert.Same("plain", VisibleText.Clean("plain"));
    }
}
