using System.Text;

namespace TechFlow.OnCall.Core.Conversation;

/// <summary>Renders a <see cref="Reply"/> as plain text: for the CLI, logs and chat fallbacks.</summary>
/// <remarks>Every method takes the front end's command prefix (<see cref="FrontEnd.CommandPrefix"/>), empty for bare words.</remarks>
public static class PlainTextRenderer
{
    public static string Render(Reply reply, string commandPrefix)
    {
        var sb = new StringBuilder();
        if (reply.Heading is { } heading)
        {
            sb.AppendLine(heading);
            sb.AppendLine(new string('=', Math.Min(heading.Length, 60)));
        }

        foreach (var paragraph in reply.Text)
        {
            sb.AppendLine(Text(reply, paragraph, commandPrefix));
        }

        if (reply.Fields.Count > 0)
        {
            var width = reply.Fields.Max(f => f.Label.Length) + 1;
            foreach (var field in reply.Fields)
            {
                sb.Append((field.Label + ":").PadRight(width + 1)).AppendLine(Text(reply, field.Value, commandPrefix));
            }
        }

        if (reply.Table is { } table)
        {
            AppendTable(sb, reply, table, commandPrefix);
        }

        foreach (var button in reply.Buttons)
        {
            sb.AppendLine($"[{button.Label}]  ({button.ActionId} {button.Value})");
        }

        foreach (var line in reply.Context)
        {
            sb.AppendLine("· " + Text(reply, line, commandPrefix));
        }

        return sb.ToString().TrimEnd() + Environment.NewLine;
    }

    /// <summary><paramref name="text"/> with person references as names and commands written with <paramref name="commandPrefix"/>.</summary>
    public static string Text(Reply reply, string text, string commandPrefix) =>
        ReplyMarkup.Commands(Names(reply, text), commandPrefix);

    /// <summary>Replaces person references (<see cref="ReplyMarkup.Person"/>) with names.</summary>
    public static string Names(Reply reply, string text) =>
        ReplyMarkup.PersonToken().Replace(text, m => reply.People.FirstOrDefault(p => p.Id == m.Groups[1].Value)?.Name ?? m.Groups[1].Value);

    private static void AppendTable(StringBuilder sb, Reply reply, ReplyTable table, string commandPrefix)
    {
        var rows = table.Rows.Select(r => r.Select(c => Text(reply, c, commandPrefix)).ToArray()).ToList();
        var widths = table.Columns.Select((c, i) => Math.Min(48, rows.Select(r => i < r.Length ? r[i].Length : 0).Append(c.Length).Max())).ToArray();
        sb.AppendLine(string.Join("  ", table.Columns.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            sb.AppendLine(string.Join("  ", row.Select((c, i) => c.PadRight(i < widths.Length ? widths[i] : 0))).TrimEnd());
        }
    }
}
