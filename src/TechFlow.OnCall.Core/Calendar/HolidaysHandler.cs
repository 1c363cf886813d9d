using TechFlow.OnCall.Core.Conversation.Commands;
using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCall.Core.Calendar;

/// <summary><c>oncall holidays [year]</c> lists federal and company holidays; <c>oncall holidays add &lt;date&gt; &lt;name&gt;</c> (admins) adds a company one.</summary>
public sealed class HolidaysHandler(TeamCalendar calendar, TimeOffService timeOff, DateArgument dates) : ICommandHandler
{
    public IReadOnlyList<string> Verbs { get; } = ["holidays", "holiday"];

    public IReadOnlyList<HelpEntry> Help { get; } =
    [
        new("⟦oncall⟧ holidays [year]", "US federal and company holidays, with observed dates; major ones marked.", "⟦oncall⟧ holidays 2027"),
        new("⟦oncall⟧ holidays add <date> <name>", "Admins: add a company holiday.", "⟦oncall⟧ holidays add 2026-12-24 Christmas Eve"),
    ];

    public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var words = context.Words;
        if (words.Count > 0 && words[0].Equals("add", StringComparison.OrdinalIgnoreCase))
        {
            return ValueTask.FromResult(Add(context, words));
        }

        if (!dates.TryYear(words, context.Now, out var year))
        {
            return ValueTask.FromResult(Reply.Error($"I couldn't read \"{context.Args}\" as a year.", "For example: ⟦oncall⟧ holidays 2027"));
        }

        var holidays = calendar.Holidays(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var b = new ReplyBuilder().Heading($"Holidays in {year}");
        b.Table(
            ["Date", "Holiday", "Notes"],
            holidays.Select(h => (IReadOnlyList<string>)
            [
                TimeText.Date(h.Date),
                h.Name,
                string.Join("; ", Notes(h)),
            ]));
        b.Context("Major holidays weigh more in the fair schedule. Admins add company days with ⟦oncall⟧ holidays add <date> <name>.");
        return ValueTask.FromResult(b.Build());
    }

    private IEnumerable<string> Notes(Holiday h)
    {
        if (calendar.IsMajor(h))
        {
            yield return "major";
        }

        if (h.IsCompany)
        {
            yield return "company";
        }

        if (h.Actual != default && h.Actual != h.Date)
        {
            yield return $"observed for {TimeText.ShortDate(h.Actual)}";
        }
    }

    private Reply Add(CommandContext context, IReadOnlyList<string> words)
    {
        if (context.Engineer is not { IsAdmin: true } and not { IsManager: true })
        {
            return Reply.Error("Only an admin or the manager can add company holidays.");
        }

        if (words.Count < 3 || !dates.TryParse(words[1], context.Now, out var date))
        {
            return Reply.Error("Give a date and a name.", "For example: ⟦oncall⟧ holidays add 2026-12-24 Christmas Eve");
        }

        var outcome = timeOff.AddCompanyHoliday(date, string.Join(' ', words.Skip(2)));
        return outcome.Holiday is { } added
            ? new Reply { Tone = ReplyTone.Success, Text = [$"Added {added.Name} on {TimeText.Date(added.Date)} as a company holiday."] }
            : Reply.Error(outcome.Error!);
    }
}
