using ChatSalesBot.Conversation.Matching;

namespace ChatSalesBot.Conversation.Tests.Matching;

public sealed class NameNormalizerTests
{
    [Theory]
    [InlineData("Acme Corporation", "acme")]
    [InlineData("ACME Inc.", "acme")]
    [InlineData("Contoso Co., Ltd.", "contoso")]
    [InlineData("Café Müller GmbH", "cafe muller")]
    [InlineData("Smith & Sons", "smith and sons")]
    [InlineData("北京华信科技有限公司", "北京华信科技")]
    [InlineData("  Globex  ", "globex")]
    public void NameNormalizer_FoldsCaseAccentsPunctuationAndLegalSuffixes(string name, string expected)
    {
        Assert.Equal(expected, NameNormalizer.Normalize(name));
    }

    [Fact]
    public void NameNormalizer_NameThatIsOnlyASuffix_IsKept()
    {
        Assert.Equal("co", NameNormalizer.Normalize("Co"));
    }
}
