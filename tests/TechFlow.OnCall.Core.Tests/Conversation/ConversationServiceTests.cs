using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Conversation;

public class ConversationServiceTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("/oncall agg proft")]
    [InlineData("/oncall aggregat profit")]
    [InlineData("who is on call for agregate profit?")]
    public async Task AskAsync_MisspelledPipeline_SuggestsAggregateProfit(string text)
    {
        using var bot = TestBot.Create(Monday);

        var reply = await bot.AskAsync(text);

        Assert.Contains("Did you mean Aggregate Profit", PlainTextRenderer.Render(reply, TestFrontEnds.Chat.CommandPrefix));
        Assert.Equal(ReplyTone.Warning, reply.Tone);
    }

    [Theory]
    [InlineData("/oncall daily grwoth", "Did you mean Daily Growth?")]
    [InlineData("/oncall exec dashbord", "Did you mean Executive & Investor Aggregate?")]
    public async Task AskAsync_MisspelledSecondWord_SuggestsThePipelineNotJustATimeError(string text, string suggestion)
    {
        using var bot = TestBot.Create(Monday);

        var answer = await bot.AskTextAsync(text);

        Assert.Contains(suggestion, answer);
        Assert.DoesNotContain("Primary:", answer);
    }

    [Fact]
    public async Task AskAsync_HyphenatedPipelineWithTime_ReadsTheWholeTime()
    {
        using var bot = TestBot.Create(Monday);

        var text = await bot.AskTextAsync("/oncall unit-level profit friday 5pm");

        Assert.Contains("Unit-level Profit: on call Friday 5:00 PM EST", text);
    }

    [Fact]
    public async Task AskAsync_AmbiguousPipeline_ListsTheCandidates()
    {
        using var bot = TestBot.Create(Monday);

        var text = await bot.AskTextAsync("/oncall profit");

        Assert.Contains("fits", text);
        Assert.Contains("Unit-level Profit", text);
        Assert.Contains("Aggregate Profit", text);
        Assert.Contains("Which one?", text);
    }

    [Theory]
    [InlineData("/oncall frobnicate")]
    [InlineData("/oncall xyzzy plugh")]
    public async Task AskAsync_UnknownCommand_PointsToHelp(string text)
    {
        using var bot = TestBot.Create(Monday);

        var answer = await bot.AskTextAsync(text);

        Assert.Contains("/oncall help", answer);
        Assert.DoesNotContain("Primary:", answer);
    }

    [Fact]
    public async Task AskAsync_Help_ListsEveryCommandWithAnExample()
    {
        using var bot = TestBot.Create(Monday);

        var text = await bot.AskTextAsync("/oncall help");

        foreach (var command in new[] { "/oncall at", "/oncall owners", "/oncall schedule", "/oncall escalation" })
        {
            Assert.Contains(command, text);
        }
    }

    [Theory]
    [InlineData("who is on call for aggregate profit?", "/oncall aggregate profit")]
    [InlineData("Who's on call for agg profit", "/oncall aggregate profit")]
    [InlineData("who's on call tomorrow", "/oncall at tomorrow")]
    [InlineData("who is on call?", "/oncall")]
    [InlineData("who owns daily growth", "/oncall owners daily growth")]
    [InlineData("what's the escalation for agg growth", "/oncall escalation aggregate growth")]
    [InlineData("what's the schedule?", "/oncall schedule")]
    [InlineData("what can you do?", "/oncall help")]
    public async Task AskAsync_PlainQuestion_GivesTheCommandsAnswer(string question, string command)
    {
        using var bot = TestBot.Create(Monday);

        var fromQuestion = await bot.AskTextAsync(question);
        var fromCommand = await bot.AskTextAsync(command);

        Assert.Equal(fromCommand, fromQuestion);
        Assert.DoesNotContain("I don't know", fromQuestion);
    }

    [Fact]
    public async Task AskAsync_PipelineQuestion_NamesCurrentPrimarySecondaryAndOwners()
    {
        using var bot = TestBot.Create(Monday);
        var shift = bot.Get<ScheduleService>().ShiftAt(Monday)!;
        var roster = bot.Get<RosterService>();

        var text = await bot.AskTextAsync("who is on call for Aggregate Profit?");

        Assert.Contains($"Primary: {roster.Find(shift.PrimaryId)!.Name} until Friday 5:00 PM EST, in 4 days", text);
        Assert.Contains($"Secondary: {roster.Find(shift.SecondaryId)!.Name} until Friday 5:00 PM EST", text);
        Assert.Contains("Owners:       Alex Chen (primary), Sarah Johnson (secondary)", text);
        Assert.Contains("Investor-facing", text);
        Assert.Contains("Month-end investor period (Mon Nov 23 – Mon Nov 30)", text);
        Assert.Contains("4. Jordan Blake (engineering manager, 2 hours)", text);
    }

    [Fact]
    public async Task AskAsync_ExperimentPipelineOutsideInvestorPeriod_HasNoInvestorNotes()
    {
        using var bot = TestBot.Create(new DateTimeOffset(2026, 11, 10, 15, 0, 0, TimeSpan.Zero));

        var text = await bot.AskTextAsync("/oncall daily growth");

        Assert.Contains("Daily Growth: on call now", text);
        Assert.DoesNotContain("Investor-facing", text);
        Assert.DoesNotContain("investor period", text);
    }

    [Theory]
    [InlineData("/oncall agg proft")]
    [InlineData("/oncall profit")]
    [InlineData("/oncall frobnicate")]
    [InlineData("/oncall at someday")]
    [InlineData("/oncall aggregate profit someday")]
    [InlineData("/oncall schedule banana weeks")]
    [InlineData("/oncall owners nothing-like-it")]
    [InlineData("/oncall escalation nothing-like-it")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/oncall at 2026-13-45")]
    [InlineData("<script>alert(1)</script>")]
    public async Task AskAsync_BadInput_ChangesNothingStored(string text)
    {
        using var bot = TestBot.Create(Monday);
        var before = Snapshot(bot.Store);

        var reply = await bot.AskAsync(text, "alex-chen");

        var answer = PlainTextRenderer.Render(reply, TestFrontEnds.Chat.CommandPrefix);
        Assert.Equal(before, Snapshot(bot.Store));
        Assert.DoesNotContain("Something went wrong", answer);
        Assert.NotEmpty(answer.Trim());
    }

    [Fact]
    public async Task AskAsync_HandlerThrows_AnswersWithoutTheException()
    {
        using var bot = TestBot.Create(Monday, configure: s => s.AddSingleton<ICommandHandler, ThrowingHandler>());

        var reply = await bot.AskAsync("/oncall boom");

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.DoesNotContain("secret detail", PlainTextRenderer.Render(reply, TestFrontEnds.Chat.CommandPrefix));
        Assert.Contains("Nothing was changed", PlainTextRenderer.Render(reply, TestFrontEnds.Chat.CommandPrefix));
    }

    [Fact]
    public async Task ActAsync_UnknownButton_SaysSoAndChangesNothing()
    {
        using var bot = TestBot.Create(Monday);
        var before = Snapshot(bot.Store);

        var result = await bot.PressAsync("no-such-action", "forged-value", "alex-chen");

        Assert.Null(result.Replacement);
        Assert.Contains("Nothing was changed", result.Notice);
        Assert.Equal(before, Snapshot(bot.Store));
    }

    [Fact]
    public async Task AskAsync_EmptyStore_ExplainsHowToAddATeam()
    {
        using var bot = TestBot.Create(Monday, new Dictionary<string, string?> { ["Store:Seed"] = "none" });

        var text = await bot.AskTextAsync("who is on call?");

        Assert.Contains("No team yet", text);
        Assert.Contains("reseed", text);
    }

    private static string Snapshot(IOnCallStore store) => string.Join('\n',
        Dump<Engineer>(store), Dump<Stakeholder>(store), Dump<Pipeline>(store), Dump<EscalationPolicy>(store),
        Dump<Shift>(store), Dump<ScheduleOverride>(store), Dump<TimeOff>(store), Dump<Holiday>(store),
        Dump<OutboxMessage>(store), Dump<OutboxDelivery>(store));

    private static string Dump<T>(IOnCallStore store) where T : class
    {
        var all = store.Set<T>().All();
        return $"{typeof(T).Name} {all.Count} {JsonSerializer.Serialize(all)}";
    }

    private sealed class ThrowingHandler : ICommandHandler
    {
        public IReadOnlyList<string> Verbs { get; } = ["boom"];

        public IReadOnlyList<HelpEntry> Help { get; } = [];

        public ValueTask<Reply> HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("secret detail");
    }
}
