using System.Text.Json.Nodes;

namespace TechFlow.OnCall.Slack.Tests.Support;

/// <summary>Interaction payloads for modals, shaped as Slack sends them.</summary>
public static class ViewPayloads
{
    /// <summary>A view_submission of <paramref name="callbackId"/> with <paramref name="values"/>: block id → the action's state.</summary>
    public static JsonObject Submission(string userId, string callbackId, IDictionary<string, JsonObject> values)
    {
        var state = new JsonObject();
        foreach (var (block, action) in values)
        {
            state[block] = new JsonObject { [block] = action };
        }

        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = "T1DC2JH3J", ["domain"] = "techflow" },
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = "someone", ["team_id"] = "T1DC2JH3J" },
            ["api_app_id"] = "A0ONCALL",
            ["trigger_id"] = "12345.98765.abcd2358fdea",
            ["view"] = new JsonObject
            {
                ["id"] = "V0001",
                ["type"] = "modal",
                ["callback_id"] = callbackId,
                ["private_metadata"] = "",
                ["hash"] = "156772938.1827394",
                ["state"] = new JsonObject { ["values"] = state },
            },
        };
    }

    public static JsonObject Selected(string value) =>
        new() { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = value }, ["value"] = value } };

    public static JsonObject User(string userId) => new() { ["type"] = "users_select", ["selected_user"] = userId };

    public static JsonObject Date(string date) => new() { ["type"] = "datepicker", ["selected_date"] = date };

    public static JsonObject Text(string text) => new() { ["type"] = "plain_text_input", ["value"] = text };

    /// <summary>The form body Slack posts to the interactivity URL.</summary>
    public static string Form(JsonObject payload) => "payload=" + Uri.EscapeDataString(payload.ToJsonString());

    /// <summary>The option values of the select in <paramref name="blockId"/> of a view.</summary>
    public static IReadOnlyList<string> Options(JsonNode view, string blockId) =>
        [.. view["blocks"]!.AsArray().Single(b => b!["block_id"]?.GetValue<string>() == blockId)!["element"]!["options"]!.AsArray()
            .Select(o => o!["value"]!.GetValue<string>())];
}
