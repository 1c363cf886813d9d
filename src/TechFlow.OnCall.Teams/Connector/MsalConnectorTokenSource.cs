using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace TechFlow.OnCall.Teams.Connector;

/// <summary>
/// Client-credentials tokens from Microsoft Entra ID via MSAL, against the bot's tenant (single-tenant) or
/// <c>botframework.com</c> (legacy multi-tenant). MSAL's in-memory app token cache reuses a token until it expires.
/// </summary>
public sealed class MsalConnectorTokenSource(IOptions<TeamsOptions> options) : IConnectorTokenSource
{
    private static readonly string[] Scopes = ["https://api.botframework.com/.default"];
    private readonly Lazy<IConfidentialClientApplication?> _app = new(() => Build(options.Value));

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_app.Value is not { } app)
        {
            return null;
        }

        var result = await app.AcquireTokenForClient(Scopes).ExecuteAsync(cancellationToken);
        return result.AccessToken;
    }

    private static IConfidentialClientApplication? Build(TeamsOptions o)
    {
        if (!o.HasAppId)
        {
            return null;
        }

        var tenant = string.IsNullOrWhiteSpace(o.TenantId) ? "botframework.com" : o.TenantId;
        return ConfidentialClientApplicationBuilder.Create(o.AppId)
            .WithClientSecret(o.AppPassword)
            .WithAuthority($"{o.AuthorityHost.TrimEnd('/')}/{tenant}")
            .Build();
    }
}
