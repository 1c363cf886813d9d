using TechFlow.OnCall.Core.Paging;
using static TechFlow.OnCall.Core.Tests.Paging.PagingTestKit;

namespace TechFlow.OnCall.Core.Tests.Paging;

public class PageStatsHandlerTests
{
    [Theory]
    [InlineData("", "2026-11-01")]
    [InlineData("2026-10", "2026-10-01")]
    [InlineData("october", "2026-10-01")]
    [InlineData("Feb 2025", "2025-02-01")]
    [InlineData("last month", "2026-10-01")]
    public void ParseMonth_KnownForms_GiveTheFirstOfTheMonth(string text, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), PageStatsHandler.ParseMonth(text, new DateOnly(2026, 11, 23)));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("someday")]
    public void ParseMonth_Unknown_IsNull(string text) => Assert.Null(PageStatsHandler.ParseMonth(text, new DateOnly(2026, 11, 23)));

    [Fact]
    public void Median_EvenCount_AveragesTheMiddleTwo()
    {
        TimeSpan?[] values = [TimeSpan.FromMinutes(10), null, TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(40)];

        Assert.Equal(TimeSpan.FromMinutes(25), PageStatistics.Median(values));
        Assert.Null(PageStatistics.Median([null]));
    }

    [Fact]
    public async Task AskAsync_Stats_ShowsPagesMediansAgainstTargetsAndLoad()
    {
        using var bot = CreateBot(Monday);
        var first = await OpenAsync(bot);
        bot.Time.SetUtcNow(Monday.AddMinutes(10));
        await bot.AskAsync($"/oncall ack {first.Id}", Primary);
        bot.Time.SetUtcNow(Monday.AddMinutes(70));
        await bot.AskAsync($"/oncall resolve {first.Id}", Primary);
        await bot.AskAsync("/oncall page aggregate profit late again", "sarah-johnson");
        var second = bot.Store.Set<Page>().All().Single(p => p.Id != first.Id);
        bot.Time.SetUtcNow(Monday.AddMinutes(100));
        await bot.AskAsync($"/oncall ack {second.Id}", Primary);
        bot.Time.SetUtcNow(Monday.AddHours(7));
        await bot.AskAsync($"/oncall resolve {second.Id}", Primary);

        var text = await bot.AskTextAsync("/oncall stats", Primary);

        Assert.Contains("Paging stats for November 2026", text);
        Assert.Contains("2 pages.", text);
        Assert.Matches(@"Median time to acknowledge:\s+20 minutes \(target 15 minutes: missed\)", text);
        Assert.Matches(@"Median time to resolve:\s+3 hours, 30 minutes \(target 4 hours: met\)", text);
        Assert.Contains("Aggregate Profit", text);
        Assert.Matches(@"Mike Rodriguez: \d+(\.\d)? h primary", text);
    }

    [Fact]
    public async Task AskAsync_StatsForAMonthWithoutPages_SaysSo()
    {
        using var bot = CreateBot(Monday);

        var text = await bot.AskTextAsync("/oncall stats 2026-01", Primary);

        Assert.Contains("No pages this month.", text);
        Assert.Matches(@"Median time to acknowledge:\s+no data", text);
    }
}
