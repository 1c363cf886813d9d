using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Conversation;

public class HolidaysHandlerTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Holidays_2027_ListsObservedDatesAndMajors()
    {
        using var bot = TestBot.Create(Monday);

        var text = await bot.AskTextAsync("/oncall holidays 2027");

        Assert.Contains("Thanksgiving", text);
        Assert.Contains("Mon Jul 5, 2027", text);
        Assert.Contains("observed for Sun Jul 4", text);
    }

    [Fact]
    public async Task Add_AdminCompanyHoliday_StoredAndListed()
    {
        using var bot = TestBot.Create(Monday);

        var reply = await bot.AskAsync("/oncall holidays add 2026-12-24 Christmas Eve", "alex-chen");
        var text = await bot.AskTextAsync("/oncall holidays 2026");

        Assert.Equal(ReplyTone.Success, reply.Tone);
        Assert.NotNull(bot.Store.Set<Holiday>().Get("company:2026-12-24"));
        Assert.Contains("Christmas Eve", text);
    }

    [Theory]
    [InlineData("/oncall holidays add 2026-12-24 Christmas Eve", "lisa-wang")]
    [InlineData("/oncall holidays add 2026-12-32 Christmas Eve", "alex-chen")]
    [InlineData("/oncall holidays add 2026-12-24", "alex-chen")]
    public async Task Add_BadInputOrNotAdmin_ErrorAndNothingStored(string text, string asker)
    {
        using var bot = TestBot.Create(Monday);

        var reply = await bot.AskAsync(text, asker);

        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Equal(0, bot.Store.Set<Holiday>().Count());
    }
}
