using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage;
using TechFlow.OnCallBot.Security;

namespace TechFlow.OnCallBot.Admin;

/// <summary>
/// Once the server listens, writes the admin routes' local address and token into the store's lock file, so a CLI
/// on this machine that finds the store held can ask this host instead of opening the live file.
/// </summary>
internal sealed class AdminAnnouncer(IOnCallStore store, AdminAccess access, ServerBinding binding, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            if (store is LiteDbStore { Lock: { } held } && binding.LocalUrl() is { } url)
            {
                held.Publish(new StoreLockInfo(Environment.ProcessId, url, access.Token));
            }
        });
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
}
