using Quartz;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCallBot.Jobs;
using TechFlow.OnCallBot.Observability;

namespace TechFlow.OnCallBot.Extensions;

public static class JobsServiceCollectionExtensions
{
    /// <summary>Every-five-minutes announcements, in cron form (quartz: seconds minutes hours day month weekday).</summary>
    public const string AnnouncementsCron = "0 0/5 * * * ?";

    /// <summary>
    /// Quartz as the bot's clock: an in-memory scheduler (LiteDB is the source of truth, so nothing about jobs is
    /// persisted) running <see cref="DueWorkJob"/> every minute and <see cref="AnnouncementsJob"/> every five
    /// minutes in the team's zone, both once at start-up too. Quartz reads the <see cref="TimeProvider"/> registered
    /// in DI by itself. <c>Jobs:Enabled=false</c> leaves Quartz out (for tests that drive time themselves).
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
        services.AddQuartz(q =>
        {
            q.UseOnCallJobStore(configuration);
            q.AddJobListener<QuartzJobListener>();
            q.AddTriggerListener<QuartzMisfireListener>();
            q.AddJob<DueWorkJob>(j => j.WithIdentity(DueWorkJob.Key));
            q.AddTrigger(t => t
                .ForJob(DueWorkJob.Key)
                .WithIdentity("due-work-every-minute", "oncall")
                .StartNow()
                .WithSimpleSchedule(s => s
                    .WithInterval(TimeSpan.FromMinutes(1))
                    .RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));

            q.AddJob<AnnouncementsJob>(j => j.WithIdentity(AnnouncementsJob.Key));
            q.AddTrigger(t => t
                .ForJob(AnnouncementsJob.Key)
                .WithIdentity("announcements-at-start", "oncall")
                .StartNow());
            q.AddTrigger(t => t
                .ForJob(AnnouncementsJob.Key)
                .WithIdentity("announcements-every-five-minutes", "oncall")
                .WithCronSchedule(AnnouncementsCron, c => c
                    .InTimeZone(zone)
                    .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
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
