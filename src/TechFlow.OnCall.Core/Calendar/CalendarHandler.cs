using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Calendar;

/// <summary>
/// <c>oncall calendar</c> shows the asker's secret feed addresses (theirs and the team's); <c>reset</c> replaces the
/// personal one, <c>reset team</c> (admins) the team's. In chat the links go out as a direct message, never into a
/// channel; the playground and the CLI show them inline.
/// </summary>
public sealed class CalendarHandler(CalendarFeedTokens tokens, CalendarFeedOptions options, Outbox outbox, IEnumerable<IChatDelivery> sinks) : ICommandHandler
{
    private readonly IChatDelivery[] _sinks = [.. sinks];

    public IReadOnlyList<string> Verbs { get; } = ["calendar", "ical"];

    public IReadOnlyList<HelpEntry> Help { get; } =
    [
        new("⟦oncall⟧ calendar", "Your secret iCalendar addresses: your shifts and the team's, to subscribe to (sent privately).", "⟦oncall⟧ calendar"),
        new("⟦oncall⟧ calendar reset", "A new personal address; the old one stops working.", "⟦oncall⟧ calendar reset"),
        new("⟦oncall⟧ calendar reset team", "Admins: a new team address; the old one stops working.", "⟦oncall⟧ calendar reset team"),
    ];

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Engineer is not { } engineer)
        {
            return ValueTask.FromResult(Reply.Error("Calendar addresses are personal: they are for people on the roster."));
        }

        var words = context.Words.Select(w => w.ToLowerInvariant()).ToList();
        string? change = null;
        switch (words)
        {
            case []:
                break;
            case ["reset"]:
                tokens.Reset(CalendarFeedTokens.Engineer(engineer.Id));
                change = "Your personal calendar has a new address; the old one no longer works. Update your subscription.";
                break;
            case ["reset", "team"]:
                if (!engineer.IsAdmin && !engineer.IsManager)
                {
                    return ValueTask.FromResult(Reply.Error("Only an admin or the manager can replace the team calendar's address."));
                }

                tokens.Reset(CalendarFeedTokens.Team);
                change = "The team calendar has a new address; the old one no longer works. Share the new one with the team.";
                break;
            default:
                return ValueTask.FromResult(Reply.Error($"I don't know \"calendar {context.Args}\".", "Try: ⟦oncall⟧ calendar, ⟦oncall⟧ calendar reset"));
        }

        var links = Links(engineer, change);
        if (context.Input.FrontEnd.AnswersArePrivate)
        {
            return ValueTask.FromResult(links);
        }

        return ValueTask.FromResult(SendPrivately(engineer, links, context.Now, change));
    }

    private Reply Links(Engineer engineer, string? change)
    {
        var b = new ReplyBuilder().Heading("Your calendar addresses");
        if (change is not null)
        {
            b.Text(change);
        }

        b.Field("Your shifts", options.FeedUrl(engineer.Id, tokens.For(CalendarFeedTokens.Engineer(engineer.Id))));
        b.Field("The team's schedule", options.FeedUrl(null, tokens.For(CalendarFeedTokens.Team)));
        b.Context("These addresses are secret: anyone who has one can read that calendar. Subscribe from Google Calendar (Other calendars → From URL), Outlook or Apple Calendar.");
        b.Context("⟦oncall⟧ calendar reset gives you a new personal address and turns the old one off.");
        return b.Build();
    }

    private Reply SendPrivately(Engineer engineer, Reply links, DateTimeOffset now, string? change)
    {
        if (!_sinks.Any(s => s.IsEnabled))
        {
            return Reply.Error(
                "I can't send direct messages from here, and calendar addresses are never shown in a channel.",
                $"Ask the playground or the CLI: ask \"calendar\" --as {engineer.Id}");
        }

        outbox.Enqueue(new OutboxMessage
        {
            Id = $"calendar-links:{engineer.Id}:{now.UtcTicks}",
            Kind = "calendar-links",
            DirectTo = engineer.Id,
            Reply = links,
        });
        return new Reply
        {
            Tone = ReplyTone.Success,
            Text = [(change is null ? "" : change + " ") + "I sent your calendar addresses to you in a direct message: they are secret, so never in a channel."],
        };
    }
}
