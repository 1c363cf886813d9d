using TechFlow.OnCallBot.Security;

namespace TechFlow.OnCallBot.Admin;

/// <summary>
/// Who may use <c>/admin/</c>: a request made directly on this machine with the token this host process made at
/// start and wrote into the store's lock file (readable only by the account that runs the host).
/// </summary>
public sealed class AdminAccess
{
    public string Token { get; } = Secrets.NewToken();

    /// <summary>404 for anything not local (the routes do not exist from outside), 401 for a wrong token, else null.</summary>
    public IResult? Refusal(HttpContext http)
    {
        if (!LocalRequests.IsDirectFromThisMachine(http))
        {
            return Results.NotFound();
        }

        return Secrets.Matches(Secrets.Bearer(http.Request.Headers.Authorization.ToString()), Token)
            ? null
            : Results.Text("A valid Authorization: Bearer <token from the store's lock file> header is required.", statusCode: StatusCodes.Status401Unauthorized);
    }
}
