using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatSalesBot.Channels.Slack.Tests;

public sealed class SlackRequestVerifierTests
{
    // Slack's documented example ("Verifying requests from Slack").
    private const string DocSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string DocTimestamp = "1531420618";
    private const string DocBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string DocSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static SlackRequestVerifier Verifier(string? secret, DateTimeOffset now) =>
        new(Options.Create(new SlackOptions { SigningSecret = secret }), new FakeTimeProvider(now));

    private static DateTimeOffset DocTime => DateTimeOffset.FromUnixTimeSeconds(long.Parse(DocTimestamp, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void SlackRequestVerifier_SlackDocumentationExample_Accepts()
    {
        Assert.Equal(DocSignature, SlackRequestVerifier.Sign(DocSecret, DocTimestamp, Encoding.UTF8.GetBytes(DocBody)));
        Assert.Equal(SlackVerification.Valid, Verifier(DocSecret, DocTime.AddSeconds(30)).Verify(DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(DocBody)));
    }

    [Fact]
    public void SlackRequestVerifier_TimestampOlderThanFiveMinutes_Rejects() =>
        Assert.Equal(SlackVerification.StaleTimestamp, Verifier(DocSecret, DocTime.AddMinutes(5).AddSeconds(1)).Verify(DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(DocBody)));

    [Fact]
    public void SlackRequestVerifier_TimestampFromTheFuture_Rejects() =>
        Assert.Equal(SlackVerification.StaleTimestamp, Verifier(DocSecret, DocTime.AddMinutes(-6)).Verify(DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(DocBody)));

    [Fact]
    public void SlackRequestVerifier_BodyChangedByOneByte_Rejects() =>
        Assert.Equal(SlackVerification.BadSignature, Verifier(DocSecret, DocTime).Verify(DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(DocBody + " ")));

    [Fact]
    public void SlackRequestVerifier_WrongSecret_Rejects() =>
        Assert.Equal(SlackVerification.BadSignature, Verifier("another-secret", DocTime).Verify(DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(DocBody)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void SlackRequestVerifier_NoSigningSecretConfigured_FailsClosed(string? secret) =>
        Assert.Equal(SlackVerification.NoSigningSecret, Verifier(secret, DocTime).Verify(DocTimestamp, DocSignature, Encoding.UTF8.GetBytes(DocBody)));

    [Theory]
    [InlineData(null, DocSignature)]
    [InlineData(DocTimestamp, null)]
    [InlineData("not-a-number", DocSignature)]
    [InlineData("-1531420618", DocSignature)]
    public void SlackRequestVerifier_MissingOrBadHeaders_Rejects(string? timestamp, string? signature) =>
        Assert.Equal(SlackVerification.MissingHeaders, Verifier(DocSecret, DocTime).Verify(timestamp, signature, Encoding.UTF8.GetBytes(DocBody)));

    [Fact]
    public void SlackRequestVerifier_SignatureOfDifferentLength_Rejects() =>
        Assert.Equal(SlackVerification.BadSignature, Verifier(DocSecret, DocTime).Verify(DocTimestamp, "v0=abc", Encoding.UTF8.GetBytes(DocBody)));
}
