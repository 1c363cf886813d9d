namespace TechFlow.OnCall.Teams;

/// <summary>Configuration section <c>Teams</c>: the bot's Microsoft Entra app registration and token sources.</summary>
public sealed class TeamsOptions
{
    public const string Section = "Teams";

    /// <summary>The Bot Framework issuer of Azure Bot Service tokens.</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>The bot's Microsoft App ID (Entra client id, a GUID). Empty: local emulators only.</summary>
    public string? AppId { get; set; }

    /// <summary>The app's client secret, for outbound Bot Connector tokens.</summary>
    public string? AppPassword { get; set; }

    /// <summary>The bot's Entra tenant (single-tenant bots). Empty: legacy multi-tenant (<c>botframework.com</c>).</summary>
    public string? TenantId { get; set; }

    /// <summary>OpenID metadata for Azure Bot Service tokens; tests point it at a loopback server.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>OpenID metadata for the tenant's Entra-issued tokens; <c>{tenant}</c> is replaced by <see cref="TenantId"/>.</summary>
    public string EntraMetadataUrl { get; set; } = "https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration";

    /// <summary>The authority host for outbound tokens (client credentials).</summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com";

    /// <summary>
    /// How long one Bot Connector call may take. Posts get one attempt (the outbox retries them); GET and PUT are
    /// retried on server errors within this time.
    /// </summary>
    public TimeSpan ConnectorTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long getting a bot token (MSAL, client credentials) may take before the call that needs it gives up; an
    /// answer to a message is then sent in the background once a token arrives.
    /// </summary>
    public TimeSpan TokenTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public bool HasAppId => !string.IsNullOrWhiteSpace(AppId);

    /// <summary>The tenant's Entra metadata URL, or null for a multi-tenant bot.</summary>
    public string? TenantMetadataUrl => string.IsNullOrWhiteSpace(TenantId) ? null : EntraMetadataUrl.Replace("{tenant}", TenantId, StringComparison.Ordinal);

    /// <summary>Token issuers the tenant's Entra ID uses (v1 and v2), or none for a multi-tenant bot.</summary>
    public IReadOnlyList<string> TenantIssuers => string.IsNullOrWhiteSpace(TenantId) ? []
        : [$"https://sts.windows.net/{TenantId}/", $"https://login.microsoftonline.com/{TenantId}/v2.0"];
}
