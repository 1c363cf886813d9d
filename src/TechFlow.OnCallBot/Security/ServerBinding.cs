using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace TechFlow.OnCallBot.Security;

/// <summary>The addresses the host listens on: the server's own list once it runs, else the configured URLs.</summary>
public sealed class ServerBinding(IServer server, IConfiguration configuration)
{
    /// <summary>Every address, for example <c>http://localhost:3978</c> or <c>http://[::]:80</c>.</summary>
    public IReadOnlyList<string> Addresses
    {
        get
        {
            var running = server.Features.Get<IServerAddressesFeature>()?.Addresses;
            if (running is { Count: > 0 })
            {
                return [.. running];
            }

            var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
                .Select(e => e["Url"]).OfType<string>().ToList();
            if (endpoints.Count > 0)
            {
                return endpoints;
            }

            return (configuration[WebHostDefaults.ServerUrlsKey] ?? "")
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
    }

    /// <summary>True when every address is loopback (localhost, 127.x, [::1]); an in-memory server with none counts too.</summary>
    public bool IsLoopbackOnly => Addresses.All(IsLoopback);

    /// <summary>
    /// A URL this machine can reach the running server at (loopback where the address allows), preferring http; null
    /// when the server reports no address (an in-memory test server), never a configured address nobody listens on.
    /// </summary>
    public string? LocalUrl()
    {
        var running = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var candidates = running.Select(Local).OfType<string>().ToList();
        return candidates.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? candidates.FirstOrDefault();
    }

    public static bool IsLoopback(string address)
    {
        var host = Host(address);
        return host is not null
            && (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
    }

    private static string? Local(string address)
    {
        var host = Host(address);
        if (host is null)
        {
            return null;
        }

        var scheme = address[..address.IndexOf("://", StringComparison.Ordinal)];
        var port = address[(address.IndexOf("://", StringComparison.Ordinal) + 3 + host.Length)..].TrimEnd('/');
        var reachable = host is "+" or "*" or "[::]" or "0.0.0.0" || host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? "127.0.0.1" : host;
        return $"{scheme}://{reachable}{port}/";
    }

    /// <summary>The host part of <c>scheme://host:port/path</c> (brackets kept for IPv6); null for unix sockets and junk.</summary>
    private static string? Host(string address)
    {
        var start = address.IndexOf("://", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var rest = address[(start + 3)..];
        if (rest.StartsWith("unix:", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("pipe:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var end = rest.StartsWith('[') ? rest.IndexOf(']', StringComparison.Ordinal) + 1 : rest.IndexOfAny([':', '/']);
        return end <= 0 ? rest : rest[..end];
    }
}
