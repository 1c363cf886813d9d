using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCall.Slack.Rendering;

/// <summary>mrkdwn escaping, mention tokens and length limits for Slack text.</summary>
public static partial class SlackText
{
    /// <summary>Escapes the three characters Slack reserves in mrkdwn: <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>
    /// Slack's inbound markup other than user mentions, written as the person saw it: a link as its address (after its
    /// label when the label differs), a channel as <c>#name</c>, a date by the text Slack gives for it. Run it before
    /// <see cref="Unescape"/>: the labels inside the markup are escaped too. Anything else in angle brackets (<c>@here</c>,
    /// user groups) is left as it came.
    /// </summary>
    public static string PlainMarkup(string text) =>
        !text.Contains('<', StringComparison.Ordinal) ? text : Markup().Replace(text, m => Plain(m.Groups["target"].Value, m.Groups["label"].Success ? m.Groups["label"].Value : null) ?? m.Value);

    /// <summary>
    /// Undoes <see cref="Escape"/> on text as Slack sends it in messages and slash commands, where what the person typed
    /// arrives with those three characters escaped (and real markup, such as mentions, unescaped). <c>&amp;amp;</c> goes
    /// last, so a typed <c>&amp;lt;</c> stays <c>&amp;lt;</c>. Text from a modal's inputs arrives as typed and needs none.
    /// </summary>
    public static string Unescape(string text) =>
        !text.Contains('&', StringComparison.Ordinal) ? text
            : text.Replace("&lt;", "<", StringComparison.Ordinal)
                .Replace("&gt;", ">", StringComparison.Ordinal)
                .Replace("&amp;", "&", StringComparison.Ordinal);

    /// <summary>
    /// Escapes <paramref name="text"/>, writes its commands with the slash command, and turns person references into
    /// <c>&lt;@U…&gt;</c> for people with a Slack id, otherwise into their (escaped) name.
    /// </summary>
    public static string Mrkdwn(Reply reply, string text)
    {
        text = Commands(text);
        var sb = new StringBuilder();
        var last = 0;
        foreach (System.Text.RegularExpressions.Match m in ReplyMarkup.PersonToken().Matches(text))
        {
            sb.Append(Escape(text[last..m.Index]));
            var person = reply.People.FirstOrDefault(p => p.Id == m.Groups[1].Value);
            sb.Append(person switch
            {
                { SlackUserId: { Length: > 0 } slackId } => $"<@{slackId}>",
                not null => Escape(person.Name),
                null => Escape(m.Value),
            });
            last = m.Index + m.Length;
        }

        sb.Append(Escape(text[last..]));
        return sb.ToString();
    }

    /// <summary>Plain text with person references replaced by names and commands written with the slash command (for plain_text objects and fallbacks).</summary>
    public static string Plain(Reply reply, string text) => PlainTextRenderer.Text(reply, text, SlackFrontEnd.SlashCommand);

    /// <summary>The core's command starts in <paramref name="text"/> written with the slash command.</summary>
    public static string Commands(string text) => ReplyMarkup.Commands(text, SlackFrontEnd.SlashCommand);

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="max"/> characters, ending with an ellipsis.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + "…";
    }

    /// <summary>
    /// Splits <paramref name="text"/> into pieces of at most <paramref name="max"/> characters, preferring line breaks,
    /// never cutting an escape entity or a mention in half.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int max)
    {
        var parts = new List<string>();
        var rest = text;
        while (rest.Length > max)
        {
            var cut = rest.LastIndexOf('\n', max - 1);
            if (cut < max / 2)
            {
                cut = SafeCut(rest, max);
            }

            parts.Add(rest[..cut]);
            rest = rest[cut..].TrimStart('\n');
        }

        if (rest.Length > 0)
        {
            parts.Add(rest);
        }

        return parts;
    }

    private static int SafeCut(string text, int max)
    {
        var cut = max;
        var amp = text.LastIndexOf('&', cut - 1, Math.Min(cut, 8));
        if (amp >= 0 && text.IndexOf(';', amp) >= cut)
        {
            cut = amp;
        }

        var lt = text.LastIndexOf('<', cut - 1, Math.Min(cut, 40));
        if (lt >= 0 && text.IndexOf('>', lt) >= cut)
        {
            cut = lt;
        }

        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return cut > 0 ? cut : max;
    }

    internal static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string? Plain(string target, string? label)
    {
        if (target.StartsWith("#C", StringComparison.Ordinal) || target.StartsWith("#G", StringComparison.Ordinal))
        {
            return "#" + (string.IsNullOrEmpty(label) ? target[1..] : label);
        }

        if (target.StartsWith('!'))
        {
            // @here, @channel and user groups stay markup: as "@here" the core would look for a person of that name.
            return target.StartsWith("!date^", StringComparison.Ordinal) ? label : null;
        }

        if (target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrEmpty(label) || label == target ? target : $"{label} ({target})";
        }

        if (target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrEmpty(label) ? target["mailto:".Length..] : label;
        }

        return null;
    }

    [GeneratedRegex(@"<(?<target>[#!]?[^<>|@][^<>|]*)(?:\|(?<label>[^<>]*))?>")]
    private static partial Regex Markup();
}
