using System.Text.RegularExpressions;

namespace TechFlow.OnCall.Core.Conversation;

/// <summary>
/// The two references the core writes into reply text for each front end to render its own way: a person
/// (<see cref="Person"/>, a Slack mention or a name) and the start of a command (<see cref="Command"/>, <c>oncall</c>
/// in Slack, the bot's mention in Teams, nothing in the CLI and the playground).
/// </summary>
/// <remarks>Both use brackets nobody types, so text a user wrote and the core echoes is never mistaken for one.</remarks>
public static partial class ReplyMarkup
{
    /// <summary>Where a command starts, for example <c>"⟦oncall⟧ swap cancel k7m2qp"</c>.</summary>
    public const string Command = "⟦oncall⟧";

    /// <summary>
    /// What a bare-words front end shows for a command with nothing after it: the bot's name, which the core reads
    /// as "who is on call now".
    /// </summary>
    public const string BareCommand = "oncall";

    /// <summary>The reference to the engineer with <paramref name="engineerId"/>; <see cref="Reply.People"/> says who it is.</summary>
    public static string Person(string engineerId) => $"⟦@{engineerId}⟧";

    /// <summary>Writes every <see cref="Command"/> in <paramref name="text"/> with <paramref name="prefix"/> (empty for bare words).</summary>
    public static string Commands(string text, string prefix) =>
        !text.Contains(Command, StringComparison.Ordinal) ? text : CommandToken().Replace(text, m => m.Groups["words"].Success
            ? (prefix.Length == 0 ? "" : prefix + " ")
            : (prefix.Length == 0 ? BareCommand : prefix));

    /// <summary>Matches a person reference; group 1 is the engineer id.</summary>
    [GeneratedRegex("⟦@([a-z0-9][a-z0-9._-]*)⟧")]
    public static partial Regex PersonToken();

    [GeneratedRegex(@"⟦oncall⟧(?<words> (?=\S))?")]
    private static partial Regex CommandToken();
}
