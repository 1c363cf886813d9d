using Microsoft.Extensions.Options;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Conversation.Commands;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Schedule.Fair;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCallBot.Calendar;

namespace TechFlow.OnCallBot.Extensions;

public static class FairScheduleServiceCollectionExtensions
{
    /// <summary>The fair generator (registered as THE <see cref="IScheduleGenerator"/>), fairness report, regeneration, time off and holiday commands.</summary>
    public static IServiceCollection AddFairSchedule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FairScheduleOptions>()
            .Bind(configuration.GetSection(FairScheduleOptions.Section))
            .Validate(o => o.HistoryShifts >= 0, "FairSchedule:HistoryShifts must not be negative")
            .Validate(o => o.PrimaryWeight > 0 && o.SecondaryWeight > 0 && o.HolidayWeight > 0 && o.MajorHolidayWeight > 0 && o.InvestorPeriodWeight > 0,
                "FairSchedule weights must be positive")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<FairScheduleOptions>>().Value);
        services.AddSingleton<WindowFactsCalculator>();
        services.AddSingleton<ScheduleRules>();
        services.AddSingleton<FairScheduleGenerator>();
        services.AddSingleton<IScheduleGenerator>(sp => sp.GetRequiredService<FairScheduleGenerator>());
        services.AddSingleton<RoundRobinGenerator>();
        services.AddSingleton<FairnessReporter>();
        services.AddSingleton<ScheduleRegenerator>();
        services.AddSingleton<CoverageGapReporter>();
        services.AddSingleton<TimeOffService>();
        services.AddSingleton<DateArgument>();
        services.AddSingleton<FeedRevisions>();
        services.AddSingleton<IStoreInitializer, FeedStoreInitializer>();
        services.AddSingleton<ScheduleFeed>();
        services.AddCalendarFeeds();

        services.AddSingleton<FairnessHandler>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<FairnessHandler>());
        services.AddSingleton<ICommandHandler, TimeOffHandler>();
        services.AddSingleton<ICommandHandler, HolidaysHandler>();
        return services;
    }

    /// <summary>Subscribable iCalendar feeds behind secret addresses (see <see cref="CalendarFeedEndpoints"/>).</summary>
    public static IEndpointRouteBuilder MapFairSchedule(this IEndpointRouteBuilder endpoints) => endpoints.MapCalendarFeeds();
}
