using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using TechFlow.OnCall.Teams.Tests.Support;

namespace TechFlow.OnCall.Teams.Tests;

/// <summary>Bot Framework rotates its signing keys; the first activity signed with the new key must get through.</summary>
public sealed class TeamsKeyRotationTests : IAsyncLifetime
{
    private LoopbackBotFramework _bot = null!;
    private TeamsHost _host = null!;

    public async Task InitializeAsync()
    {
        _bot = await LoopbackBotFramework.StartAsync();
        _host = new TeamsHost(_bot);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task Post_FirstActivitySignedWithANewlyPublishedKey_IsAccepted()
    {
        var (before, _) = await _host.PostAsync(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "help"), _host.Token());
        Assert.Equal(HttpStatusCode.OK, before);

        // Hours later Bot Framework publishes a new key and signs the next activity with it at once.
        _host.Time.Advance(TimeSpan.FromHours(3));
        _bot.PublishRotatedKey();
        var rotated = TestTokens.Create(_bot.RotatedKey, _host.Time.GetUtcNow(), _bot.ServiceUrl);
        var (status, _) = await _host.PostAsync(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "who is on call"), rotated);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, _bot.MetadataFetches);
    }

    [Fact]
    public async Task Post_FloodOfUnknownKeyIds_AtMostOneMetadataFetchAMinute()
    {
        var (first, _) = await _host.PostAsync(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "help"), _host.Token());
        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(1, _bot.MetadataFetches);

        // Within the first minute: the known keys were fetched just now, so no fetch at all.
        var statuses = await FloodAsync(20);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(1, _bot.MetadataFetches);

        // A minute later: twenty unknown key ids at once share one fetch.
        _host.Time.Advance(TimeSpan.FromSeconds(61));
        statuses = await FloodAsync(20);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(2, _bot.MetadataFetches);

        // The valid key still works without another fetch.
        var (after, _) = await _host.PostAsync(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "help"), _host.Token());
        Assert.Equal(HttpStatusCode.OK, after);
        Assert.Equal(2, _bot.MetadataFetches);
    }

    private async Task<HttpStatusCode[]> FloodAsync(int count)
    {
        using var rsa = RSA.Create(2048);
        var tokens = Enumerable.Range(0, count)
            .Select(_ => TestTokens.Create(new RsaSecurityKey(rsa) { KeyId = "random-" + Guid.NewGuid().ToString("N") }, _host.Time.GetUtcNow(), _bot.ServiceUrl))
            .ToList();
        var results = await Task.WhenAll(tokens.Select(t => _host.PostAsync(TeamsActivities.PersonalMessage(_bot.ServiceUrl, "help"), t)));
        return [.. results.Select(r => r.Status)];
    }
}
