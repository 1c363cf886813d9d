using System.Text.Json.Nodes;
using System.Text;
using Humanizer;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Slack.Api;

namespace TechFlow.OnCall.Slack.Rendering;

/// <summary>
/// Renders a <see cref="Reply"/> as Block Kit within Slack's limits: long text is split, long labels are truncated,
/// and whatever cannot fit is left out with a visible note. Rendering never fails.
/// </summary>
public static class BlockKitRenderer
{
    public const int MaxBlocks = 50;
    public const int MaxSectionText = 3000;
    public const int MaxFields = 10;
    public const int MaxFieldText = 2000;
    public const int MaxHeader = 150;
    public const int MaxButtonText = 75;
    public const int MaxActionId = 255;
    public const int MaxButtonValue = 2000;
    public const int MaxActionsPerBlock = 25;
    public const int MaxContextElements = 10;
    public const int MaxContextText = 2000;
    public const int MaxFallbackText = 3000;

    /// <summary>Separates a repeated action id's copy number (<c>swap-accept#2</c>); see <see cref="ActionIdOf"/>.</summary>
    public const char ActionCopySeparator = '#';

    public static SlackMessage Render(Reply reply)
    {
        var blocks = new List<JsonObject>();
        var notes = new List<string>();
        if (!string.IsNullOrWhiteSpace(reply.Heading))
        {
            blocks.Add(Header(SlackText.Truncate(SlackText.Plain(reply, reply.Heading), MaxHeader)));
        }

        var first = true;
        foreach (var paragraph in reply.Text.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            var text = SlackText.Mrkdwn(reply, paragraph);
            if (first)
            {
                text = ToneMark(reply.Tone) + text;
                first = false;
            }

            var parts = SlackText.Split(text, MaxSectionText);
            blocks.AddRange(parts.Select(Section));
        }

        foreach (var chunk in reply.Fields.Chunk(MaxFields))
        {
            var fields = new JsonArray([.. chunk.Select(f => (JsonNode)Mrkdwn(SlackText.Truncate(
                $"*{SlackText.Escape(SlackText.Plain(reply, f.Label))}*\n{SlackText.Mrkdwn(reply, f.Value)}", MaxFieldText)))]);
            blocks.Add(new JsonObject { ["type"] = "section", ["fields"] = fields });
        }

        if (reply.Table is { } table)
        {
            foreach (var part in SlackText.Split(SlackText.Escape(TableText(reply, table)), MaxSectionText - 8))
            {
                blocks.Add(Section("```" + part + "```"));
            }
        }

        blocks.AddRange(Actions(reply.Buttons, notes));
        var context = reply.Context.Where(c => !string.IsNullOrWhiteSpace(c))
            .Select(c => SlackText.Truncate(SlackText.Mrkdwn(reply, c), MaxContextText)).Concat(notes).ToList();
        foreach (var chunk in context.Chunk(MaxContextElements))
        {
            blocks.Add(new JsonObject { ["type"] = "context", ["elements"] = new JsonArray([.. chunk.Select(c => (JsonNode)Mrkdwn(c))]) });
        }

        if (blocks.Count > MaxBlocks)
        {
            var left = blocks.Count - (MaxBlocks - 1);
            blocks = blocks.Take(MaxBlocks - 1).ToList();
            blocks.Add(new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray(Mrkdwn($"_{"more part".ToQuantity(left)} of this answer did not fit in one Slack message._")),
            });
        }

        var fallback = SlackText.Truncate(FallbackText(reply), MaxFallbackText);
        return new SlackMessage(fallback.Length > 0 ? fallback : " ", new JsonArray([.. blocks]));
    }

    /// <summary>The handler's action id for an <c>action_id</c> Slack sends back (drops a copy suffix).</summary>
    public static string ActionIdOf(string slackActionId)
    {
        var hash = slackActionId.LastIndexOf(ActionCopySeparator);
        return hash > 0 && slackActionId[(hash + 1)..].All(char.IsAsciiDigit) && hash < slackActionId.Length - 1
            ? slackActionId[..hash] : slackActionId;
    }

    private static IEnumerable<JsonObject> Actions(IReadOnlyList<ReplyButton> buttons, List<string> notes)
    {
        var usable = new List<ReplyButton>();
        foreach (var button in buttons)
        {
            if (button.ActionId.Length + 4 > MaxActionId || button.ActionId.Length == 0 || button.Value.Length > MaxButtonValue)
            {
                notes.Add($"_The button “{SlackText.Escape(SlackText.Truncate(button.Label, MaxButtonText))}” could not be shown in Slack._");
                continue;
            }

            usable.Add(button);
        }

        foreach (var chunk in usable.Chunk(MaxActionsPerBlock))
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var elements = new JsonArray();
            foreach (var button in chunk)
            {
                var copy = seen.TryGetValue(button.ActionId, out var n) ? n + 1 : 1;
                seen[button.ActionId] = copy;
                var element = new JsonObject
                {
                    ["type"] = "button",
                    ["text"] = PlainText(SlackText.Truncate(string.IsNullOrWhiteSpace(button.Label) ? "Choose" : button.Label, MaxButtonText)),
                    ["action_id"] = copy == 1 ? button.ActionId : button.ActionId + ActionCopySeparator + SlackText.Count(copy),
                };
                if (button.Value.Length > 0)
                {
                    element["value"] = button.Value;
                }

                if (button.Style != ButtonStyle.Default)
                {
                    element["style"] = button.Style == ButtonStyle.Primary ? "primary" : "danger";
                }

                elements.Add(element);
            }

            yield return new JsonObject { ["type"] = "actions", ["elements"] = elements };
        }
    }

    /// <summary>The notification / screen-reader text: heading and paragraphs, else the whole plain rendering.</summary>
    private static string FallbackText(Reply reply)
    {
        var lines = new[] { reply.Heading }.Concat(reply.Text).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => SlackText.Plain(reply, t!)).ToList();
        return lines.Count > 0 ? string.Join('\n', lines) : PlainTextRenderer.Render(reply, SlackFrontEnd.SlashCommand).Trim();
    }

    private static string TableText(Reply reply, ReplyTable table)
    {
        var rows = table.Rows.Select(r => r.Select(c => SlackText.Plain(reply, c)).ToArray()).ToList();
        var widths = table.Columns.Select((c, i) => Math.Min(40, rows.Select(r => i < r.Length ? r[i].Length : 0).Append(c.Length).Max())).ToArray();
        var sb = new StringBuilder();
        sb.AppendLine(string.Join("  ", table.Columns.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        foreach (var row in rows)
        {
            sb.AppendLine(string.Join("  ", row.Select((c, i) => c.PadRight(i < widths.Length ? widths[i] : 0))).TrimEnd());
        }

        return sb.ToString().TrimEnd();
    }

    private static string ToneMark(ReplyTone tone) => tone switch
    {
        ReplyTone.Error => ":warning: ",
        ReplyTone.Warning => ":warning: ",
        ReplyTone.Success => ":white_check_mark: ",
        _ => "",
    };

    private static JsonObject Header(string text) => new() { ["type"] = "header", ["text"] = PlainText(text) };

    private static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = Mrkdwn(mrkdwn) };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };
}
