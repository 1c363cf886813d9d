namespace TechFlow.OnCall.Core.Conversation;

/// <summary>
/// A platform-neutral answer. Each front end renders it (Block Kit, Adaptive Card, HTML, plain text).
/// </summary>
/// <remarks>
/// Text may contain person references and command starts (<see cref="ReplyMarkup"/>); <see cref="People"/> says who
/// the people are, so a renderer can turn them into a Slack mention, a Teams mention or a plain name, and each front end
/// writes commands with its own prefix. Text is otherwise plain: renderers escape it.
/// </remarks>
public sealed record Reply
{
    public string? Heading { get; init; }
    public IReadOnlyList<string> Text { get; init; } = [];
    public IReadOnlyList<ReplyField> Fields { get; init; } = [];
    public ReplyTable? Table { get; init; }
    public IReadOnlyList<string> Context { get; init; } = [];
    public IReadOnlyList<ReplyButton> Buttons { get; init; } = [];
    public IReadOnlyList<PersonRef> People { get; init; } = [];
    public ReplyTone Tone { get; init; }
    /// <summary>Show it to everyone in the conversation rather than only to the asker.</summary>
    public bool InChannel { get; init; }

    public static Reply Error(string message, params string[] context) =>
        new() { Tone = ReplyTone.Error, Text = [message], Context = context };

    public static Reply Info(string message) => new() { Text = [message] };
}

public enum ReplyTone
{
    Normal = 0,
    Success = 1,
    Warning = 2,
    Error = 3,
}

/// <summary>A label and a value, shown side by side where the platform allows.</summary>
public sealed record ReplyField(string Label, string Value);

/// <summary>A small table; renderers may fall back to one line per row.</summary>
public sealed record ReplyTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>A button. <see cref="Value"/> is opaque (usually a record id); the handler reloads and re-checks everything.</summary>
public sealed record ReplyButton(string Label, string ActionId, string Value, ButtonStyle Style = ButtonStyle.Default);

public enum ButtonStyle
{
    Default = 0,
    Primary = 1,
    Danger = 2,
}

/// <summary>A person mentioned in a reply, with the ids each platform needs.</summary>
public sealed record PersonRef(string Id, string Name, string? SlackUserId, string? TeamsUserId);
