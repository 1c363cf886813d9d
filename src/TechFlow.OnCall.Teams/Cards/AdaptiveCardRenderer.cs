using System.Text.Json.Nodes;
using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCall.Teams.Cards;

/// <summary>
/// Renders a <see cref="Reply"/> as an Adaptive Card 1.5 (the highest version Teams renders): a heading, text,
/// a FactSet for fields (commands written after a mention of the bot), a ColumnSet table, subtle context lines and <c>Action.Execute</c> buttons whose
/// <c>verb</c> is the action id and whose <c>data</c> carries only the opaque value. People with a Teams account are
/// @mentioned (<c>&lt;at&gt;Name&lt;/at&gt;</c> in the text, one <c>msteams.entities</c> mention each), so a page or a
/// handoff in a channel notifies them as a mention typed in Teams would; people without one appear by name.
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
        var mentions = new Mentions(reply);
        var body = new JsonArray();
        if (reply.Heading is { } heading)
        {
            body.Add(Text(mentions, heading, h => { h["style"] = "heading"; h["size"] = "Large"; h["weight"] = "Bolder"; }));
        }

        foreach (var paragraph in reply.Text)
        {
            body.Add(Text(mentions, paragraph, t => ToneColor(t, reply.Tone)));
        }

        if (reply.Fields.Count > 0)
        {
            var facts = new JsonArray();
            foreach (var field in reply.Fields)
            {
                facts.Add(new JsonObject { ["title"] = field.Label, ["value"] = mentions.Text(field.Value) });
            }

            body.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
        }

        if (reply.Table is { } table)
        {
            body.Add(Row(mentions, table.Columns, header: true));
            foreach (var row in table.Rows)
            {
                body.Add(Row(mentions, [.. table.Columns.Select((_, i) => i < row.Count ? row[i] : "")], header: false));
            }
        }

        foreach (var line in reply.Context)
        {
            body.Add(Text(mentions, line, c => { c["isSubtle"] = true; c["size"] = "Small"; c["spacing"] = "Small"; }));
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = body,
        };
        if (mentions.Entities() is { } entities)
        {
            card["msteams"] = new JsonObject { ["entities"] = entities };
        }

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

    private static JsonObject Text(Mentions mentions, string text, Action<JsonObject>? style = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = mentions.Text(text), ["wrap"] = true };
        style?.Invoke(block);
        return block;
    }

    private static JsonObject Row(Mentions mentions, IReadOnlyList<string> cells, bool header)
    {
        var columns = new JsonArray();
        foreach (var cell in cells)
        {
            var text = Text(mentions, cell.Length == 0 ? " " : cell, t =>
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

    /// <summary>
    /// Person references written as Teams mentions, and the entities that make them mentions. A mention's text must be
    /// unique in the card, so a second person with the same name as one already mentioned appears by name only.
    /// </summary>
    private sealed class Mentions(Reply reply)
    {
        private readonly Dictionary<string, PersonRef> _byText = new(StringComparer.Ordinal);

        public string Text(string text) =>
            ReplyMarkup.Commands(ReplyMarkup.PersonToken().Replace(text, m => Person(m.Groups[1].Value)), TeamsFrontEnd.CommandPrefix);

        public JsonArray? Entities()
        {
            if (_byText.Count == 0)
            {
                return null;
            }

            var entities = new JsonArray();
            foreach (var (text, person) in _byText)
            {
                entities.Add(new JsonObject
                {
                    ["type"] = "mention",
                    ["text"] = text,
                    ["mentioned"] = new JsonObject { ["id"] = person.TeamsUserId, ["name"] = person.Name },
                });
            }

            return entities;
        }

        private string Person(string id)
        {
            var person = reply.People.FirstOrDefault(p => p.Id == id);
            if (person is null)
            {
                return id;
            }

            if (string.IsNullOrEmpty(person.TeamsUserId))
            {
                return person.Name;
            }

            var at = $"<at>{person.Name}</at>";
            if (_byText.TryGetValue(at, out var known) && known.TeamsUserId != person.TeamsUserId)
            {
                return person.Name;
            }

            _byText[at] = person;
            return at;
        }
    }
}
