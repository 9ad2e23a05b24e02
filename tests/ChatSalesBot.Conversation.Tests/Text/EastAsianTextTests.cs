using ChatSalesBot.Conversation.Text;

namespace ChatSalesBot.Conversation.Tests.Text;

public sealed class EastAsianTextTests
{
    [Theory]
    [InlineData("下一步：下周五（周五）发报价！", "下一步:下周五(周五)发报价!")]
    [InlineData("１２／３，好。", "12/3,好.")]
    [InlineData("plain ascii", "plain ascii")]
    public void EastAsianText_FoldWidth_GivesAsciiOneCharacterForOne(string typed, string folded)
    {
        Assert.Equal(folded, EastAsianText.FoldWidth(typed));
        Assert.Equal(typed.Length, EastAsianText.FoldWidth(typed).Length);
    }

    [Theory]
    [InlineData("北京华联", true)]
    [InlineData("ヤマト運輸", true)]
    [InlineData("삼성전자", true)]
    [InlineData("Café Müller", false)]
    public void EastAsianText_HasCjk(string text, bool expected)
    {
        Assert.Equal(expected, EastAsianText.HasCjk(text));
    }
}
