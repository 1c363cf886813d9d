using System.Text.Json;
using System.Text.Json.Nodes;

namespace TechFlow.OnCall.Slack.Api;

/// <summary>The Slack Web API, grouped as Slack groups its methods (after SlackNet's <c>ISlackApiClient</c>).</summary>
public interface ISlackApiClient
{
    IChatApi Chat { get; }
    IConversationsApi Conversations { get; }
    IUsersApi Users { get; }
    IUserGroupsApi UserGroups { get; }
    IViewsApi Views { get; }
    IAppsApi Apps { get; }

    /// <summary>Calls <paramref name="method"/> with a JSON body; returns the response when <c>ok</c> is true.</summary>
    /// <exception cref="SlackApiException">ok:false, or an HTTP failure that the retries could not cure.</exception>
    Task<JsonElement> PostAsync(string method, JsonObject args, CancellationToken cancellationToken);

    /// <summary>Calls a read method (<c>users.info</c>, …) with query arguments.</summary>
    Task<JsonElement> GetAsync(string method, IReadOnlyDictionary<string, string> args, CancellationToken cancellationToken);

    /// <summary>Posts <paramref name="message"/> to an interaction's <c>response_url</c>.</summary>
    Task RespondAsync(string responseUrl, JsonObject message, CancellationToken cancellationToken);
}
