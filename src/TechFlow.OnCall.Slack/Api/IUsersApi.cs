namespace TechFlow.OnCall.Slack.Api;

/// <summary><c>users.*</c> methods.</summary>
public interface IUsersApi
{
    /// <summary><c>users.info</c>; the email is present with the <c>users:read.email</c> scope.</summary>
    Task<SlackUser> InfoAsync(string user, CancellationToken cancellationToken);

    /// <summary><c>users.lookupByEmail</c>; null when nobody has that address.</summary>
    Task<SlackUser?> LookupByEmailAsync(string email, CancellationToken cancellationToken);
}
