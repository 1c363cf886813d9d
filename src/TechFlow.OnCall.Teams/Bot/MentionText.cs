using System.Text.RegularExpressions;
using TechFlow.OnCall.Teams.Activities;

namespace TechFlow.OnCall.Teams.Bot;

/// <summary>Turns a Teams message into the command text the core understands.</summary>
public static partial class MentionText
{
    /// <summary>
    /// The command in <paramref name="activity"/>, or null when the message is not for the bot: personal chats
    /// always are; elsewhere the bot must be @mentioned or the text must start with <c>oncall</c>.
    /// The bot's <c>&lt;at&gt;…&lt;/at&gt;</c> mention text and a leading <c>oncall</c> or <c>/oncall</c> are removed. A mention of
    /// someone else becomes what <paramref name="reference"/> gives for them (an engineer reference such as
    /// <c>@lisa-wang</c>), or its plain text when it gives nothing.
    /// </summary>
    public static string? Command(Activity activity, Func<ChannelAccount, string?>? reference = null)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        var mentioned = false;
        foreach (var mention in activity.Entities ?? [])
        {
            if (!string.Equals(mention.Type, "mention", StringComparison.OrdinalIgnoreCase) || mention.Text is not { Length: > 0 } at)
            {
                continue;
            }

            if (botId is not null && string.Equals(mention.Mentioned?.Id, botId, StringComparison.Ordinal))
            {
                mentioned = true;
                text = text.Replace(at, " ", StringComparison.Ordinal);
            }
            else if (mention.Mentioned is { } person && reference?.Invoke(person) is { } translated)
            {
                text = text.Replace(at, translated, StringComparison.Ordinal);
            }
        }

        text = AtTag().Replace(text, m => m.Groups[1].Value);
        text = System.Net.WebUtility.HtmlDecode(text);
        text = Spaces().Replace(text, " ").Trim();
        var prefixed = Prefix().Match(text);
        if (prefixed.Success)
        {
            text = text[prefixed.Length..].Trim();
        }

        var personal = string.Equals(activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase)
            || (activity.Conversation?.ConversationType is null && activity.Conversation?.IsGroup != true);
        return personal || mentioned || prefixed.Success ? text : null;
    }

    [GeneratedRegex("<at>(.*?)</at>", RegexOptions.IgnoreCase)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^/?oncall\b[:,]?", RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();
}
