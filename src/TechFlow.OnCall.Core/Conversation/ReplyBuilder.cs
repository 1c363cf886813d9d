using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Conversation;

/// <summary>Builds a <see cref="Reply"/>, collecting the people it mentions.</summary>
public sealed class ReplyBuilder
{
    private readonly List<string> _text = [];
    private readonly List<ReplyField> _fields = [];
    private readonly List<string> _context = [];
    private readonly List<ReplyButton> _buttons = [];
    private readonly Dictionary<string, PersonRef> _people = [];
    private string? _heading;
    private ReplyTable? _table;
    private ReplyTone _tone;

    public ReplyBuilder Heading(string heading)
    {
        _heading = heading;
        return this;
    }

    public ReplyBuilder Tone(ReplyTone tone)
    {
        _tone = tone;
        return this;
    }

    /// <summary>The person reference (<see cref="ReplyMarkup.Person"/>) for <paramref name="engineer"/>; renderers turn it into a mention or a name.</summary>
    public string Mention(Engineer? engineer)
    {
        if (engineer is null)
        {
            return "nobody";
        }

        _people[engineer.Id] = new PersonRef(engineer.Id, engineer.Name, engineer.SlackUserId, engineer.TeamsUserId);
        return ReplyMarkup.Person(engineer.Id);
    }

    public ReplyBuilder Text(string paragraph)
    {
        _text.Add(paragraph);
        return this;
    }

    public ReplyBuilder Field(string label, string value)
    {
        _fields.Add(new ReplyField(label, value));
        return this;
    }

    public ReplyBuilder Table(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        _table = new ReplyTable(columns, [.. rows]);
        return this;
    }

    public ReplyBuilder Context(string line)
    {
        _context.Add(line);
        return this;
    }

    public ReplyBuilder Button(string label, string actionId, string value, ButtonStyle style = ButtonStyle.Default)
    {
        _buttons.Add(new ReplyButton(label, actionId, value, style));
        return this;
    }

    public Reply Build() => new()
    {
        Heading = _heading,
        Text = [.. _text],
        Fields = [.. _fields],
        Table = _table,
        Context = [.. _context],
        Buttons = [.. _buttons],
        People = [.. _people.Values],
        Tone = _tone,
    };
}
