using System.Text.Json.Nodes;

namespace TechFlow.OnCall.Teams.Tests.Support;

/// <summary>Activities in the shape Microsoft Teams sends them.</summary>
public static class TeamsActivities
{
    public const string BotId = "28:" + TestTokens.AppId;
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string UserId = "29:1a2b3c-user";
    public const string UserAad = "a1b2c3d4-0000-4000-8000-000000000001";
    public const string TeamChannel = "19:general0123456789@thread.tacv2";
    public const string PersonalChat = "a:1personal-chat-id";

    public static JsonObject PersonalMessage(string serviceUrl, string text, string id = "1700000000001") => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["timestamp"] = "2026-11-23T15:00:00.000Z",
        ["localTimestamp"] = "2026-11-23T10:00:00.000-05:00",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Sarah Johnson", ["aadObjectId"] = UserAad },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = TenantId, ["id"] = PersonalChat },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "On-call" },
        ["textFormat"] = "plain",
        ["locale"] = "en-US",
        ["text"] = text,
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["country"] = "US", ["platform"] = "Web", ["timezone"] = "America/New_York" }),
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
    };

    public static JsonObject ChannelMention(string serviceUrl, string text) => new()
    {
        ["type"] = "message",
        ["id"] = "1700000000002",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Sarah Johnson", ["aadObjectId"] = UserAad },
        ["conversation"] = new JsonObject
        {
            ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = TenantId, ["id"] = TeamChannel + ";messageid=1700000000002",
        },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "On-call" },
        ["textFormat"] = "plain",
        ["text"] = "<at>On-call</at> " + text,
        ["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "On-call" },
            ["text"] = "<at>On-call</at>",
        }),
        ["channelData"] = new JsonObject
        {
            ["teamsChannelId"] = TeamChannel,
            ["teamsTeamId"] = TeamChannel,
            ["channel"] = new JsonObject { ["id"] = TeamChannel },
            ["team"] = new JsonObject { ["id"] = TeamChannel },
            ["tenant"] = new JsonObject { ["id"] = TenantId },
        },
    };

    public static JsonObject BotAddedToTeam(string serviceUrl) => new()
    {
        ["type"] = "conversationUpdate",
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId }),
        ["timestamp"] = "2026-11-23T15:00:00.000Z",
        ["id"] = "f:2d3c4b5a",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = UserId, ["aadObjectId"] = UserAad },
        ["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = TenantId, ["id"] = TeamChannel },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "On-call" },
        ["channelData"] = new JsonObject
        {
            ["team"] = new JsonObject { ["aadGroupId"] = "0a1b2c3d-0000-4000-8000-00000000000a", ["name"] = "Data Engineering", ["id"] = TeamChannel },
            ["eventType"] = "teamMemberAdded",
            ["tenant"] = new JsonObject { ["id"] = TenantId },
        },
    };

    public static JsonObject Execute(string serviceUrl, string verb, string value, string type = "Action.Execute")
    {
        var activity = PersonalMessage(serviceUrl, "", "1700000000009");
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity.Remove("text");
        activity["replyToId"] = "activity-1";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = type, ["id"] = "btn", ["verb"] = verb, ["data"] = new JsonObject { ["value"] = value } },
            ["trigger"] = "manual",
        };
        return activity;
    }
}
