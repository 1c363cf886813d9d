using System.Text.Json.Nodes;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Core.Swaps;
using TechFlow.OnCall.Slack.Modals;
using static TechFlow.OnCall.Slack.Modals.ModalBlocks;

namespace TechFlow.OnCall.Slack.Home;

/// <summary>
/// One person's Home tab: on call now and until when, their next shifts (with holidays and the investor period
/// marked), swap requests waiting for their answer (with the same Approve / Decline buttons as the DM), their own
/// open requests, open pages on pipelines they own or are on call for (Acknowledge / Resolve), their time off,
/// and buttons that open the swap, time-off and page forms. Everything is read from the effective schedule.
/// </summary>
public sealed class HomeTab(
    IOnCallStore store,
    EffectiveSchedule schedule,
    SwapMessages swaps,
    PageService pages,
    PageCards cards,
    PipelineCatalog pipelines,
    TimeOffService timeOff,
    TeamCalendar calendar,
    TimeText timeText,
    TeamClock clock,
    ConversationService conversation)
{
    /// <summary>Slack's limit for a Home tab.</summary>
    public const int MaxBlocks = 100;

    /// <summary>
    /// <see cref="Build"/>, plus for managers and admins the uncovered slices of the next eight weeks and the
    /// fairness report (<c>/oncall fairness</c>, the same answer as typed).
    /// </summary>
    public async Task<JsonObject> BuildAsync(Engineer? me, CancellationToken cancellationToken)
    {
        var view = Build(me);
        if (me is null || !(me.IsAdmin || me.IsManager))
        {
            return view;
        }

        var now = clock.Now;
        var uncovered = schedule.Between(now, now.AddDays(56)).Where(s => s.IsUncovered).Take(10).ToList();
        var blocks = view["blocks"]!.AsArray();
        var admin = new List<JsonObject>
        {
            Header("For admins"),
            Section(uncovered.Count == 0
                ? "No uncovered slices in the next eight weeks."
                : "*Uncovered in the next eight weeks:*\n" + string.Join('\n', uncovered.Select(s =>
                    $"• {timeText.Instant(s.Start, now)} → {timeText.Instant(s.End, now)}: {s.Role.ToString().ToLowerInvariant()} ({s.Planned.Name} away)"))),
        };
        var fairness = await conversation.AskAsync(new BotInput { FrontEnd = SlackFrontEnd.Descriptor, EngineerId = me.Id, Text = "fairness" }, cancellationToken);
        admin.AddRange(Reply(fairness, withButtons: false));
        var room = MaxBlocks - blocks.Count;
        foreach (var block in admin.Take(Math.Max(0, room)))
        {
            blocks.Insert(blocks.Count - 1, block);
        }

        return view;
    }

    public JsonObject Build(Engineer? me)
    {
        var now = clock.Now;
        var blocks = new List<JsonObject> { Header("Your on-call") };
        if (me is null)
        {
            blocks.Add(Section("I don't know who you are on the roster, so there is nothing personal here yet. Ask an admin to add you (your Slack account is matched by email). Anyone can still ask `/oncall`."));
            return View(blocks);
        }

        blocks.Add(Section(Now(me, now)));
        blocks.Add(Buttons());
        blocks.Add(Header("Your next shifts"));
        blocks.Add(Section(NextShifts(me, now)));

        var open = store.Set<SwapRequest>().Find(r => r.Status == SwapStatus.Open);
        var toAnswer = open.Where(r => r.RequesterId != me.Id && (r.CounterpartId == me.Id || r.CounterpartId == null)).OrderBy(r => r.RequesterStart).ToList();
        var mine = open.Where(r => r.RequesterId == me.Id).OrderBy(r => r.RequesterStart).ToList();
        blocks.Add(Header("Swap requests for you"));
        blocks.Add(Section(toAnswer.Count == 0 ? "Nothing waiting for your answer." : $"{toAnswer.Count} waiting for your answer:"));
        foreach (var request in toAnswer.Take(8))
        {
            blocks.AddRange(Reply(swaps.Ask(request, now)));
        }

        if (mine.Count > 0)
        {
            blocks.Add(Header("Your open requests"));
            foreach (var request in mine.Take(5))
            {
                blocks.AddRange(Reply(swaps.Ask(request, now, forRequester: true)));
            }
        }

        var myPages = pages.OpenPages().Where(p => Concerns(p, me, now)).Take(5).ToList();
        blocks.Add(Header("Open pages"));
        blocks.Add(Section(myPages.Count == 0 ? "No open pages for your pipelines." : $"{myPages.Count} open on your pipelines or your watch:"));
        foreach (var page in myPages)
        {
            blocks.AddRange(Reply(cards.Card(page, pipelines.Get(page.PipelineId), now)));
        }

        var off = timeOff.Upcoming(me.Id);
        blocks.Add(Header("Your time off"));
        blocks.Add(Section(off.Count == 0 ? "None planned." : string.Join('\n', off.Take(10).Select(t =>
            $"• {TimeText.Date(t.From)} – {TimeText.Date(t.To)}{(t.Reason.Length > 0 ? " (" + t.Reason + ")" : "")} · id `{t.Id}`"))));
        blocks.Add(Context("Your calendar feed: `/oncall calendar` gives your secret iCalendar address. This tab refreshes when a swap, page, time off or the schedule changes."));
        return View(blocks);
    }

    private string Now(Engineer me, DateTimeOffset now)
    {
        if (schedule.At(now) is not { } snapshot)
        {
            return "There is no schedule for now yet.";
        }

        foreach (var slice in new[] { snapshot.Primary, snapshot.Secondary })
        {
            if (slice.HolderId == me.Id)
            {
                return $":rotating_light: *You are {slice.Role.ToString().ToLowerInvariant()} on call now*, {timeText.Until(slice.Until, now)}.";
            }
        }

        return $"You are not on call now. Primary: {Name(snapshot.Primary)}; secondary: {Name(snapshot.Secondary)}.";
    }

    private string NextShifts(Engineer me, DateTimeOffset now)
    {
        var slices = schedule.Between(now, now.AddDays(120)).Where(s => s.HolderId == me.Id && s.Start > now).Take(5).ToList();
        if (slices.Count == 0)
        {
            return "No shifts in the next four months.";
        }

        return string.Join('\n', slices.Select(s =>
        {
            var first = clock.LocalDate(s.Start);
            var last = clock.LocalDate(s.End.AddSeconds(-1));
            var marks = calendar.Holidays(first, last).Select(h => h.Name).ToList();
            if (Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Any(d => calendar.IsInvestorPeriod(first.AddDays(d))))
            {
                marks.Add("investor period");
            }

            var note = s.Reason == SliceReason.Planned ? "" : $" (covering for {s.Planned.Name})";
            return $"• {timeText.Instant(s.Start, now)} → {timeText.Instant(s.End, now)}: *{s.Role.ToString().ToLowerInvariant()}*{note}{(marks.Count > 0 ? " · " + string.Join(", ", marks) : "")}";
        }));
    }

    private bool Concerns(Page page, Engineer me, DateTimeOffset now) =>
        pipelines.Get(page.PipelineId) is { } p && (p.PrimaryOwnerId == me.Id || p.SecondaryOwnerId == me.Id)
        || schedule.At(now) is { } snapshot && (snapshot.Primary.HolderId == me.Id || snapshot.Secondary.HolderId == me.Id);

    private static string Name(ScheduleSlice slice) => slice.Holder?.Name ?? SliceText.Uncovered;

    private static JsonObject Buttons() => new()
    {
        ["type"] = "actions",
        ["block_id"] = "home.forms",
        ["elements"] = new JsonArray(
            Button("Request swap", ModalButtonHandler.OpenSwap, primary: true),
            Button("Request time off", ModalButtonHandler.OpenTimeOff),
            Button("Page on call", ModalButtonHandler.OpenPage)),
    };

    private static JsonObject Button(string text, string actionId, bool primary = false)
    {
        var button = new JsonObject { ["type"] = "button", ["text"] = Plain(text, 75), ["action_id"] = actionId, ["value"] = actionId };
        if (primary)
        {
            button["style"] = "primary";
        }

        return button;
    }

    private static JsonObject Header(string text) => new() { ["type"] = "header", ["text"] = Plain(text, 150) };

    private static JsonObject View(List<JsonObject> blocks)
    {
        if (blocks.Count > MaxBlocks)
        {
            blocks = [.. blocks.Take(MaxBlocks - 1), Context("More than fits here; `/oncall swaps` and `/oncall pages` list everything.")];
        }

        return new JsonObject { ["type"] = "home", ["blocks"] = new JsonArray([.. blocks]) };
    }
}
