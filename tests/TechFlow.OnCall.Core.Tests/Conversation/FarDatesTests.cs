using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Conversation;

/// <summary>Dates at the edge of the calendar used to answer "Something went wrong".</summary>
public sealed class FarDatesTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("/oncall 9999-12-31T23:59")]
    [InlineData("/oncall at 9999-12-31T23:59")]
    [InlineData("/oncall 9999-12-31")]
    [InlineData("/oncall 0001-01-01T00:00")]
    [InlineData("/oncall agg profit 9999-12-31T23:59")]
    [InlineData("/oncall at 2500-06-01")]
    public async Task AskAsync_DateOutsideTheCalendar_ClearWarningNotAnError(string text)
    {
        using var bot = TestBot.Create(Monday);

        var reply = await bot.AskAsync(text);

        var answer = PlainTextRenderer.Render(reply, TestFrontEnds.Chat.CommandPrefix);
        Assert.Equal(ReplyTone.Warning, reply.Tone);
        Assert.DoesNotContain("Something went wrong", answer, StringComparison.Ordinal);
        Assert.Contains($"{WhenParser.FirstYear} to {WhenParser.LastYear}", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_LastDayOfTheRange_Answers()
    {
        using var bot = TestBot.Create(Monday);

        var reply = await bot.AskAsync("/oncall at 2199-12-31");

        Assert.NotEqual(ReplyTone.Error, reply.Tone);
        Assert.Contains("On call", PlainTextRenderer.Render(reply, TestFrontEnds.Chat.CommandPrefix), StringComparison.Ordinal);
    }
}
