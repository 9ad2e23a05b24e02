using System.Net;
using ChatSalesBot.Channels.Teams.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace ChatSalesBot.Channels.Teams.Tests.Auth;

/// <summary>
/// Key rollover on the host's fake clock: a token signed with a key the metadata has just started serving is accepted
/// on its first request (one awaited refetch), and tokens with forged key ids cannot hold a real new key back for more
/// than 30 s (at most one such refetch per 30 s).
/// </summary>
public sealed class SigningKeyRolloverTests : IAsyncLifetime
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private TeamsTestHost _host = null!;

    public async Task InitializeAsync() => _host = await TeamsTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private int KeyFetches => _host.Http.Requests.Count(r => r.Uri.ToString() == TestSigningAuthority.BotFrameworkKeysUrl);

    private Task<HttpResponseMessage> PostSignedWithAsync(RsaSecurityKey key) =>
        _host.PostPayloadAsync("personal-message.json", _host.Authority.Token(ServiceUrl, key: key, now: _host.Time.GetUtcNow()));

    private RsaSecurityKey ForgedKey() => new(_host.Authority.StrangerKey.Rsa) { KeyId = Guid.NewGuid().ToString("N") };

    [Fact]
    public async Task SigningKeys_NewKeyPublished_AcceptedOnItsFirstRequest()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostSignedWithAsync(_host.Authority.TeamsKey)).StatusCode);
        _host.Authority.PublishRolledKey();

        var response = await PostSignedWithAsync(_host.Authority.RolledKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, KeyFetches);
    }

    [Fact]
    public async Task SigningKeys_ForgedKidThenRealNewKey_AcceptedWithin30Seconds()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostSignedWithAsync(_host.Authority.TeamsKey)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostSignedWithAsync(ForgedKey())).StatusCode);
        _host.Time.Advance(TimeSpan.FromSeconds(1));
        _host.Authority.PublishRolledKey();

        var held = await PostSignedWithAsync(_host.Authority.RolledKey);
        _host.Time.Advance(TimeSpan.FromSeconds(29));
        var accepted = await PostSignedWithAsync(_host.Authority.RolledKey);

        Assert.Equal(HttpStatusCode.Unauthorized, held.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task SigningKeys_ManyForgedKids_RefetchAtMostOncePer30Seconds()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostSignedWithAsync(_host.Authority.TeamsKey)).StatusCode);

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostSignedWithAsync(ForgedKey())).StatusCode);
            _host.Time.Advance(TimeSpan.FromSeconds(3));
        }

        // 60 s of forged kids: the first one refetched at once, then one more each time 30 s had passed.
        Assert.InRange(KeyFetches, 2, 4);
    }

    [Fact]
    public async Task SigningKeys_KnownKid_NoRefetchUntilTwelveHoursOld()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostSignedWithAsync(_host.Authority.TeamsKey)).StatusCode);
        _host.Time.Advance(TimeSpan.FromHours(11));
        Assert.Equal(HttpStatusCode.OK, (await PostSignedWithAsync(_host.Authority.TeamsKey)).StatusCode);
        Assert.Equal(1, KeyFetches);

        _host.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.OK, (await PostSignedWithAsync(_host.Authority.TeamsKey)).StatusCode);

        Assert.Equal(2, KeyFetches);
    }

    [Fact]
    public async Task SigningKeys_MetadataUnavailableFromTheStart_Returns401()
    {
        _host.Http.MetadataUnavailable = true;

        var response = await PostSignedWithAsync(_host.Authority.TeamsKey);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Bot.Turns);
        Assert.Contains(_host.Logs.Lines, l => l.Message.Contains("signing keys unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SigningKeys_RefreshFailsWhenTwelveHoursOld_OldKeysStayInUse()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostSignedWithAsync(_host.Authority.TeamsKey)).StatusCode);
        _host.Http.MetadataUnavailable = true;
        _host.Time.Advance(TimeSpan.FromHours(13));

        var response = await PostSignedWithAsync(_host.Authority.TeamsKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(_host.Logs.Lines, l => l.Message.StartsWith("Bot Framework OpenID metadata or signing keys unavailable", StringComparison.Ordinal));
    }
}
