using System.Text.Json.Nodes;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Slack.Rendering;

namespace TechFlow.OnCall.Slack.Modals;

/// <summary>Block Kit pieces for modals, kept within Slack's limits (title 24, labels 2000, options 75/100).</summary>
public static class ModalBlocks
{
    public const int MaxTitle = 24;
    public const int MaxOptionText = 75;
    public const int MaxOptions = 100;

    public static JsonObject Modal(string callbackId, string title, IEnumerable<JsonObject> blocks, string? submit, string privateMetadata = "")
    {
        var view = new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = callbackId,
            ["title"] = Plain(title, MaxTitle),
            ["close"] = Plain(submit is null ? "Close" : "Cancel", MaxTitle),
            ["blocks"] = new JsonArray([.. blocks.Take(100)]),
            ["private_metadata"] = privateMetadata,
        };
        if (submit is not null)
        {
            view["submit"] = Plain(submit, MaxTitle);
        }

        return view;
    }

    public static JsonObject Plain(string text, int max = 2000) =>
        new() { ["type"] = "plain_text", ["text"] = Cut(text, max), ["emoji"] = true };

    public static JsonObject Input(string blockId, string label, JsonObject element, string? hint = null, bool optional = false)
    {
        var block = new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = blockId,
            ["label"] = Plain(label),
            ["element"] = element,
            ["optional"] = optional,
        };
        if (hint is not null)
        {
            block["hint"] = Plain(hint);
        }

        return block;
    }

    public static JsonObject Option(string text, string value) =>
        new() { ["text"] = Plain(text, MaxOptionText), ["value"] = Cut(value, 150) };

    public static JsonObject StaticSelect(string actionId, string placeholder, IEnumerable<JsonObject> options) => new()
    {
        ["type"] = "static_select",
        ["action_id"] = actionId,
        ["placeholder"] = Plain(placeholder, 150),
        ["options"] = new JsonArray([.. options.Take(MaxOptions)]),
    };

    public static JsonObject Section(string mrkdwn) =>
        new() { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut(mrkdwn, 3000) } };

    public static JsonObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut(mrkdwn, 2000) }),
    };

    /// <summary>A reply rendered as blocks, for a modal or the Home tab (buttons kept unless <paramref name="withButtons"/> is false).</summary>
    public static IEnumerable<JsonObject> Reply(Reply reply, bool withButtons = true)
    {
        var message = BlockKitRenderer.Render(withButtons ? reply : reply with { Buttons = [] });
        return message.Blocks.OfType<JsonObject>().Select(b => (JsonObject)b.DeepClone());
    }

    /// <summary>The view_submission answer that keeps the modal open with <paramref name="message"/> under <paramref name="blockId"/>.</summary>
    public static JsonObject Errors(string blockId, string message) => new()
    {
        ["response_action"] = "errors",
        ["errors"] = new JsonObject { [blockId] = Cut(message, 2000) },
    };

    /// <summary>The view_submission answer that replaces the modal with <paramref name="view"/>.</summary>
    public static JsonObject Update(JsonObject view) => new() { ["response_action"] = "update", ["view"] = view };

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
