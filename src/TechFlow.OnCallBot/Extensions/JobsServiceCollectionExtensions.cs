using Quartz;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCallBot.Jobs;
using TechFlow.OnCallBot.Observability;

namespace TechFlow.OnCallBot.Extensions;

public static class JobsServiceCollectionExtensions
{
    /// <summary>The announcements backstop, in cron form (quartz: seconds minutes hours day month weekday).</summary>
    public const string AnnouncementsCron = "0 0/15 * * * ?";

    /// <summary>How often the timed triggers are refreshed besides after commits.</summary>
    public const string TimedTriggersCron = "0 0/15 * * * ?";

    /// <summary>
    /// Quartz as the bot's clock: an in-memory scheduler (LiteDB is the source of truth, so nothing about jobs is
    /// persisted). Every timed announcement and every escalation step gets a one-shot trigger at its exact instant
    /// (<see cref="TimedTriggersJob"/> keeps them, refreshed at start-up, every fifteen minutes and after commits);
    /// <see cref="AnnouncementsJob"/> also runs once at start-up and every fifteen minutes as a backstop, and
    /// <see cref="DueWorkJob"/> every minute. Quartz reads the <see cref="TimeProvider"/> registered in DI by itself.
    /// <c>Jobs:Enabled=false</c> leaves Quartz out (for tests that drive time themselves).
    /// </summary>
    public static IServiceCollection AddOnCallJobs(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue("Jobs:Enabled", defaultValue: true))
        {
            return services;
        }

        var zone = TeamZone(configuration);
        services.AddTransient<DueWorkJob>();
        services.AddTransient<AnnouncementsJob>();
        services.AddTransient<PageEscalationJob>();
        services.AddTransient<TimedTriggersJob>();
        services.AddSingleton(sp => new TimedJob(TimedJob.AnnouncementsGroup, sp.GetRequiredService<AnnouncementPlanner>(), AnnouncementsJob.Key,
            TimeSpan.FromHours(Math.Max(0, sp.GetRequiredService<AnnouncementOptions>().GraceHours))));
        services.AddSingleton(sp => new TimedJob(TimedJob.EscalationGroup, sp.GetRequiredService<PageEscalationWork>(), PageEscalationJob.Key, null));
        services.AddSingleton<TimedTriggers>();
        services.AddSingleton<TimedTriggersOnCommit>();
        services.AddHostedService(sp => sp.GetRequiredService<TimedTriggersOnCommit>());
        services.AddQuartz(q =>
        {
            q.UseOnCallJobStore(configuration);
            q.AddJobListener<QuartzJobListener>();
            q.AddTriggerListener<QuartzMisfireListener>();
            // RequestRecovery: on a cluster, a job running on a replica that dies is run again by a live one (each is idempotent).
            q.AddJob<DueWorkJob>(j => j.WithIdentity(DueWorkJob.Key).RequestRecovery());
            q.AddTrigger(t => t
                .ForJob(DueWorkJob.Key)
                .WithIdentity("due-work-every-minute", "oncall")
                .StartNow()
                .WithSimpleSchedule(s => s
                    .WithInterval(TimeSpan.FromMinutes(1))
                    .RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));

            q.AddJob<AnnouncementsJob>(j => j.WithIdentity(AnnouncementsJob.Key).StoreDurably().RequestRecovery());
            q.AddTrigger(t => t
                .ForJob(AnnouncementsJob.Key)
                .WithIdentity("announcements-at-start", "oncall")
                .StartNow());
            q.AddTrigger(t => t
                .ForJob(AnnouncementsJob.Key)
                .WithIdentity("announcements-backstop", "oncall")
                .WithCronSchedule(AnnouncementsCron, c => c
                    .InTimeZone(zone)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));

            q.AddJob<PageEscalationJob>(j => j.WithIdentity(PageEscalationJob.Key).StoreDurably().RequestRecovery());

            q.AddJob<TimedTriggersJob>(j => j.WithIdentity(TimedTriggersJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(TimedTriggersJob.Key)
                .WithIdentity("timed-triggers-at-start", "oncall")
                .StartNow());
            q.AddTrigger(t => t
                .ForJob(TimedTriggersJob.Key)
                .WithIdentity("timed-triggers-every-fifteen-minutes", "oncall")
                .WithCronSchedule(TimedTriggersCron, c => c
                    .InTimeZone(zone)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing)));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    private static TimeZoneInfo TeamZone(IConfiguration configuration)
    {
        var settings = configuration.GetSection(TeamSettings.Section).Get<TeamSettings>() ?? new TeamSettings();
        try
        {
            return settings.Zone;
        }
        catch (TimeZoneNotFoundException)
        {
            // AddOnCallCore's validation reports the bad zone at start-up.
            return TimeZoneInfo.Utc;
        }
    }
}
