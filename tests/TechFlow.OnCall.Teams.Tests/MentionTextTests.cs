using TechFlow.OnCall.Teams.Activities;
using TechFlow.OnCall.Teams.Bot;

namespace TechFlow.OnCall.Teams.Tests;

public sealed class MentionTextTests
{
    private const string Bot = "28:bot";

    private static Activity Message(string text, string type, bool mentionBot) => new()
    {
        Type = "message",
        Text = text,
        Recipient = new ChannelAccount { Id = Bot },
        Conversation = new ConversationAccount { Id = "c", ConversationType = type, IsGroup = type != "personal" },
        Entities = mentionBot ? [new ActivityEntity { Type = "mention", Mentioned = new ChannelAccount { Id = Bot }, Text = "<at>On-call</at>" }] : [],
    };

    [Theory]
    [InlineData("<at>On-call</at> who is on call for profit", "channel", true, "who is on call for profit")]
    [InlineData("<at>On-call</at>   oncall owners growth", "groupChat", true, "owners growth")]
    [InlineData("oncall schedule", "channel", false, "schedule")]
    [InlineData("/oncall help", "groupChat", false, "help")]
    [InlineData("who is on call?", "personal", false, "who is on call?")]
    [InlineData("oncall: escalation profit", "personal", false, "escalation profit")]
    [InlineData("is <at>Sarah Johnson</at> on call &amp; free", "personal", false, "is Sarah Johnson on call & free")]
    public void Command_ForTheBot_StripsMentionAndPrefix(string text, string type, bool mention, string expected) =>
        Assert.Equal(expected, MentionText.Command(Message(text, type, mention)));

    [Theory]
    [InlineData("lunch anyone?", "channel")]
    [InlineData("oncallers unite", "groupChat")]
    public void Command_NotForTheBot_IsNull(string text, string type) =>
        Assert.Null(MentionText.Command(Message(text, type, mentionBot: false)));
}
