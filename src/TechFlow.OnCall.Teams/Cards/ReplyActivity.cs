using System.Text.Json.Nodes;
using TechFlow.OnCall.Core.Conversation;

namespace TechFlow.OnCall.Teams.Cards;

/// <summary>Builds the outbound message activity for a reply: the card plus its plain-text fallback.</summary>
public static class ReplyActivity
{
    public static JsonObject Message(Reply reply)
    {
        var text = PlainTextRenderer.Render(reply, TeamsFrontEnd.CommandPrefix).TrimEnd();
        return new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["textFormat"] = "plain",
            ["summary"] = reply.Heading ?? FirstLine(text),
            ["attachments"] = new JsonArray(AdaptiveCardRenderer.Attachment(reply)),
        };
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end].TrimEnd('\r');
    }
}
