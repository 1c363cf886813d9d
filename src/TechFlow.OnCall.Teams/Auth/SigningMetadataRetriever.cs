using System.Text.Json;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace TechFlow.OnCall.Teams.Auth;

/// <summary>
/// Loads an OpenID metadata document and its key set (JWKS), reading the key set's JSON itself to keep each
/// key's <c>endorsements</c>. Used through a <see cref="ConfigurationManager{T}"/>, which caches and refreshes it.
/// </summary>
internal sealed class SigningMetadataRetriever : IConfigurationRetriever<SigningMetadata>
{
    public async Task<SigningMetadata> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var config = await OpenIdConnectConfigurationRetriever.GetAsync(address, retriever, cancel);
        var endorsements = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(config.JwksUri))
        {
            var json = await retriever.GetDocumentAsync(config.JwksUri, cancel);
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.TryGetProperty("keys", out var keys) && keys.ValueKind == JsonValueKind.Array)
            {
                foreach (var key in keys.EnumerateArray())
                {
                    if (!key.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String)
                    {
                        continue;
                    }

                    var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    if (key.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var item in list.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.String))
                        {
                            set.Add(item.GetString()!);
                        }
                    }

                    endorsements[kid.GetString()!] = set;
                }
            }
        }

        return new SigningMetadata(config.Issuer, [.. config.SigningKeys.Cast<SecurityKey>()], endorsements);
    }
}
