using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Conversation.Commands;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.ReadModel;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;

namespace TechFlow.OnCallBot.Extensions;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The core rooms: team settings, clock, schedule, conversation and its command handlers.</summary>
    public static IServiceCollection AddOnCallCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TeamSettings>()
            .Bind(configuration.GetSection(TeamSettings.Section))
            .Validate(s => TryZone(s.TimeZone), "Team:TimeZone must be an IANA time zone such as America/New_York")
            .Validate(s => s.ShiftLengthDays >= 1, "Team:ShiftLengthDays must be at least 1")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<TeamSettings>>().Value);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<TeamClock>();
        services.AddSingleton<TeamCalendar>();
        services.AddSingleton<ShiftCalendar>();
        services.AddSingleton<OnCallReadModel>();
        services.AddSingleton<RosterService>();
        services.AddSingleton<PipelineCatalog>();
        services.AddSingleton<IScheduleGenerator, RoundRobinGenerator>();
        services.AddSingleton<ScheduleService>();
        services.AddSingleton<EffectiveSchedule>();
        services.AddSingleton<EscalationService>();
        services.AddSingleton<OnCall.Core.Announcements.Outbox>();
        services.AddOptions<OutboxOptions>()
            .Bind(configuration.GetSection(OutboxOptions.Section))
            .Validate(o => o.LeaseDuration >= TimeSpan.FromSeconds(1), "Outbox:LeaseDuration must be at least one second")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<OutboxOptions>>().Value);
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<TimeText>();
        services.AddSingleton<WhenParser>();
        services.AddSingleton<QuestionInterpreter>();
        services.AddSingleton<OnCallLookupHandler>();

        // Every command handler, in one readable block.
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<OnCallLookupHandler>());
        services.AddSingleton<ICommandHandler, OwnersHandler>();
        services.AddSingleton<ICommandHandler, ScheduleHandler>();
        services.AddSingleton<ICommandHandler, EscalationHandler>();
        services.AddSingleton<ICommandHandler>(sp => new HelpHandler(
            sp.GetServices<ICommandHandler>, sp.GetRequiredService<OnCallLookupHandler>()));

        // Feature rooms: one line each (schedule generator, swaps, paging, announcements, runbooks).
        services.AddFairSchedule(configuration);
        services.AddRunbooks(configuration);
        services.AddSwaps(configuration);
        services.AddPaging(configuration);
        services.AddAnnouncements(configuration);
        services.AddTeamChanges();

        services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger<ConversationService>();
            return ActivatorUtilities.CreateInstance<ConversationService>(sp, (Action<Exception>)(ex => logger.LogError(ex, "A command failed")));
        });
        return services;
    }

    private static bool TryZone(string id)
    {
        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
    }
}
