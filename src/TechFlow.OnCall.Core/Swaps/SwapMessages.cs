using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;

namespace TechFlow.OnCall.Core.Swaps;

/// <summary>The cards a request shows: the ask with its buttons, and the outcome without them.</summary>
public sealed partial class SwapMessages(RosterService roster, TeamCalendar calendar, TeamClock clock, SwapTotals totals)
{
    public const string Approve = "swap.approve";
    public const string Decline = "swap.decline";
    public const string Take = "swap.take";
    public const string Undo = "swap.undo";
    public const string Cancel = "swap.cancel";

    /// <summary>The request card with Approve/Decline (or Take it, for an open cover).</summary>
    public Reply Ask(SwapRequest request, DateTimeOffset now, bool forRequester = false)
    {
        var b = new ReplyBuilder().Heading($"{Noun(request)} request {request.Id}");
        var requester = roster.Find(request.RequesterId);
        var counterpart = roster.Find(request.CounterpartId);
        b.Text(request.TimeOffId is not null
            ? $"{requester?.Name ?? request.RequesterId} {(request.TimeOffId.StartsWith(TeamChanges.RosterChanges.LeftPrefix, StringComparison.Ordinal) ? "left the team" : "is away (time off)")}, so this {request.RequesterRole.ToString().ToLowerInvariant()} slot is {Conversation.SliceText.Uncovered}. Until someone takes it, pages go to the other on-call role first."
            : request.Kind == SwapKind.Swap
            ? $"{b.Mention(requester)} asks {b.Mention(counterpart)} to swap shifts{Behalf(b, request)}."
            : counterpart is null
                ? $"{b.Mention(requester)} asks for someone to cover a shift{Behalf(b, request)}."
                : $"{b.Mention(requester)} asks {b.Mention(counterpart)} to cover a shift{Behalf(b, request)}.");
        Details(b, request, now);
        Totals(b, request);
        var reader = forRequester ? requester : counterpart;
        var zone = reader is null ? clock.Zone : Zone(reader);
        var expires = TimeText.Instant(request.ExpiresAt, now, zone, TeamClock.ZoneLabel(zone, request.ExpiresAt));
        b.Context(request.TimeOffId is not null
            ? $"Open until {expires}; I'll post it again every day and tell the engineering manager two days before it starts if nobody has taken it."
            : forRequester
            ? $"If nobody answers, the request expires when the shift starts ({expires}); I'll remind them a day before."
            : $"Answer before {expires}, when the shift starts; after that it expires.");
        if (forRequester)
        {
            b.Button("Cancel request", Cancel, request.Id, ButtonStyle.Danger);
        }
        else if (counterpart is null)
        {
            b.Button("Take it", Take, request.Id, ButtonStyle.Primary);
        }
        else
        {
            b.Button("Approve", Approve, request.Id, ButtonStyle.Primary).Button("Decline", Decline, request.Id, ButtonStyle.Danger);
        }

        return b.Build();
    }

