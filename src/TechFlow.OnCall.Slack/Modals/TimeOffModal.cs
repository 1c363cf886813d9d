using System.Globalization;
using System.Text.Json.Nodes;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Swaps;
using TechFlow.OnCall.Slack.Identity;
using TechFlow.OnCall.Slack.Rendering;
using static TechFlow.OnCall.Slack.Modals.ModalBlocks;

namespace TechFlow.OnCall.Slack.Modals;

/// <summary>
/// The time-off form: two date pickers and a reason, with your upcoming shifts listed so you see which ones the
/// dates hit. A submission becomes <c>timeoff add &lt;from&gt; &lt;to&gt; &lt;reason&gt;</c> in the conversation core,
/// the same command as typed, so it is checked, stored and re-planned the same way.
/// </summary>
public sealed class TimeOffModal(
    ConversationService conversation,
    SwapSchedule schedule,
    SlackIdentityResolver identity,
    TeamClock clock) : IViewSubmissionHandler
{
    public const string Callback = "oncall_timeoff";
    public const string FromBlock = "from";
    public const string ToBlock = "to";
    public const string ReasonBlock = "reason";

    public string CallbackId => Callback;

    public const string FromAction = "timeoff.from";
    public const string ToAction = "timeoff.to";

    /// <summary>The form; with both dates picked it also says which of the person's shifts they hit.</summary>
    public JsonObject Build(Engineer? engineer, DateOnly? from = null, DateOnly? to = null)
    {
        if (engineer is null)
        {
            return Modal(Callback, "Request time off", [Section("I don't know who you are on the roster, so I can't record time off for you.")], submit: null);
        }

        var now = clock.Now;
        var shifts = schedule.Upcoming(now).Select(w => schedule.SlotIn(engineer.Id, w)).OfType<SwapSlot>().Take(6)
            .Select(s => $"• {Day(s.Start)} – {Day(s.End)} ({s.Role.ToString().ToLowerInvariant()})").ToList();
        var hits = from is { } f && to is { } t ? Hits(engineer, f, t) : null;
        return Modal(Callback, "Request time off",
        [
            Picker(FromBlock, "First day off", FromAction, from ?? clock.Today),
            Picker(ToBlock, "Last day off", ToAction, to ?? from ?? clock.Today),
            Input(ReasonBlock, "Reason", new JsonObject { ["type"] = "plain_text_input", ["action_id"] = "reason", ["max_length"] = 200 }, optional: true),
            Section(shifts.Count == 0
                ? "You have no upcoming on-call shifts, so time off changes no shift."
                : "*Your upcoming shifts* (time off over any of them re-plans it, or opens a cover request when it is too close):\n" + string.Join('\n', shifts)),
            .. (hits is null ? Array.Empty<JsonObject>() : [Section(hits)]),
        ], submit: "Add time off");
    }

    /// <summary>Which of <paramref name="engineer"/>'s shifts the days <paramref name="from"/>–<paramref name="to"/> hit.</summary>
    public string Hits(Engineer engineer, DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return ":warning: The last day off is before the first.";
        }

        var start = clock.ToInstant(from, TimeOnly.MinValue);
        var end = clock.ToInstant(to.AddDays(1), TimeOnly.MinValue);
        var hit = schedule.Between(start, end).Select(w => schedule.SlotIn(engineer.Id, w)).OfType<SwapSlot>()
            .Select(s => $"• {Day(s.Start)} – {Day(s.End)} ({s.Role.ToString().ToLowerInvariant()})").ToList();
        return hit.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"*{from:MMM d} – {to:MMM d}* hits none of your shifts.")
            : string.Create(CultureInfo.InvariantCulture, $"*{from:MMM d} – {to:MMM d}* hits {hit.Count} of your shifts:\n") + string.Join('\n', hit);
    }

    private static JsonObject Picker(string blockId, string label, string actionId, DateOnly initial)
    {
        var block = Input(blockId, label, new JsonObject
        {
            ["type"] = "datepicker",
            ["action_id"] = actionId,
            ["initial_date"] = initial.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        block["dispatch_action"] = true;
        return block;
    }

    public async Task<JsonObject?> HandleAsync(ViewSubmission submission, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(submission.Value(FromBlock), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            return Errors(FromBlock, "Pick the first day off.");
        }

        if (!DateOnly.TryParseExact(submission.Value(ToBlock), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            return Errors(ToBlock, "Pick the last day off.");
        }

        if (to < from)
        {
            return Errors(ToBlock, "The last day off must be on or after the first.");
        }

        var reason = (submission.Value(ReasonBlock) ?? "").ReplaceLineEndings(" ");
        var text = FormattableString.Invariant($"timeoff add {from:yyyy-MM-dd} {to:yyyy-MM-dd} {reason}").Trim();
        var input = await identity.InputAsync(submission.UserId, null, cancellationToken);
        var reply = await conversation.AskAsync(input with { Text = text }, cancellationToken);
        return reply.Tone == ReplyTone.Error
            ? Errors(FromBlock, string.Join(' ', reply.Text.Select(t => SlackText.Plain(reply, t))))
            : Update(Modal(Callback, "Time off recorded", Reply(reply, withButtons: false), submit: null));
    }

    /// <summary>A picked date in a view's state, or null.</summary>
    public static DateOnly? Picked(ViewSubmission state, string blockId) =>
        DateOnly.TryParseExact(state.Value(blockId), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private string Day(DateTimeOffset instant) => clock.ToLocal(instant).ToString("ddd MMM d", CultureInfo.InvariantCulture);
}
