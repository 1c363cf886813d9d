using System.Net;
using System.Text;
using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCallBot.Playground;

/// <summary>
/// Renders a <see cref="Reply"/> as an HTML fragment for the playground page: people as highlighted names, commands as
/// the bare words typed in the playground. All text is escaped.
/// </summary>
public static class HtmlRenderer
{
    public static string Render(Reply reply, string? messageId = null)
    {
        var sb = new StringBuilder();
        sb.Append("<div class=\"reply tone-").Append(reply.Tone.ToString().ToLowerInvariant()).Append('"');
        if (messageId is not null)
        {
            sb.Append(" data-message-id=\"").Append(Escape(messageId)).Append('"');
        }

        sb.Append('>');
        if (reply.Heading is { } heading)
        {
            sb.Append("<h3>").Append(Text(reply, heading)).Append("</h3>");
        }

        foreach (var paragraph in reply.Text)
        {
            sb.Append("<p>").Append(Text(reply, paragraph)).Append("</p>");
        }

        if (reply.Fields.Count > 0)
        {
            sb.Append("<dl class=\"fields\">");
            foreach (var field in reply.Fields)
            {
                sb.Append("<dt>").Append(Text(reply, field.Label)).Append("</dt><dd>").Append(Text(reply, field.Value)).Append("</dd>");
            }

            sb.Append("</dl>");
        }

        if (reply.Table is { } table)
        {
            sb.Append("<table><thead><tr>");
            foreach (var column in table.Columns)
            {
                sb.Append("<th>").Append(Escape(column)).Append("</th>");
            }

            sb.Append("</tr></thead><tbody>");
            foreach (var row in table.Rows)
            {
                sb.Append("<tr>");
                foreach (var cell in row)
                {
                    sb.Append("<td>").Append(Text(reply, cell)).Append("</td>");
                }

                sb.Append("</tr>");
            }

            sb.Append("</tbody></table>");
        }

        if (reply.Buttons.Count > 0)
        {
            sb.Append("<div class=\"actions\">");
            foreach (var button in reply.Buttons)
            {
                sb.Append("<button type=\"button\" class=\"action style-").Append(button.Style.ToString().ToLowerInvariant())
                    .Append("\" data-action-id=\"").Append(Escape(button.ActionId))
                    .Append("\" data-value=\"").Append(Escape(button.Value)).Append("\">")
                    .Append(Escape(button.Label)).Append("</button>");
            }

            sb.Append("</div>");
        }

        foreach (var line in reply.Context)
        {
            sb.Append("<p class=\"context\">").Append(Text(reply, line)).Append("</p>");
        }

        return sb.Append("</div>").ToString();
    }

    private static string Text(Reply reply, string text)
    {
        text = ReplyMarkup.Commands(text, LocalFrontEnds.Playground.CommandPrefix);
        var escaped = new StringBuilder();
        var last = 0;
        foreach (System.Text.RegularExpressions.Match m in ReplyMarkup.PersonToken().Matches(text))
        {
            escaped.Append(Escape(text[last..m.Index]));
            var name = reply.People.FirstOrDefault(p => p.Id == m.Groups[1].Value)?.Name ?? m.Groups[1].Value;
            escaped.Append("<span class=\"mention\">@").Append(Escape(name)).Append("</span>");
            last = m.Index + m.Length;
        }

        return escaped.Append(Escape(text[last..])).ToString();
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