    /// <summary>The card after a decision: the same details, the outcome, no buttons (unless <paramref name="undoButton"/>).</summary>
    public Reply Outcome(SwapRequest request, DateTimeOffset now, bool undoButton = false)
    {
        var b = new ReplyBuilder().Heading($"{Noun(request)} request {request.Id}: {request.Status.ToString().ToLowerInvariant()}");
        b.Tone(request.Status == SwapStatus.Approved ? ReplyTone.Success : ReplyTone.Warning);
        var requester = roster.Find(request.RequesterId);
        var counterpart = roster.Find(request.CounterpartId);
        var decider = roster.Find(request.DecidedById);
        var forWhom = roster.Find(request.DecidedOnBehalfOfId) is { } person ? $" on behalf of {b.Mention(person)}" : "";
        b.Text(request.Status switch
        {
            SwapStatus.Approved when request.Kind == SwapKind.Cover => $"{b.Mention(counterpart)} covers for {b.Mention(requester)}{(decider?.Id != counterpart?.Id ? $" (approved by {b.Mention(decider)}{forWhom})" : "")}. The schedule is updated.",
            SwapStatus.Approved => $"{b.Mention(decider)} approved{forWhom}: {b.Mention(requester)} and {b.Mention(counterpart)} have swapped. The schedule is updated.",
            SwapStatus.Declined => $"{b.Mention(decider)} declined{forWhom}. The schedule is unchanged.",
            SwapStatus.Cancelled => $"{b.Mention(decider)} cancelled the request. The schedule is unchanged.",
            SwapStatus.Expired => "Nobody answered before the shift started, so the request expired. The schedule is unchanged.",
            SwapStatus.Undone => $"{b.Mention(roster.Find(request.UndoneById))} undid the approved {Noun(request).ToLowerInvariant()}. The original schedule is back.",
            _ => "Still waiting for an answer.",
        });
        Details(b, request, now);
        if (undoButton && request.Status == SwapStatus.Approved)
        {
            b.Button("Undo", Undo, request.Id);
            b.Context($"Either of you can undo this until {When(request.ExpiresAt, now)}: the Undo button or ⟦oncall⟧ swap undo {request.Id}.");
        }

        return b.Build();
    }

    /// <summary>A reminder that a request still waits for an answer.</summary>
    public Reply Reminder(SwapRequest request, DateTimeOffset now)
    {
        var ask = Ask(request, now);
        return ask with
        {
            Heading = $"Reminder: {ask.Heading}",
            Tone = ReplyTone.Warning,
            Text = [.. ask.Text, request.TimeOffId is null
                ? $"It expires {TimeText.Relative(request.ExpiresAt, now)}, when the shift starts."
                : $"The slot starts {TimeText.Relative(request.RequesterStart, now)}; it stays open until the slot ends."],
        };
    }

    /// <summary>The engineering manager's heads-up: a slot starts within two days and nobody has taken its cover.</summary>
    public Reply ManagerWarning(SwapRequest request, DateTimeOffset now)
    {
        var b = new ReplyBuilder().Heading($"Still uncovered: cover request {request.Id}").Tone(ReplyTone.Warning);
        var away = roster.Find(request.RequesterId)?.Name ?? request.RequesterId;
        b.Text($"{away} is away and nobody has taken the {request.RequesterRole.ToString().ToLowerInvariant()} slot from {When(request.RequesterStart, now)} ({TimeText.Relative(request.RequesterStart, now)}) to {When(request.RequesterEnd, now)}.");
        b.Text("Until someone takes it, pages go to the other on-call role first and the escalation chain continues as usual.");
        b.Context($"Ask someone to press Take it on the channel post (request {request.Id}), or ask one person: ⟦oncall⟧ cover <from> <to> @someone on behalf of @{request.RequesterId}.");
        return b.Build();
    }

    /// <summary>An instant in the team's zone, for refusals.</summary>
    public string When(DateTimeOffset instant, DateTimeOffset now) => TimeText.Instant(instant, now, clock.Zone, TeamClock.ZoneLabel(clock.Zone, instant));

    public static string Noun(SwapRequest request) => request.Kind == SwapKind.Swap ? "Swap" : "Cover";

    private string Behalf(ReplyBuilder b, SwapRequest request) =>
        request.CreatedById != request.RequesterId && roster.Find(request.CreatedById) is { } creator
            ? $" (asked by {b.Mention(creator)} on their behalf)"
            : "";

