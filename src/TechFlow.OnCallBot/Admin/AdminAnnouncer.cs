using System.Globalization;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage;
using TechFlow.OnCallBot.Security;

namespace TechFlow.OnCallBot.Admin;

/// <summary>
/// Once the server listens, writes the admin routes' local address and token into the store's lock file, so a CLI
/// on this machine that finds the store held can ask this host instead of opening the live file. It first checks
/// that the address really reaches this process (<c>GET /admin/ping</c>), so it never hands out an address that
/// nothing, or something else, answers.
/// </summary>
internal sealed class AdminAnnouncer(
    IOnCallStore store,
    AdminAccess access,
    ServerBinding binding,
    IHostApplicationLifetime lifetime,
    ILogger<AdminAnnouncer> logger) : IHostedService
{
    private static readonly TimeSpan PingTimeout = TimeSpan.FromSeconds(5);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = AnnounceAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (store is LiteDbStore { Lock: { } held })
        {
            held.Publish(new StoreLockInfo(Environment.ProcessId));
        }

        return Task.CompletedTask;
    }

    private async Task AnnounceAsync(CancellationToken cancellationToken)
    {
        if (store is not LiteDbStore { Lock: { } held } || binding.LocalUrl() is not { } url)
        {
            return;
        }

        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = PingTimeout };
            var pid = await http.GetStringAsync(new Uri(AdminEndpoints.PingRoute.TrimStart('/'), UriKind.Relative), cancellationToken);
            if (pid == Environment.ProcessId.ToString(CultureInfo.InvariantCulture) && !cancellationToken.IsCancellationRequested)
            {
                held.Publish(new StoreLockInfo(Environment.ProcessId, url, access.Token));
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            logger.LogDebug("Admin routes not announced: {Url} did not answer ({Error})", url, ex.Message);
        }
    }
}
