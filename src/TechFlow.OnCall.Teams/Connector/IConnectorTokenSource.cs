namespace TechFlow.OnCall.Teams.Connector;

/// <summary>Supplies the bearer token for calls to the Bot Connector.</summary>
public interface IConnectorTokenSource
{
    /// <summary>A token for <c>https://api.botframework.com/.default</c>, or null when the bot has no app id.</summary>
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}
