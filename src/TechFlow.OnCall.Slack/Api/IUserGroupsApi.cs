namespace TechFlow.OnCall.Slack.Api;

/// <summary><c>usergroups.*</c> methods.</summary>
public interface IUserGroupsApi
{
    /// <summary><c>usergroups.users.update</c>: <paramref name="users"/> becomes the complete member list.</summary>
    Task UpdateUsersAsync(string userGroup, IReadOnlyList<string> users, CancellationToken cancellationToken);
}
