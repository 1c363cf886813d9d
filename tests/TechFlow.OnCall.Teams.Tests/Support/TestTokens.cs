using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TechFlow.OnCall.Teams.Tests.Support;

/// <summary>Bot Framework-shaped JWTs signed with the loopback test keys.</summary>
public static class TestTokens
{
    public const string AppId = "6c1d7e2a-0b1f-4c55-9a58-3f7b2c9d1e01";

    public static string Create(
        SecurityKey key,
        DateTimeOffset now,
        string serviceUrl,
        string issuer = "https://api.botframework.com",
        string audience = AppId,
        TimeSpan? expiresIn = null)
    {
        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(30));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (expires - TimeSpan.FromHours(1)).UtcDateTime,
            NotBefore = (expires - TimeSpan.FromHours(1)).UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl), new Claim("appid", "botframework-channel")]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
