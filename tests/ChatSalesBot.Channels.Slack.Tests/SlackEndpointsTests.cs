using System.Net;
using ChatSalesBot.Channels.Slack.Tests.Support;

namespace ChatSalesBot.Channels.Slack.Tests;

public sealed class SlackEndpointsTests
{
    [Theory]
    [InlineData("/slack/commands")]
    [InlineData("/slack/events")]
    [InlineData("/slack/interactions")]
    public async Task SlackEndpoints_BadSignature_Returns401AndBotNeverCalled(string path)
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.PostSignedAsync(path, SlackTestHost.Payload("slash_command_customer.txt"), "application/x-www-form-urlencoded", secret: "wrong-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await host.IdleAsync();
        Assert.Empty(host.Bot.Turns);
        Assert.Empty(host.Api.Calls);
    }

    [Fact]
    public async Task SlackEndpoints_MissingSignature_Returns401()
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.Client.PostAsync("/slack/events", new StringContent(SlackTestHost.Payload("app_mention.json")));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Bot.Turns);
    }

    [Fact]
    public async Task SlackEndpoints_StaleTimestamp_Returns401AndBotNeverCalled()
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.PostSignedAsync("/slack/commands", SlackTestHost.Payload("slash_command_customer.txt"), "application/x-www-form-urlencoded", at: host.Time.GetUtcNow().AddMinutes(-6));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await host.IdleAsync();
        Assert.Empty(host.Bot.Turns);
    }

    [Fact]
    public async Task SlackEndpoints_NoSigningSecretConfigured_RefusesEverything()
    {
        await using var host = await SlackTestHost.StartAsync(new() { ["Slack:SigningSecret"] = "" });
        var response = await host.CommandAsync(SlackTestHost.Payload("slash_command_customer.txt"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Bot.Turns);
    }

    [Fact]
    public async Task SlackEndpoints_SslCheck_Returns200WithoutSignature()
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.Client.PostAsync("/slack/commands", new FormUrlEncodedContent(new Dictionary<string, string> { ["ssl_check"] = "1", ["token"] = "x" }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Bot.Turns);
    }

    [Fact]
    public async Task SlackEndpoints_MalformedInteractionPayload_Returns400()
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.PostSignedAsync("/slack/interactions", SlackTestHost.Payload("malformed_payload.txt"), "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Bot.Turns);
    }

    [Theory]
    [InlineData("{\"type\":\"block_actions\"}")]
    [InlineData("{\"user\":{\"id\":\"U1\"}}")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"type\":\"view_submission\",\"user\":{\"id\":\"U1\"}}")]
    public async Task SlackEndpoints_InteractionMissingRequiredFields_Returns400(string payload)
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.InteractionAsync(payload);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Bot.Turns);
    }

    [Fact]
    public async Task SlackEndpoints_InteractionWithoutPayloadField_Returns400()
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.PostSignedAsync("/slack/interactions", "foo=bar", "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"type\":\"event_callback\",\"team_id\":\"T1\"}")]
    public async Task SlackEndpoints_MalformedEvent_Returns400(string body)
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.EventAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Bot.Turns);
    }

    [Fact]
    public async Task SlackEndpoints_SlashCommandWithoutUser_Returns400()
    {
        await using var host = await SlackTestHost.StartAsync();
        var response = await host.CommandAsync("command=%2Fcustomer&text=Acme");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SlackEndpoints_ConfiguredPaths_AreUsed()
    {
        await using var host = await SlackTestHost.StartAsync(new() { ["Slack:CommandsPath"] = "/hooks/slack/cmd" });
        var response = await host.PostSignedAsync("/hooks/slack/cmd", SlackTestHost.Payload("slash_command_customer.txt"), "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
