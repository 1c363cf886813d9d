using System.Net;

namespace TechFlow.OnCallBot.Security;

/// <summary>Whether a request was made on this machine, directly (not relayed by a proxy or a tunnel).</summary>
public static class LocalRequests
{
    /// <summary>Headers a proxy or tunnel (nginx, Caddy, cloudflared, ngrok) adds for the client it relays.</summary>
    private static readonly string[] ForwardingHeaders = ["X-Forwarded-For", "X-Forwarded-Host", "Forwarded", "X-Real-IP", "CF-Connecting-IP", "True-Client-IP"];

    /// <summary>
    /// True when the peer is a loopback address (or this host's own address, or there is no network peer at all, as
    /// in-process) and no forwarding header says the request came from elsewhere.
    /// </summary>
    public static bool IsDirectFromThisMachine(HttpContext http)
    {
        foreach (var header in ForwardingHeaders)
        {
            if (http.Request.Headers.ContainsKey(header))
            {
                return false;
            }
        }

        var remote = http.Connection.RemoteIpAddress;
        return remote is null || IPAddress.IsLoopback(remote) || remote.Equals(http.Connection.LocalIpAddress);
    }
}
