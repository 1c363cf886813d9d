using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;

namespace TechFlow.OnCall.Core.Conversation.Commands;

/// <summary>
/// <c>oncall</c>, <c>oncall at &lt;when&gt;</c> and <c>oncall &lt;pipeline&gt; [when]</c>: who is on call, until when,
/// and for a pipeline its owners, SLA and escalation chain.
/// </summary>
public sealed class OnCallLookupHandler(
    EffectiveSchedule schedule,
    PipelineCatalog pipelines,
    RosterService roster,
    EscalationService escalation,
    TeamCalendar calendar,
    TeamClock clock,
    WhenParser when,
    TimeText timeText) : ICommandHandler
{
    public IReadOnlyList<string> Verbs { get; } = ["at", "now", "who"];

    public IReadOnlyList<HelpEntry> Help { get; } =
    [
        new("⟦oncall⟧", "Primary and secondary on call now, and until when.", "⟦oncall⟧"),
        new("⟦oncall⟧ <pipeline> [when]", "On call for a pipeline, with owners, SLA and the escalation chain.", "⟦oncall⟧ agg profit tomorrow"),
        new("⟦oncall⟧ at <when>", "On call at another time: today, tomorrow, next week, a weekday, a date or date-time.", "⟦oncall⟧ at 2026-12-25"),
    ];

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (roster.Engineers().Count == 0)
        {
            return ValueTask.FromResult(NoTeam());
        }

        var args = context.Args.Trim();
        if (context.Verb is "at" or "now" or "who" || args.Length == 0)
        {
            return ValueTask.FromResult(when.TryParse(args, context.Now, out var at)
                ? OnCall(null, at, context.Now)
                : UnreadableTime(args));
        }

        var match = pipelines.Match(args);
        if (match is PipelineMatch.Found found)
        {
            return ValueTask.FromResult(when.TryParse(found.Rest, context.Now, out var at)
                ? OnCall(found.Pipeline, at, context.Now)
                : UnreadableTime(found.Rest, found.Pipeline));
        }

        if (when.TryParse(args, context.Now, out var instant))
        {
            return ValueTask.FromResult(OnCall(null, instant, context.Now));
        }

        return ValueTask.FromResult(WhenParser.LooksLikeIsoDate(args)
            ? UnreadableTime(args)
            : PipelineArgument.NotMatched(match, pipelines.All, "⟦oncall⟧"));
    }

    /// <summary>Why the store is empty, and how to fill it.</summary>
    public static Reply NoTeam() => new()
    {
        Tone = ReplyTone.Warning,
        Heading = "No team yet",
        Text = ["Nobody is set up to be on call yet. Describe the team, its pipelines and owners in seed/techflow.json (or a copy), then load it."],
        Context = ["Run: dotnet run --project src/TechFlow.OnCallBot -- reseed [--file PATH], or start with Store:Seed=techflow on an empty store."],
    };

    /// <summary>The words after a pipeline (or after <c>at</c>) are not a time; a misspelled pipeline lands here too ("daily grwoth").</summary>
    private static Reply UnreadableTime(string text, Pipeline? pipeline = null) => new()
    {
        Tone = ReplyTone.Warning,
        Text = pipeline is null
            ? [$"I couldn't read \"{text}\" as a time."]
            : [$"I couldn't read \"{text}\" as a time. Did you mean {pipeline.Name}?"],
        Context = pipeline is null
            ? [$"Try now, today, tomorrow, next week, friday, next monday, in 3 days, 2026-12-25 or 2026-12-25T18:00 (dates from {WhenParser.FirstYear} to {WhenParser.LastYear})."]
            : [$"Try: ⟦oncall⟧ {pipeline.Name.ToLowerInvariant()}, or add a time such as tomorrow, friday 5pm or 2026-12-25 (dates from {WhenParser.FirstYear} to {WhenParser.LastYear})."],
    };

    private Reply OnCall(Pipeline? pipeline, DateTimeOffset at, DateTimeOffset now)
    {
        var snapshot = schedule.At(at);
        var b = new ReplyBuilder();
        // Label the instant whenever it is not the clock's now: "oncall tomorrow", or the CLI's --at.
        var whenLabel = Math.Abs((at - clock.Now).TotalMinutes) > 1 ? timeText.Instant(at, clock.Now) : "now";
        b.Heading(pipeline is null ? $"On call {whenLabel}" : $"{pipeline.Name}: on call {whenLabel}");
        if (snapshot is null)
        {
            b.Tone(ReplyTone.Warning).Text($"Nobody is scheduled {(whenLabel == "now" ? "right now" : "on " + whenLabel)}: no shift is planned for that time.");
            b.Context("The schedule is planned a year ahead from today; ⟦oncall⟧ schedule shows what is planned.");
            return b.Build();
        }

        b.Text($"Primary: {SliceText.Holding(b, snapshot.Primary, at, timeText)}");
        b.Text($"Secondary: {SliceText.Holding(b, snapshot.Secondary, at, timeText)}");
        if (SliceText.PagingNote(snapshot) is { } note)
        {
            b.Tone(ReplyTone.Warning).Text(note);
        }

        var window = snapshot.Window;
        b.Field("Shift", $"{TimeText.ShortDate(window.LocalStart)} {TimeText.Time(clock.Settings.HandoffTime)} → {TimeText.ShortDate(clock.LocalDate(window.End))} {TimeText.Time(clock.Settings.HandoffTime)} {clock.ZoneAbbreviation(window.End)}");

        var day = clock.LocalDate(at);
        var investorPeriod = calendar.IsInvestorPeriod(day);
        if (pipeline is not null)
        {
            AddPipeline(b, pipeline, snapshot);
        }

        if (investorPeriod)
        {
            var (first, last) = calendar.InvestorPeriod(day.Year, day.Month);
            b.Tone(ReplyTone.Warning).Context($"Month-end investor period ({TimeText.ShortDate(first)} – {TimeText.ShortDate(last)}): every investor-facing pipeline is watched closely.");
        }

        return b.Build();
    }

    private void AddPipeline(ReplyBuilder b, Pipeline pipeline, OnCallSnapshot snapshot)
    {
        var owner = roster.Find(pipeline.PrimaryOwnerId);
        var backup = roster.Find(pipeline.SecondaryOwnerId);
        b.Field("Owners", $"{b.Mention(owner)} (primary), {b.Mention(backup)} (secondary)");
        b.Field("Criticality", pipeline.Criticality.ToString());
        b.Field("Audience", pipeline.Audience.ToString());
        b.Field("SLA", Sla(pipeline));
        var stakeholders = pipeline.StakeholderIds.Select(roster.Stakeholder).OfType<Stakeholder>().Select(s => s.Name).ToList();
        if (stakeholders.Count > 0)
        {
            b.Field("Stakeholders", string.Join(", ", stakeholders));
        }

        var chain = escalation.Chain(pipeline, snapshot);
        b.Text("Escalation: " + string.Join(" → ", chain.Select(s => s.Engineer is null
            ? $"{s.Level.Number}. skipped ({s.Role})"
            : $"{s.Level.Number}. {b.Mention(s.Engineer)} ({s.Role}, {TimeText.Duration(s.Level.Wait)})")));
        if (pipeline.IsInvestorFacing)
        {
            b.Context("Investor-facing: its numbers are reported to investors.");
        }
    }

    /// <summary>"Ready by 6:00 AM ET, data under 24 hours old, resolve within 4 hours".</summary>
    public static string Sla(Pipeline pipeline)
    {
        var parts = new List<string>();
        if (pipeline.ReadyBy is { } readyBy)
        {
            parts.Add($"ready by {TimeText.Time(readyBy)}");
        }

        if (pipeline.Freshness.Length > 0)
        {
            parts.Add($"freshness {pipeline.Freshness}");
        }

        parts.Add($"resolve within {TimeText.Duration(pipeline.ResolutionTarget)}");
        return string.Join(", ", parts);
    }
}
