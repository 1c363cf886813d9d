using Microsoft.IdentityModel.Tokens;

namespace TechFlow.OnCall.Teams.Auth;

/// <summary>
/// One OpenID metadata document with its signing keys, and each key's Bot Framework <c>endorsements</c>
/// (the channels it may sign for), which <see cref="JsonWebKey"/> does not expose.
/// </summary>
public sealed class SigningMetadata(string? issuer, IReadOnlyCollection<SecurityKey> keys, IReadOnlyDictionary<string, IReadOnlySet<string>> endorsements)
{
    public string? Issuer { get; } = issuer;
    public IReadOnlyCollection<SecurityKey> Keys { get; } = keys;

    /// <summary>Key id to endorsements; a key without an <c>endorsements</c> array has an empty set.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Endorsements { get; } = endorsements;

    public bool HasKey(string? kid) => kid is not null && Keys.Any(k => k.KeyId == kid);
}
