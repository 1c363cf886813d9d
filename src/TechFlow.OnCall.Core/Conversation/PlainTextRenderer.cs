using System.Text;
using System.Text.RegularExpressions;

namespace TechFlow.OnCall.Core.Conversation;

/// <summary>Renders a <see cref="Reply"/> as plain text: for the CLI, logs and chat fallbacks.</summary>
public static partial class PlainTextRenderer
{
    public static string Render(Reply reply)
    {
        var sb = new StringBuilder();
        if (reply.Heading is { } heading)
        {
            sb.AppendLine(heading);
            sb.AppendLine(new string('=', Math.Min(heading.Length, 60)));
        }

        foreach (var paragraph in reply.Text)
        {
            sb.AppendLine(Names(reply, paragraph));
        }

        if (reply.Fields.Count > 0)
        {
            var width = reply.Fields.Max(f => f.Label.Length) + 1;
            foreach (var field in reply.Fields)
            {
                sb.Append((field.Label + ":").PadRight(width + 1)).AppendLine(Names(reply, field.Value));
            }
        }

        if (reply.Table is { } table)
        {
            AppendTable(sb, reply, table);
        }

        foreach (var button in reply.Buttons)
        {
            sb.AppendLine($"[{button.Label}]  ({button.ActionId} {button.Value})");
        }

        foreach (var line in reply.Context)
        {
            sb.AppendLine("· " + Names(reply, line));
        }

        return sb.ToString().TrimEnd() + Environment.NewLine;
    }

    /// <summary>Replaces <c>&lt;@id&gt;</c> mention tokens with names.</summary>
    public static string Names(Reply reply, string text) =>
        MentionToken().Replace(text, m => reply.People.FirstOrDefault(p => p.Id == m.Groups[1].Value)?.Name ?? m.Groups[1].Value);

    private static void AppendTable(StringBuilder sb, Reply reply, ReplyTable table)
    {
        var rows = table.Rows.Select(r => r.Select(c => Names(reply, c)).ToArray()).ToList();
        var widths = table.Columns.Select((c, i) => Math.Min(48, rows.Select(r => i < r.Length ? r[i].Length : 0).Append(c.Length).Max())).ToArray();
        sb.AppendLine(string.Join("  ", table.Columns.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            sb.AppendLine(string.Join("  ", row.Select((c, i) => c.PadRight(i < widths.Length ? widths[i] : 0))).TrimEnd());
        }
    }

    [GeneratedRegex("<@([a-z0-9][a-z0-9._-]*)>")]
    public static partial Regex MentionToken();
}
