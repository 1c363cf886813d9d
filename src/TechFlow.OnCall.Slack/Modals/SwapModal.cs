using System.Globalization;
using System.Text.Json.Nodes;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Swaps;
using TechFlow.OnCall.Slack.Identity;
using TechFlow.OnCall.Slack.Rendering;
using static TechFlow.OnCall.Slack.Modals.ModalBlocks;

namespace TechFlow.OnCall.Slack.Modals;

/// <summary>
/// The swap form: one of your upcoming shifts, a person (a users select, checked against the roster), their shift,
/// "their nearest shift that works" or "just cover". A submission goes to the same <see cref="SwapService"/>
/// as <c>/oncall swap</c> and <c>/oncall cover</c>, so it obeys the same rules; a refusal is shown next to the field.
/// </summary>
public sealed class SwapModal(
    SwapService swaps,
    SwapSchedule schedule,
    SwapMessages messages,
    SlackIdentityResolver identity,
    TeamClock clock) : IViewSubmissionHandler
{
    public const string Callback = "oncall_swap";
    public const string MineBlock = "mine";
    public const string WhoBlock = "who";
    public const string TheirsBlock = "theirs";
    public const string Cover = "cover";
    public const string Propose = "propose";

    public string CallbackId => Callback;

    /// <summary>The form for <paramref name="engineer"/>, or a note when they are not on the roster or have no shift to trade.</summary>
    public JsonObject Build(Engineer? engineer)
    {
        var now = clock.Now;
        if (engineer is null)
        {
            return Modal(Callback, "Request a swap", [Section("I don't know who you are on the roster, so I can't trade shifts for you. Ask an admin to add you.")], submit: null);
        }

        var windows = schedule.Upcoming(now);
        var mine = windows.Select(w => schedule.SlotIn(engineer.Id, w)).OfType<SwapSlot>().ToList();
        if (mine.Count == 0)
        {
            return Modal(Callback, "Request a swap", [Section($"{engineer.Name} has no upcoming shift to trade.")], submit: null);
        }

        IEnumerable<JsonObject> theirs =
        [
            Option("Their nearest shift that works", Propose),
            Option("Just cover mine (nothing back)", Cover),
            .. windows.Select(w => Option("Their shift " + Range(w.Start, w.End), Unix(w.Start))),
        ];
        return Modal(Callback, "Request a swap",
        [
            Input(MineBlock, "Your shift", StaticSelect("mine", "Pick one of your shifts",
                mine.Select(s => Option($"{Range(s.Start, s.End)} ({s.Role.ToString().ToLowerInvariant()})", Unix(s.Start))))),
            Input(WhoBlock, "Who takes it", new JsonObject
            {
                ["type"] = "users_select",
                ["action_id"] = "who",
                ["placeholder"] = Plain("Someone on the rotation", 150),
            }, hint: "Leave empty with \"Just cover\" to ask anyone.", optional: true),
            Input(TheirsBlock, "What you take back", StaticSelect("theirs", "Their shift, or just a cover", theirs)),
            Context("They get a DM with Approve and Decline; the swap happens only when they approve."),
        ], submit: "Request");
    }

    public async Task<JsonObject?> HandleAsync(ViewSubmission submission, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        if (await identity.ResolveAsync(submission.UserId, cancellationToken) is not { } actor)
        {
            return Errors(MineBlock, "I don't know who you are on the roster, so I can't trade shifts for you.");
        }

        if (!TryUnix(submission.Value(MineBlock), out var mineStart)
            || schedule.SlotIn(actor.Id, schedule.WindowAt(mineStart)) is not { } mine)
        {
            return Errors(MineBlock, "You are not on call in that shift any more; pick another.");
        }

        Engineer? counterpart = null;
        if (submission.Value(WhoBlock) is { } whoId)
        {
            counterpart = await identity.ResolveAsync(whoId, cancellationToken);
            if (counterpart is null)
            {
                return Errors(WhoBlock, $"<@{whoId}> is not on the on-call roster; pick someone on the rotation.");
            }
        }

        var choice = submission.Value(TheirsBlock) ?? Propose;
        SwapResult outcome;
        if (choice == Cover)
        {
            outcome = swaps.RequestCover(actor, actor, mine, counterpart, now);
        }
        else if (counterpart is null)
        {
            return Errors(WhoBlock, "Pick the person to trade with, or choose \"Just cover mine\".");
        }
        else
        {
            SwapSlot? theirs;
            if (choice == Propose)
            {
                (theirs, var refusal) = swaps.Propose(actor, mine, counterpart, now);
                if (theirs is null)
                {
                    return Errors(TheirsBlock, refusal is null ? "I couldn't find a shift to trade." : messages.Say(refusal));
                }
            }
            else if (!TryUnix(choice, out var theirStart) || (theirs = schedule.SlotIn(counterpart.Id, schedule.WindowAt(theirStart))) is null)
            {
                return Errors(TheirsBlock, $"{counterpart.Name} is not on call in that shift; pick another, or \"Their nearest shift that works\".");
            }

            outcome = swaps.RequestSwap(actor, actor, mine, counterpart, theirs, now);
        }

        var said = messages.Say(outcome);
        if (!outcome.Changed || outcome.Request is not { } request)
        {
            var about = counterpart is not null && said.Contains(counterpart.Name, StringComparison.Ordinal) ? WhoBlock : MineBlock;
            return Errors(about, SlackText.Commands(said));
        }

        var confirmation = messages.Ask(request, now, forRequester: true) with { Text = [said], Buttons = [] };
        return Update(Modal(Callback, "Swap requested", Reply(confirmation), submit: null));
    }

    private string Range(DateTimeOffset start, DateTimeOffset end) =>
        $"{clock.ToLocal(start).ToString("ddd MMM d", CultureInfo.InvariantCulture)} – {clock.ToLocal(end).ToString("ddd MMM d", CultureInfo.InvariantCulture)}";

    private static string Unix(DateTimeOffset instant) => instant.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static bool TryUnix(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253402300799)
        {
            return false;
        }

        instant = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }
}
