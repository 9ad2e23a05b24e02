using ChatSalesBot.Channels.Teams.Proactive;
using ChatSalesBot.Channels.Teams.Tests.Infrastructure;
using ChatSalesBot.Conversation;

namespace ChatSalesBot.Channels.Teams.Tests;

/// <summary>Every Teams turn names where it was said, as a digest address, and the user's personal chat when known.</summary>
public sealed class TeamsAddressTests : IAsyncLifetime
{
    private const string Channel = "19:a1b2c3d4e5f60718293a4b5c6d7e8f90@thread.tacv2";
    private const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private TeamsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TeamsAddress_MessageInAChannelThread_AddressesTheChannelWithAProactiveReference()
    {
        await _host.PostPayloadAsync("channel-mention.json");
        await _host.WhenIdleAsync();

        var turn = Assert.Single(_host.Bot.Turns);
        var address = Assert.IsType<Domain.Digests.DeliveryAddress>(turn.Address);
        Assert.Equal("teams", address.Platform);
        Assert.Equal(Tenant, address.TenantId);
        Assert.Equal(Channel, address.ConversationId);
        var reference = TeamsAddress.ReferenceOf(address);
        Assert.NotNull(reference);
        Assert.Equal(Channel, reference.Conversation.Id);
        Assert.Equal("https://smba.trafficmanager.net/emea/", reference.ServiceUrl);
        Assert.Equal("28:00000000-0000-0000-0000-0000000000a1", reference.Bot?.Id);
        Assert.Equal(Tenant, reference.TenantId);
        Assert.Null(turn.PersonalAddress);
    }

    [Fact]
    public async Task TeamsAddress_PersonalChat_IsAlsoThePersonalAddress()
    {
        await _host.PostPayloadAsync("personal-message.json");
        await _host.WhenIdleAsync();

        var turn = Assert.Single(_host.Bot.Turns);
        Assert.NotNull(turn.Address);
        Assert.Equal(turn.Address, turn.PersonalAddress);
        Assert.Equal("personal", TeamsAddress.ReferenceOf(turn.PersonalAddress!)?.Conversation.ConversationType);
    }

    [Fact]
    public async Task TeamsAddress_ChannelMessageAfterAPersonalChat_PersonalAddressIsThatChat()
    {
        await _host.PostPayloadAsync("personal-message.json");
        await _host.WhenIdleAsync();
        await _host.PostPayloadAsync("channel-mention.json");
        await _host.WhenIdleAsync();

        var turns = _host.Bot.Turns.ToList();
        Assert.Equal(2, turns.Count);
        Assert.Equal(Channel, turns[1].Address?.ConversationId);
        Assert.Equal(turns[0].Address, turns[1].PersonalAddress);
    }

    [Theory]
    [InlineData("19:abc@thread.tacv2;messageid=1732440700001", "19:abc@thread.tacv2")]
    [InlineData("19:abc@thread.tacv2", "19:abc@thread.tacv2")]
    [InlineData("a:1personal", "a:1personal")]
    public void TeamsAddress_ChannelOf_StripsTheThread(string conversationId, string expected) =>
        Assert.Equal(expected, TeamsAddress.ChannelOf(conversationId));
}
