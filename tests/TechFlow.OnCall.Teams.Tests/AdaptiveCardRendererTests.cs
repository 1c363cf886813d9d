using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Teams.Cards;
using TechFlow.OnCall.Teams.Tests.Support;
using TechFlow.OnCall.Teams;

namespace TechFlow.OnCall.Teams.Tests;

public sealed class AdaptiveCardRendererTests
{
    private static Reply FullReply()
    {
        var alex = new Engineer { Id = "alex-chen", Name = "Alex Chen" };
        var builder = new ReplyBuilder().Heading("On call for Aggregate Profit").Tone(ReplyTone.Warning);
        builder.Text($"{builder.Mention(alex)} is primary until Friday 5:00 PM EST.")
            .Field("Secondary", "Sarah Johnson")
            .Field("Investor-facing", "yes")
            .Table(["Week", "Primary", "Secondary"], [["Nov 23", "Alex Chen", "Sarah Johnson"], ["Nov 30", "Mike Rodriguez", ""]])
            .Context("Times are Eastern")
            .Button("Approve", "swap-approve", "swap-42", ButtonStyle.Primary)
            .Button("Decline", "swap-decline", "swap-42", ButtonStyle.Danger);
        return builder.Build();
    }

    [Fact]
    public void Render_FullReply_HasEveryPartInCardOrder()
    {
        var card = AdaptiveCardRenderer.Render(FullReply());

        Assert.Equal("1.5", (string?)card["version"]);
        var body = card["body"]!.AsArray();
        Assert.Equal(["TextBlock", "TextBlock", "FactSet", "ColumnSet", "ColumnSet", "ColumnSet", "TextBlock"], body.Select(b => (string?)b!["type"]));
        Assert.Equal("heading", (string?)body[0]!["style"]);
        Assert.Equal("Alex Chen is primary until Friday 5:00 PM EST.", (string?)body[1]!["text"]);
        Assert.Equal("Warning", (string?)body[1]!["color"]);
        Assert.Equal("Secondary", (string?)body[2]!["facts"]![0]!["title"]);
        Assert.Equal("Mike Rodriguez", (string?)body[5]!["columns"]![1]!["items"]![0]!["text"]);
        Assert.True((bool)body[6]!["isSubtle"]!);
        var approve = card["actions"]![0]!;
        Assert.Equal("Action.Execute", (string?)approve["type"]);
        Assert.Equal("swap-approve", (string?)approve["verb"]);
        Assert.Equal("swap-42", (string?)approve["data"]!["value"]);
        Assert.Equal("positive", (string?)approve["style"]);
        Assert.Equal("destructive", (string?)card["actions"]![1]!["style"]);
        Assert.Null(card["msteams"]);
    }

    [Fact]
    public void Render_PersonWithATeamsAccount_IsMentionedWhereverNamed_WithOneEntity()
    {
        var alex = new Engineer { Id = "alex-chen", Name = "Alex Chen", TeamsUserId = "29:alex" };
        var builder = new ReplyBuilder().Heading("Page for Aggregate Profit");
        builder.Text($"{builder.Mention(alex)}, please acknowledge.").Field("Primary", builder.Mention(alex));

        var card = AdaptiveCardRenderer.Render(builder.Build());

        Assert.Equal("<at>Alex Chen</at>, please acknowledge.", (string?)card["body"]![1]!["text"]);
        Assert.Equal("<at>Alex Chen</at>", (string?)card["body"]![2]!["facts"]![0]!["value"]);
        var mention = Assert.Single(card["msteams"]!["entities"]!.AsArray())!;
        Assert.Equal("mention", (string?)mention["type"]);
        Assert.Equal("<at>Alex Chen</at>", (string?)mention["text"]);
        Assert.Equal("29:alex", (string?)mention["mentioned"]!["id"]);
        Assert.Equal("Alex Chen", (string?)mention["mentioned"]!["name"]);
        var (code, output) = Validators.Card(ReplyActivity.Message(builder.Build()).ToJsonString());
        Assert.True(code == 0, output);
    }

    [Fact]
    public void Render_TwoPeopleWithOneName_MentionsTheFirstAndNamesTheSecond()
    {
        var first = new Engineer { Id = "sam-lee", Name = "Sam Lee", TeamsUserId = "29:sam1" };
        var second = new Engineer { Id = "sam-lee-2", Name = "Sam Lee", TeamsUserId = "29:sam2" };
        var nobody = new Engineer { Id = "mike-rodriguez", Name = "Mike Rodriguez" };
        var builder = new ReplyBuilder();
        builder.Text($"{builder.Mention(first)} hands over to {builder.Mention(second)}; {builder.Mention(nobody)} is secondary.");

        var card = AdaptiveCardRenderer.Render(builder.Build());

        Assert.Equal("<at>Sam Lee</at> hands over to Sam Lee; Mike Rodriguez is secondary.", (string?)card["body"]![0]!["text"]);
        var mention = Assert.Single(card["msteams"]!["entities"]!.AsArray())!;
        Assert.Equal("29:sam1", (string?)mention["mentioned"]!["id"]);
    }

    [Fact]
    public void Message_FullReply_CarriesPlainTextFallbackAndCard()
    {
        var reply = FullReply();

        var activity = ReplyActivity.Message(reply);

        Assert.Equal(PlainTextRenderer.Render(reply, TeamsFrontEnd.CommandPrefix).TrimEnd(), (string?)activity["text"]);
        Assert.DoesNotContain("<@", (string?)activity["text"], StringComparison.Ordinal);
        Assert.Equal(AdaptiveCardRenderer.ContentType, (string?)activity["attachments"]![0]!["contentType"]);
    }

    [Fact]
    public void Message_FullAndMinimalReplies_PassTheAdaptiveCardValidator()
    {
        var full = Validators.Card(ReplyActivity.Message(FullReply()).ToJsonString());
        var minimal = Validators.Card(ReplyActivity.Message(Reply.Error("That pipeline does not exist.")).ToJsonString());

        Assert.True(full.ExitCode == 0, full.Output);
        Assert.True(minimal.ExitCode == 0, minimal.Output);
    }

    [Fact]
    public void Validator_BrokenCard_Fails()
    {
        var card = AdaptiveCardRenderer.Render(FullReply());
        card["body"]![2]!["type"] = "FactSett";

        var (code, _) = Validators.Card(card.ToJsonString());

        Assert.NotEqual(0, code);
    }
}
