using ChatSalesBot.Channels.Slack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatSalesBot.Host.Tests;

/// <summary>A developer's .env next to the tests must not reach the host the tests start.</summary>
public sealed class DotEnvIsolationTests
{
    private const string PoisonedToken = "xoxb-poisoned-from-dotenv";
    private const string Marker = "ChatSalesBotTests__DotEnvMarker";

    [Fact]
    public async Task HostFactory_DotEnvInTheWorkingFolder_IsNotLoaded()
    {
        // The host looks for .env from the working folder up, and the nearest one wins: this one shadows any other.
        var file = Path.Combine(Directory.GetCurrentDirectory(), ".env");
        Assert.False(File.Exists(file), $"{file} already exists; this test would overwrite it");
        await File.WriteAllTextAsync(file, $"Slack__BotToken={PoisonedToken}\n{Marker}=poisoned\n");
        try
        {
            await using var factory = new HostFactory();
            using var client = factory.CreateClient();

            Assert.Null(Environment.GetEnvironmentVariable(Marker));
            Assert.Null(factory.Services.GetRequiredService<IConfiguration>()["ChatSalesBotTests:DotEnvMarker"]);
            Assert.NotEqual(PoisonedToken, factory.Services.GetRequiredService<IOptions<SlackOptions>>().Value.BotToken);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(new[] { "--environment=Testing" }, "Testing")]
    [InlineData(new[] { "serve", "--environment", "testing" }, "testing")]
    [InlineData(new[] { "--contentRoot=/app", "--environment=Development" }, "Development")]
    public void DotEnvFile_EnvironmentOnTheCommandLine_IsTheOneTheHostUses(string[] args, string expected) =>
        Assert.Equal(expected, DotEnvFile.EnvironmentName(args));
}
