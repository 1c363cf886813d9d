using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;

namespace TechFlow.OnCall.Core.TeamChanges;

/// <summary><c>oncall team</c>: everyone on the roster with seniority, zone, linked identities, status and next shift.</summary>
public sealed class TeamRosterReply(RosterService roster, EffectiveSchedule schedule, TeamClock clock, TeamAdmins admins)
{
    public Reply Build(DateTimeOffset now)
    {
        var today = clock.LocalDate(now);
        var slices = schedule.Between(now, now.AddDays(7 * clock.Settings.PlanAheadWeeks));
        var people = roster.Engineers()
            .OrderBy(e => e.LeftOn is { } l && l <= today ? 1 : 0)
            .ThenBy(e => e.InRotation ? 0 : 1)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        var b = new ReplyBuilder().Heading($"The team ({people.Count(e => e.InRotation && (e.LeftOn is null || e.LeftOn > today))} on call)");
        b.Table(
            ["Name", "Seniority", "Time zone", "Slack", "Teams", "Status", "Next shift"],
            people.Select(e => (IReadOnlyList<string>)
            [
                e.Name,
                TeamMessages.SeniorityText(e.Seniority),
                e.TimeZone ?? clock.Settings.TimeZone,
                e.SlackUserId ?? "not linked",
                e.TeamsUserId ?? e.TeamsAadObjectId ?? "not linked",
                Status(e, today),
                Next(slices, e.Id),
            ]));
        b.Context("Admins change the team with ⟦oncall⟧ team add|leave|rejoin|edit and ⟦oncall⟧ link; ⟦oncall⟧ history shows every change.");
        return b.Build();
    }

    private string Status(Engineer e, DateOnly today)
    {
        var admin = admins.IsAdmin(e) ? ", admin" : "";
        return e switch
        {
            { LeftOn: { } left } when left <= today => $"left {TimeText.ShortDate(left)}",
            { LeftOn: { } left } => $"leaves {TimeText.ShortDate(left)}{admin}",
            { IsManager: true } => $"engineering manager{admin}",
            { InRotation: false } => $"not in rotation{admin}",
            { JoinedOn: { } joined } when joined > today => $"joins {TimeText.ShortDate(joined)}{admin}",
            _ => $"active{admin}",
        };
    }

    private static string Next(IReadOnlyList<ScheduleSlice> slices, string id) =>
        slices.FirstOrDefault(s => s.HolderId == id) is { } next
            ? $"{next.Role.ToString().ToLowerInvariant()} from {TimeText.ShortDate(next.Window.LocalStart)}"
            : "none planned";
}
