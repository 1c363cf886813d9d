using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Slack.Inbound;

namespace TechFlow.OnCall.Slack.Tests;

public class SlackSignatureVerifierTests
{
    // Slack's worked example (docs.slack.dev, verifying requests; also python-slack-sdk's test vector).
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private static SlackSignatureVerifier Verifier(long unixNow, string? secret = Secret) =>
        new(Options.Create(new SlackOptions { SigningSecret = secret }), new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixNow)));

    [Fact]
    public void Sign_SlackWorkedExample_MatchesSlacksSignature() =>
        Assert.Equal(Signature, SlackSignatureVerifier.Sign(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void IsValid_SlackWorkedExampleAtItsTimestamp_True() =>
        Assert.True(Verifier(1531420618).IsValid(Timestamp, Signature, Encoding.UTF8.GetBytes(Body)));

    [Theory]
    [InlineData(1531420618 + 301)]
    [InlineData(1531420618 - 301)]
    [InlineData(1531420618 + 3600)]
    public void IsValid_TimestampMoreThanFiveMinutesOff_False(long now) =>
        Assert.False(Verifier(now).IsValid(Timestamp, Signature, Encoding.UTF8.GetBytes(Body)));

    [Theory]
    [InlineData(1531420618 + 300)]
    [InlineData(1531420618 - 300)]
    public void IsValid_TimestampJustInsideWindow_True(long now) =>
        Assert.True(Verifier(now).IsValid(Timestamp, Signature, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void IsValid_BodyChangedByOneCharacter_False() =>
        Assert.False(Verifier(1531420618).IsValid(Timestamp, Signature, Encoding.UTF8.GetBytes(Body.Replace("text=", "text=x", StringComparison.Ordinal))));

    [Theory]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504")]
    [InlineData("V0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_ForgedOrMissingSignature_False(string? signature) =>
        Assert.False(Verifier(1531420618).IsValid(Timestamp, signature, Encoding.UTF8.GetBytes(Body)));

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("1531420618.5")]
    [InlineData("-1531420618")]
    [InlineData("abc")]
    public void IsValid_BadTimestamp_False(string? timestamp) =>
        Assert.False(Verifier(1531420618).IsValid(timestamp, Signature, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void IsValid_WrongSecret_False() =>
        Assert.False(Verifier(1531420618, "another-secret").IsValid(Timestamp, Signature, Encoding.UTF8.GetBytes(Body)));

    [Fact]
    public void IsValid_NoSecretConfigured_False() =>
        Assert.False(Verifier(1531420618, null).IsValid(Timestamp, Signature, Encoding.UTF8.GetBytes(Body)));
}
