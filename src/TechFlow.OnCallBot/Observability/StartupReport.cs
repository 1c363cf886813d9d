using System.Globalization;
using Microsoft.Extensions.Options;
using Quartz;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Slack;
using TechFlow.OnCall.Storage;
using TechFlow.OnCallBot.Playground;

namespace TechFlow.OnCallBot.Observability;

/// <summary>
/// Once the host has started, one log line per component: the store, Slack, the playground, the calendar feeds,
/// each scheduled job with its next fire time in the team's zone, and the operator routes.
/// </summary>
internal sealed class StartupReport(IServiceProvider services, IHostApplicationLifetime lifetime, ILogger<StartupReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = ReportAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ReportAsync(CancellationToken cancellationToken)
    {
        try
        {
            Store();
            Slack();
            Playground();
            logger.LogInformation("Calendar feeds: secret addresses under {BaseUrl}calendar/ (see /oncall calendar)",
                services.GetRequiredService<CalendarFeedOptions>().PublicBaseUrl.TrimEnd('/') + "/");
            await JobsAsync(cancellationToken);
            logger.LogInformation("Operations: metrics at /metrics, liveness at /healthz, readiness at /healthz/ready");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The start-up report could not be completed");
        }
    }

    private void Store()
    {
        if (services.GetRequiredService<IOnCallStore>() is LiteDbStore lite)
        {
            logger.LogInformation("Store: {Path} (LiteDB, schema {Schema}, {Size} KiB), locked by this process ({Pid})",
                lite.Path, lite.SchemaVersion, lite.SizeBytes / 1024, Environment.ProcessId);
        }
    }

    private void Slack()
    {
        var slack = services.GetRequiredService<IOptions<SlackOptions>>().Value;
        if (!slack.InboundEnabled && !slack.OutboundEnabled)
        {
            logger.LogInformation("Slack: off (no Slack:SigningSecret or Slack:BotToken)");
            return;
        }

        logger.LogInformation("Slack: requests on /slack/* {Inbound}; Socket Mode {SocketMode}; posting {Outbound}",
            slack.InboundEnabled ? "verified with the signing secret" : "off (no Slack:SigningSecret)",
            slack.SocketModeEnabled ? $"on ({slack.SocketConnections} connections)" : "off (no Slack:AppToken)",
            slack.OutboundEnabled ? $"on, announcements to {slack.AnnouncementChannel ?? "(no Slack:AnnouncementChannel)"}" : "off (no Slack:BotToken)");
    }

    private void Playground()
    {
        var access = services.GetRequiredService<PlaygroundAccess>();
        var options = services.GetRequiredService<IOptions<PlaygroundOptions>>().Value;
        if (access.Off() is { } off)
        {
            logger.LogInformation("Playground: {Reason}", off);
        }
        else if (options.HasToken)
        {
            logger.LogInformation("Playground: on at / for requests with Playground:Token");
        }
        else
        {
            logger.LogInformation("Playground: on at / for direct requests on this machine (the host listens on loopback only){Linked}",
                access.ChatPlatformsConfigured ? "; never as people linked to Slack or Teams" : "");
        }
    }

    private async Task JobsAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<ISchedulerFactory>() is not { } factory)
        {
            logger.LogInformation("Jobs: off (Jobs:Enabled=false)");
            return;
        }

        var clock = services.GetRequiredService<TeamClock>();
        var scheduler = await factory.GetScheduler(cancellationToken);
        foreach (var job in await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), cancellationToken))
        {
            var next = (await scheduler.GetTriggersOfJob(job, cancellationToken))
                .Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min();
            logger.LogInformation("Job {Job}: next run {Next}", job.Name, next is { } at
                ? $"{clock.ToLocal(at).ToString("ddd MMM d HH:mm", CultureInfo.InvariantCulture)} {clock.ZoneAbbreviation(at)} ({clock.Zone.Id})"
                : "none scheduled");
        }
    }
}
