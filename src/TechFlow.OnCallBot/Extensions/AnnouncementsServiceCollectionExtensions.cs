using Microsoft.Extensions.Options;
using TechFlow.OnCall.Core.Announcements;

namespace TechFlow.OnCallBot.Extensions;

public static class AnnouncementsServiceCollectionExtensions
{
    /// <summary>
    /// The announcement planner and its sources (handoffs, personal reminders, investor period, holidays).
    /// Handoff contributors (for example open pages) register <see cref="IHandoffContributor"/> themselves.
    /// </summary>
    public static IServiceCollection AddAnnouncements(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AnnouncementOptions>()
            .Bind(configuration.GetSection(AnnouncementOptions.Section))
            .Validate(o => o.GraceHours >= 0, "Announcements:GraceHours must not be negative")
            .Validate(o => o.InvestorWarningBusinessDays >= 0, "Announcements:InvestorWarningBusinessDays must not be negative")
            .Validate(o => o.HolidayLeadDays >= 0, "Announcements:HolidayLeadDays must not be negative")
            .Validate(o => o.ReminderLeadHours is null || o.ReminderLeadHours.All(h => h > 0), "Announcements:ReminderLeadHours must be positive hours")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AnnouncementOptions>>().Value);

        services.AddSingleton<IAnnouncementSource, HandoffAnnouncements>();
        services.AddSingleton<IAnnouncementSource, ShiftReminders>();
        services.AddSingleton<IAnnouncementSource, InvestorAnnouncements>();
        services.AddSingleton<IAnnouncementSource, HolidayAnnouncements>();
        services.AddSingleton(sp =>
        {
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger<AnnouncementPlanner>();
            return ActivatorUtilities.CreateInstance<AnnouncementPlanner>(sp, (Action<SkippedAnnouncement>)(s =>
                logger.LogWarning("Skipped announcement {Key} due {Due:u}: found {Late} late, past the grace window", s.Id, s.Due, s.SkippedAt - s.Due)));
        });
        return services;
    }
}
