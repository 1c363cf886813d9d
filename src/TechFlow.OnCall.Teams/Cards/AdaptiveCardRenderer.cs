using System.Text.Json.Nodes;
using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCall.Teams.Cards;

/// <summary>
/// Renders a <see cref="Reply"/> as an Adaptive Card 1.5 (the highest version Teams renders): a heading, text,
/// a FactSet for fields (people by name, commands after a mention of the bot), a ColumnSet table, subtle context lines and <c>Action.Execute</c> buttons whose
/// <c>verb</c> is the action id and whose <c>data</c> carries only the opaque value.
/// </summary>
public static class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";

    /// <summary>The card as an activity attachment.</summary>
    public static JsonObject Attachment(Reply reply) => new()
    {
        ["contentType"] = ContentType,
        ["content"] = Render(reply),
    };

    public static JsonObject Render(Reply reply)
    {
        var body = new JsonArray();
        if (reply.Heading is { } heading)
        {
            body.Add(Text(reply, heading, h => { h["style"] = "heading"; h["size"] = "Large"; h["weight"] = "Bolder"; }));
        }

        foreach (var paragraph in reply.Text)
        {
            body.Add(Text(reply, paragraph, t => ToneColor(t, reply.Tone)));
        }

        if (reply.Fields.Count > 0)
        {
            var facts = new JsonArray();
            foreach (var field in reply.Fields)
            {
                facts.Add(new JsonObject { ["title"] = field.Label, ["value"] = PlainTextRenderer.Text(reply, field.Value, TeamsFrontEnd.CommandPrefix) });
            }

            body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
        }

        if (reply.Table is { } table)
        {
            body.Add(Row(reply, table.Columns, header: true));
            foreach (var row in table.Rows)
            {
                body.Add(Row(reply, [.. table.Columns.Select((_, i) => i < row.Count ? row[i] : "")], header: false));
            }
        }

        foreach (var line in reply.Context)
        {
            body.Add(Text(reply, line, c => { c["isSubtle"] = true; c["size"] = "Small"; c["spacing"] = "Small"; }));
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = body,
        };
        if (reply.Buttons.Count > 0)
        {
            var actions = new JsonArray();
            foreach (var button in reply.Buttons)
            {
                var action = new JsonObject
                {
                    ["type"] = "Action.Execute",
                    ["title"] = button.Label,
                    ["verb"] = button.ActionId,
                    ["data"] = new JsonObject { ["value"] = button.Value },
                };
                if (button.Style != ButtonStyle.Default)
                {
                    action["style"] = button.Style == ButtonStyle.Danger ? "destructive" : "positive";
                }

                actions.Add(action);
            }

            card["actions"] = actions;
        }

        return card;
    }

    private static JsonObject Text(Reply reply, string text, Action<JsonObject>? style = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = PlainTextRenderer.Text(reply, text, TeamsFrontEnd.CommandPrefix), ["wrap"] = true };
        style?.Invoke(block);
        return block;
    }

    private static JsonObject Row(Reply reply, IReadOnlyList<string> cells, bool header)
    {
        var columns = new JsonArray();
        foreach (var cell in cells)
        {
            var text = Text(reply, cell.Length == 0 ? " " : cell, t =>
            {
                if (header)
                {
                    t["weight"] = "Bolder";
                }
            });
            columns.Add(new JsonObject { ["type"] = "Column", ["width"] = "stretch", ["items"] = new JsonArray(text) });
        }

        var row = new JsonObject { ["type"] = "ColumnSet", ["columns"] = columns };
        if (header)
        {
            row["separator"] = true;
        }
        else
        {
            row["spacing"] = "Small";
        }

        return row;
    }

    private static void ToneColor(JsonObject block, ReplyTone tone)
    {
        var color = tone switch
        {
            ReplyTone.Error => "Attention",
            ReplyTone.Warning => "Warning",
            ReplyTone.Success => "Good",
            _ => null,
        };
        if (color is not null)
        {
            block["color"] = color;
        }
    }
}