    private void Details(ReplyBuilder b, SwapRequest request, DateTimeOffset now)
    {
        var people = new[] { roster.Find(request.RequesterId), roster.Find(request.CounterpartId) }.OfType<Engineer>().ToList();
        foreach (var slot in request.Slots())
        {
            var giver = roster.Find(slot.EngineerId);
            var taker = slot.EngineerId == request.RequesterId ? roster.Find(request.CounterpartId) : roster.Find(request.RequesterId);
            var label = taker is null ? $"{giver?.FirstName ?? slot.EngineerId} gives" : $"{giver?.FirstName ?? slot.EngineerId} → {taker.FirstName}";
            b.Field(label, SlotText(slot, people.Count == 0 ? [] : people, now));
        }

        var slots = request.Slots().ToList();
        var first = slots.Min(s => clock.LocalDate(s.Start));
        var last = slots.Max(s => clock.LocalDate(s.End.AddSeconds(-1)));
        var holidays = calendar.Holidays(first, last)
            .Where(h => slots.Any(s => h.Date >= clock.LocalDate(s.Start) && h.Date <= clock.LocalDate(s.End.AddSeconds(-1))))
            .Select(h => $"{h.Name} ({TimeText.ShortDate(h.Date)}){(calendar.IsMajor(h) ? ", a major holiday" : "")}")
            .ToList();
        b.Field("Holidays", holidays.Count == 0 ? "none" : string.Join("; ", holidays));
        var investor = slots.SelectMany(s => TeamClock.Days(clock.LocalDate(s.Start), clock.LocalDate(s.End.AddSeconds(-1))))
            .Where(calendar.IsInvestorPeriod).Distinct().Order().ToList();
        b.Field("Investor period", investor.Count == 0 ? "not involved" : $"{TimeText.ShortDate(investor[0])} – {TimeText.ShortDate(investor[^1])} falls in this {Noun(request).ToLowerInvariant()}");
    }

    private void Totals(ReplyBuilder b, SwapRequest request)
    {
        if (request.CounterpartId is not { } counterpartId)
        {
            return;
        }

        var year = clock.LocalDate(request.RequesterStart).Year;
        var changes = request.Slots()
            .Select(s => (s, s.EngineerId == request.RequesterId ? counterpartId : request.RequesterId))
            .ToList();
        var before = totals.Count(year, []);
        var after = totals.Count(year, changes);
        foreach (var id in new[] { request.RequesterId, counterpartId })
        {
            var x = before.GetValueOrDefault(id);
            var y = after.GetValueOrDefault(id);
            b.Field($"{roster.Find(id)?.FirstName ?? id}'s {year} shifts",
                $"primary {Change(x.Primary, y.Primary)}, secondary {Change(x.Secondary, y.Secondary)}, with a holiday {Change(x.Holiday, y.Holiday)}");
        }

        if (request.Slots().Any(s => s.End - s.Start < TimeSpan.FromDays(1) * Math.Max(1, clock.Settings.ShiftLengthDays) - TimeSpan.FromHours(2)))
        {
            b.Context("Part of a shift: whole-shift totals do not change.");
        }
    }

    private static string Change(int before, int after) => before == after ? $"{before} (no change)" : $"{before} → {after}";

    private string SlotText(SwapSlot slot, IReadOnlyList<Engineer> people, DateTimeOffset now)
    {
        var zones = people.Select(p => (Person: p, Zone: Zone(p))).DistinctBy(p => p.Zone.Id).ToList();
        if (zones.Count == 0)
        {
            zones.Add((new Engineer { Id = "team", Name = "team" }, clock.Zone));
        }

        var parts = zones.Select(z =>
        {
            var range = $"{TimeText.Instant(slot.Start, now, z.Zone, TeamClock.ZoneLabel(z.Zone, slot.Start))} → {TimeText.Instant(slot.End, now, z.Zone, TeamClock.ZoneLabel(z.Zone, slot.End))}";
            return zones.Count > 1 ? $"{range} for {z.Person.FirstName}" : range;
        });
        return $"{slot.Role}: {string.Join("; ", parts)}";
    }

    /// <summary>The person's zone (the team's when unset or unknown).</summary>
    public TimeZoneInfo Zone(Engineer engineer)
    {
        if (string.IsNullOrWhiteSpace(engineer.TimeZone))
        {
            return clock.Zone;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(engineer.TimeZone, out var zone) ? zone : clock.Zone;
    }
}
