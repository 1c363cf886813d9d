using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Core.Swaps;

namespace TechFlow.OnCallBot.Extensions;

public static class SwapsServiceCollectionExtensions
{
    /// <summary>Shift swaps and covers: commands, buttons, expiry and reminders, indexes.</summary>
    public static IServiceCollection AddSwaps(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SwapSettings>()
            .Bind(configuration.GetSection(SwapSettings.Section))
            .Validate(s => s.ReminderHours >= 0, "Swaps:ReminderHours must not be negative")
            .Validate(s => s.LookAheadShifts is >= 1 and <= 104, "Swaps:LookAheadShifts must be between 1 and 104")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SwapSettings>>().Value);
        services.AddSingleton<IStoreInitializer, SwapStoreInitializer>();
        services.AddSingleton<SwapSchedule>();
        services.AddSingleton<SwapTotals>();
        services.AddSingleton<SwapMessages>();
        services.AddSingleton<SwapRules>();
        services.AddSingleton<SwapJournal>();
        services.AddSingleton<SwapRequestWriter>();
        services.AddSingleton<SwapService>();
        services.AddSingleton<TimeOffCoverage>();
        services.AddSingleton<ICommandHandler, SwapCommandHandler>();
        services.AddSingleton<ICommandHandler, SwapListHandler>();
        services.AddSingleton<IActionHandler, SwapActionHandler>();
        services.AddSingleton<IQuestionRule, SwapQuestionRule>();
        services.AddSingleton<SwapDueWork>();
        services.AddSingleton<IDueWork>(sp => sp.GetRequiredService<SwapDueWork>());
        return services;
    }
}
