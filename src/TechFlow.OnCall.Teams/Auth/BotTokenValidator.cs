using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Tokens;

namespace TechFlow.OnCall.Teams.Auth;

/// <summary>
/// Validates the <c>Authorization: Bearer</c> JWT that Azure Bot Service (or the bot's own Entra tenant) sends
/// with every activity: issuer, audience (the app id), lifetime with 5 minutes of skew, signature by a key from
/// the cached OpenID metadata, the key's endorsement of the activity's channel, and the <c>serviceurl</c> claim.
/// </summary>
/// <remarks>
/// Thread-safe. Keys are cached per metadata address (<see cref="SigningKeySource"/>); a token with an unknown key
/// id waits for refreshed keys (at most one fetch a minute) before it is judged, so a rotated key works at once.
/// </remarks>
public sealed class BotTokenValidator
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];
    private readonly TeamsOptions _options;
    private readonly TimeProvider _time;
    private readonly SigningKeySource _botFramework;
    private readonly SigningKeySource? _tenant;
    private readonly JsonWebTokenHandler _handler = new();

    public BotTokenValidator(IOptions<TeamsOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _botFramework = Source(_options.OpenIdMetadataUrl, time);
        _tenant = _options.TenantMetadataUrl is { } url ? Source(url, time) : null;
    }

    public async Task<TokenCheck> ValidateAsync(string? authorization, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        const string Bearer = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return TokenCheck.Invalid("no bearer token");
        }

        var raw = authorization[Bearer.Length..].Trim();
        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(raw);
        }
        catch (ArgumentException)
        {
            return TokenCheck.Invalid("malformed token");
        }

        var fromBotFramework = string.Equals(jwt.Issuer, TeamsOptions.BotFrameworkIssuer, StringComparison.Ordinal);
        var keys = fromBotFramework ? _botFramework : _options.TenantIssuers.Contains(jwt.Issuer) ? _tenant : null;
        if (keys is null)
        {
            return TokenCheck.Invalid("untrusted issuer");
        }

        SigningMetadata metadata;
        try
        {
            metadata = await keys.GetAsync(jwt.Kid, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return TokenCheck.Invalid("OpenID metadata unavailable: " + ex.Message);
        }

        var result = await _handler.ValidateTokenAsync(raw, new TokenValidationParameters
        {
            ValidIssuers = fromBotFramework ? [TeamsOptions.BotFrameworkIssuer] : _options.TenantIssuers,
            ValidAudience = _options.AppId,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = Skew,
            IssuerSigningKeys = metadata.Keys,
            ValidAlgorithms = Algorithms,
            LifetimeValidator = WithinLifetime,
        });
        if (!result.IsValid)
        {
            return TokenCheck.Invalid(result.Exception?.GetType().Name ?? "invalid token");
        }

        if (fromBotFramework && !string.IsNullOrEmpty(channelId)
            && !(metadata.Endorsements.TryGetValue(jwt.Kid, out var endorsed) && endorsed.Contains(channelId)))
        {
            return TokenCheck.Invalid($"signing key is not endorsed for channel {channelId}");
        }

        var claimed = jwt.TryGetPayloadValue<string>("serviceurl", out var value) ? value : null;
        if (claimed is null || serviceUrl is null || !string.Equals(claimed.TrimEnd('/'), serviceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return TokenCheck.Invalid("serviceurl claim does not match the activity");
        }

        return TokenCheck.Valid;
    }

    private bool WithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp && now <= exp.ToUniversalTime() + Skew
            && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - Skew);
    }

    /// <summary>How many times the Bot Framework OpenID metadata was fetched (tests).</summary>
    internal int BotFrameworkFetches => _botFramework.Fetches;

    private static SigningKeySource Source(string url, TimeProvider time) =>
        new(url, time, new SigningMetadataRetriever(), new HttpDocumentRetriever { RequireHttps = !IsLoopback(url) });

    internal static bool IsLoopback(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback;
}
