using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.TeamChanges;

/// <summary>The confirmation card of a team change, and the channel post once it is made.</summary>
public sealed class TeamMessages(RosterService roster, TeamClock clock)
{
    public const string Confirm = "team.confirm";
    public const string Cancel = "team.cancel";

    /// <summary>"Priya Patel joins the rotation", "Mike Rodriguez leaves the team on Tue Dec 15", …</summary>
    public string Describe(TeamChangeRequest r)
    {
        var name = roster.Find(r.EngineerId)?.Name ?? r.Name ?? r.EngineerId;
        return r.Kind switch
        {
            TeamChangeKind.Add => $"{r.Name} joins the rotation as {SeniorityText(r.Seniority ?? Seniority.MidLevel)}",
            TeamChangeKind.Leave => $"{name} leaves the team on {TimeText.ShortDate(r.On!.Value)}",
            TeamChangeKind.Rejoin => $"{name} rejoins the rotation",
            TeamChangeKind.LinkMe => $"{(r.SlackUserId is not null ? $"Slack user {r.SlackUserId}" : $"Teams user {r.TeamsUserId}")}{(string.IsNullOrWhiteSpace(r.Name) ? "" : $" ({r.Name})")} asks to be linked to {name}",
            _ => $"{name}: {r.Field} becomes {EditValue(r)}",
        };
    }

    /// <summary>What a pending change will do, with Confirm and Cancel.</summary>
    public Reply Preview(TeamChangeRequest r, IReadOnlyList<string> effects)
    {
        var b = new ReplyBuilder().Heading($"Confirm team change {r.Id}").Tone(ReplyTone.Warning).Text($"{Describe(r)}.");
        foreach (var line in effects)
        {
            b.Text(line);
        }

        b.Context($"Nothing changes until you press Confirm (or type ⟦oncall⟧ team confirm {r.Id}); Cancel drops it.");
        b.Button("Confirm", Confirm, r.Id, ButtonStyle.Primary);
        b.Button("Cancel", Cancel, r.Id, ButtonStyle.Danger);
        return b.Build();
    }

    /// <summary>The card once decided (no buttons).</summary>
    public Reply Decided(TeamChangeRequest r, string outcome) =>
        new ReplyBuilder().Heading($"Team change {r.Id}").Text($"{Describe(r)}.").Text(outcome)
            .Tone(r.Status == TeamChangeStatus.Applied ? ReplyTone.Success : ReplyTone.Normal).Build();

    /// <summary>The channel post: what changed, what moved, who was told, who owns what now, which slots need a cover.</summary>
    public Reply Post(string heading, string actorId, TeamChangeResult result)
    {
        var b = new ReplyBuilder().Heading(heading);
        var actor = roster.Find(actorId);
        b.Text($"Changed by {(actor is null ? actorId : b.Mention(actor))}.");
        var changed = result.Regeneration?.Replanned ?? [];
        if (changed.Count > 0)
        {
            var from = DateOnly.ParseExact(changed[0], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var moved = result.Moved.Select(id => roster.Find(id)?.Name ?? id);
            b.Text($"{changed.Count} shift{(changed.Count == 1 ? "" : "s")} re-planned fairly from {TimeText.ShortDate(from)} (the first week that is not frozen); "
                + $"{string.Join(", ", moved)} {(result.Moved.Count == 1 ? "was" : "were")} told what moved.");
        }
        else
        {
            b.Text("No shift had to move.");
        }

        foreach (var note in result.Ownership)
        {
            b.Text(note);
        }

        if (result.CoverRequests.Count > 0)
        {
            var n = result.CoverRequests.Count;
            b.Tone(ReplyTone.Warning).Text($"{n} slot{(n == 1 ? " is" : "s are")} too close to re-plan and now {SliceText.Uncovered}: a cover request is open for each ({string.Join(", ", result.CoverRequests.Select(c => c.Id))}); press Take it on one to cover it.");
        }

        foreach (var problem in result.Regeneration?.Problems ?? [])
        {
            b.Tone(ReplyTone.Warning).Text($"Shift {problem.Window.Id} could not be planned: {problem.Reason}.");
        }

        b.Context($"Handoffs follow the team's zone ({clock.Settings.TimeZone}). ⟦oncall⟧ team shows the roster; ⟦oncall⟧ history shows every change.");
        return b.Build();
    }

    public static string SeniorityText(Seniority s) => s switch
    {
        Seniority.Senior => "senior",
        Seniority.Junior => "junior",
        _ => "mid-level",
    };

    private static string EditValue(TeamChangeRequest r) => r.Field switch
    {
        "seniority" => SeniorityText(r.Seniority ?? Seniority.MidLevel),
        "timezone" => r.TimeZone ?? "",
        _ => r.Name ?? "",
    };
}
