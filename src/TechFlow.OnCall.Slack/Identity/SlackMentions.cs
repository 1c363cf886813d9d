using System.Text.RegularExpressions;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Slack.Identity;

/// <summary>Translates Slack's user mentions into the core's references before text reaches the core.</summary>
public static partial class SlackMentions
{
    /// <summary>
    /// <paramref name="text"/> with each <c>&lt;@U…&gt;</c> or <c>&lt;@U…|name&gt;</c> written as the engineer reference
    /// <c>@engineer-id</c> when <paramref name="engineerBySlackId"/> knows the user, else as <c>@U…</c> (a Slack user not
    /// yet linked, which <c>link</c> and <c>team add</c> read as the account to link).
    /// </summary>
    public static string Translate(string text, Func<string, Engineer?> engineerBySlackId) =>
        !text.Contains("<@", StringComparison.Ordinal) ? text
            : UserMention().Replace(text, m => "@" + (engineerBySlackId(m.Groups["id"].Value)?.Id ?? m.Groups["id"].Value));

    [GeneratedRegex(@"<@(?<id>[UW][A-Z0-9]+)(?:\|[^>]*)?>")]
    private static partial Regex UserMention();
}
