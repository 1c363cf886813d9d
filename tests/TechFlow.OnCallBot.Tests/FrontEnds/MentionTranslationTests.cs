using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Slack.Identity;
using TechFlow.OnCall.Teams.Activities;
using TechFlow.OnCall.Teams.Bot;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCallBot.Tests.FrontEnds;

/// <summary>A person mentioned in Slack or in Teams reaches the core as one engineer reference.</summary>
public sealed class MentionTranslationTests : IDisposable
{
    private const string Bot = "28:oncall-bot";
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly TestBot _bot = TestBot.Create(Monday);

    public MentionTranslationTests()
    {
        var lisa = _bot.Get<RosterService>().Find("lisa-wang")!;
        _bot.Store.Write(tx => tx.Set<Engineer>().Upsert(lisa with { SlackUserId = "U0LISA", TeamsUserId = "29:lisa" }));
    }

    [Theory]
    [InlineData("swap next with {0}", "swap next with @lisa-wang")]
    [InlineData("cover 2026-12-24 2026-12-26 {0}", "cover 2026-12-24 2026-12-26 @lisa-wang")]
    [InlineData("timeoff add 2027-05-03 2027-05-07 {0} conference", "timeoff add 2027-05-03 2027-05-07 @lisa-wang conference")]
    [InlineData("timeoff list {0}", "timeoff list @lisa-wang")]
    [InlineData("link {0} @U0NEWLISA", "link @lisa-wang @U0NEWLISA")]
    public void SlackAndTeamsMentions_InACommand_ReachTheCoreAsTheSameEngineerReference(string command, string expected)
    {
        var fromSlack = Slack(string.Format(System.Globalization.CultureInfo.InvariantCulture, command, "<@U0LISA>"));
        var fromSlackWithName = Slack(string.Format(System.Globalization.CultureInfo.InvariantCulture, command, "<@U0LISA|lisa>"));
        var fromTeams = Teams(string.Format(System.Globalization.CultureInfo.InvariantCulture, command, "<at>Lisa Wang</at>"), "29:lisa", "Lisa Wang");

        Assert.Equal(expected, fromSlack);
        Assert.Equal(expected, fromSlackWithName);
        Assert.Equal(expected, fromTeams);
    }

    [Fact]
    public async Task TimeOff_ForAMentionedEngineer_IsStoredForThemFromEitherPlatform()
    {
        var fromSlack = await _bot.AskAsync(Slack("timeoff add 2027-05-03 2027-05-07 <@U0LISA> conference"), "jordan-blake");
        var fromTeams = await _bot.AskAsync(Teams("timeoff add 2027-06-07 2027-06-11 <at>Lisa Wang</at> offsite", "29:lisa", "Lisa Wang"), "jordan-blake");

        Assert.Equal(ReplyTone.Success, fromSlack.Tone);
        Assert.Equal(ReplyTone.Success, fromTeams.Tone);
        Assert.All(_bot.Store.Set<TimeOff>().All(), t => Assert.Equal("lisa-wang", t.EngineerId));
        Assert.Equal(2, _bot.Store.Set<TimeOff>().Count());
    }

    [Fact]
    public void Mentions_OfUnlinkedPeople_BecomeTheirAccountForLinking()
    {
        Assert.Equal("link mike @U0NEW", Slack("link mike <@U0NEW|new.person>"));
        Assert.Equal("link mike @teams:29:new", Teams("link mike <at>New Person</at>", "29:new", "New Person"));
    }

    [Fact]
    public async Task Link_MentionedSlackUserNotYetLinked_LinksThatAccount()
    {
        var reply = await _bot.AskTextAsync(Slack("link mike <@U0NEWMIKE|mike>"), "jordan-blake");

        Assert.Contains("Linked Slack user U0NEWMIKE to Mike Rodriguez", reply, StringComparison.Ordinal);
        Assert.Equal("U0NEWMIKE", _bot.Get<RosterService>().Find("mike-rodriguez")!.SlackUserId);
    }

    [Fact]
    public async Task Link_MentionedTeamsUserNotYetLinked_LinksThatAccount()
    {
        var reply = await _bot.AskTextAsync(Teams("link mike <at>Mike R</at>", "29:newmike", "Mike R"), "jordan-blake");

        Assert.Contains("Linked Teams user 29:newmike to Mike Rodriguez", reply, StringComparison.Ordinal);
        Assert.Equal("29:newmike", _bot.Get<RosterService>().Find("mike-rodriguez")!.TeamsUserId);
    }

    public void Dispose() => _bot.Dispose();

    private string Slack(string text) => SlackMentions.Translate(text, _bot.Get<RosterService>().BySlackId);

    private string Teams(string text, string memberId, string memberName)
    {
        var activity = new Activity
        {
            Type = "message",
            Text = text,
            Recipient = new ChannelAccount { Id = Bot },
            Conversation = new ConversationAccount { Id = "a:personal", ConversationType = "personal" },
            Entities = [new ActivityEntity { Type = "mention", Mentioned = new ChannelAccount { Id = memberId, Name = memberName }, Text = $"<at>{memberName}</at>" }],
        };
        return MentionText.Command(activity, m => TeamsMentions.Reference(m, _bot.Get<RosterService>()))!;
    }
}
