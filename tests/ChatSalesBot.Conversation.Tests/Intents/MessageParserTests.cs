using ChatSalesBot.Conversation.Intents;
using ChatSalesBot.Domain.Touches;

namespace ChatSalesBot.Conversation.Tests.Intents;

public sealed class MessageParserTests
{
    [Fact]
    public void MessageParser_OneLineVisit_SplitsCustomerNotesAndNextStep()
    {
        var intent = MessageParser.Parse("visit Acme: met the CFO. next: send quote by Friday");

        Assert.Equal(new Intent.LogTouch(TouchKind.Visit, "Acme", "met the CFO", "send quote by Friday"), intent);
    }

    [Fact]
    public void MessageParser_NextStepWithoutColon_IsUnderstood()
    {
        var intent = MessageParser.Parse("visit Acme: met the CFO, next step demo next Friday");

        Assert.Equal(new Intent.LogTouch(TouchKind.Visit, "Acme", "met the CFO", "demo next Friday"), intent);
    }

    [Fact]
    public void MessageParser_NotesMentioningNext_AreNotANextStep()
    {
        var intent = Assert.IsType<Intent.LogTouch>(MessageParser.Parse("called Globex: they buy next quarter"));

        Assert.Null(intent.NextStep);
        Assert.Equal("they buy next quarter", intent.Notes);
    }

    [Theory]
    [InlineData("called Globex", TouchKind.Call, "Globex")]
    [InlineData("/visit Initech", TouchKind.Visit, "Initech")]
    [InlineData("log meeting with Contoso", TouchKind.Meeting, "Contoso")]
    [InlineData("emailed Fabrikam", TouchKind.Email, "Fabrikam")]
    public void MessageParser_TouchWords_PickTheKind(string text, TouchKind kind, string customer)
    {
        var intent = Assert.IsType<Intent.LogTouch>(MessageParser.Parse(text));

        Assert.Equal(kind, intent.Kind);
        Assert.Equal(customer, intent.CustomerText);
    }

    [Theory]
    [InlineData("/customer Acme", "Acme")]
    [InlineData("customer acme", "acme")]
    [InlineData("card for Acme Corp", "Acme Corp")]
    [InlineData("salesbot customer Globex", "Globex")]
    public void MessageParser_LookUps(string text, string query)
    {
        Assert.Equal(new Intent.LookUp(query), MessageParser.Parse(text));
    }

    [Theory]
    [InlineData("followups")]
    [InlineData("/followups")]
    [InlineData("What's next?")]
    [InlineData("todo")]
    [InlineData("what should I follow up today?")]
    public void MessageParser_FollowUps(string text)
    {
        Assert.Equal(new Intent.FollowUps(0), MessageParser.Parse(text));
    }

    [Fact]
    public void MessageParser_Snooze_TakesCustomerAndDuration()
    {
        Assert.Equal(new Intent.Snooze("Acme", "3 days"), MessageParser.Parse("snooze Acme 3 days"));
        Assert.Equal(new Intent.Snooze("Acme Corp", "next monday"), MessageParser.Parse("snooze Acme Corp until next monday"));
        Assert.Equal(new Intent.Snooze("Acme", null), MessageParser.Parse("snooze Acme"));
    }

    [Fact]
    public void MessageParser_CreateProspect()
    {
        Assert.Equal(new Intent.Create("Initech, hot, closes next month", true), MessageParser.Parse("new prospect Initech, hot, closes next month"));
    }

    [Fact]
    public void MessageParser_Unknown_IsHelpWithTheText()
    {
        Assert.Equal(new Intent.Help("folowups please"), MessageParser.Parse("folowups please"));
    }

    [Theory]
    [InlineData("what is the weather")]
    [InlineData("how many visits did I log this week?")]
    [InlineData("Which customers are overdue")]
    public void MessageParser_Question_IsAQuestion(string text)
    {
        Assert.Equal(new Intent.Question(text), MessageParser.Parse(text));
    }

    [Theory]
    [InlineData("visit Acme: hello", false)]
    [InlineData("call Acme tomorrow", false)]
    [InlineData("called Acme", true)]
    [InlineData("met Acme", true)]
    [InlineData("log call with Acme", true)]
    public void MessageParser_PastTenseOrLog_SaysTheTouchHappened(string text, bool logged)
    {
        Assert.Equal(logged, Assert.IsType<Intent.LogTouch>(MessageParser.Parse(text)).Logged);
    }

    [Theory]
    [InlineData("visit 华联：谈了价格。下一步：下周五发报价", "华联", "谈了价格", "下周五发报价")]
    [InlineData("visit 华联，谈了价格。下一步发报价", "华联", "谈了价格", "发报价")]
    [InlineData("visit：华联：谈了价格！下一步：发报价", "华联", "谈了价格！", "发报价")]
    [InlineData("visit Acme：met the CFO；next：send quote", "Acme", "met the CFO", "send quote")]
    public void MessageParser_FullWidthPunctuation_MarksLikeAscii(string text, string customer, string notes, string next)
    {
        Assert.Equal(new Intent.LogTouch(TouchKind.Visit, customer, notes, next), MessageParser.Parse(text));
    }

    [Theory]
    [InlineData("snooze Acme ３ days", "Acme", "３ days")]
    [InlineData("snooze 华联 3天", "华联", "3天")]
    [InlineData("snooze 华联 下周一", "华联", "下周一")]
    public void MessageParser_SnoozeInFullWidthOrChinese_TakesCustomerAndDuration(string text, string customer, string duration)
    {
        Assert.Equal(new Intent.Snooze(customer, duration), MessageParser.Parse(text));
    }
}
