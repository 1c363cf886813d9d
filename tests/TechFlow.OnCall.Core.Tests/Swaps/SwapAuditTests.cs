using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Swaps;
using TechFlow.OnCall.Testing;
using static TechFlow.OnCall.Core.Tests.Swaps.SwapTestKit;

namespace TechFlow.OnCall.Core.Tests.Swaps;

/// <summary>The audit trail's lines, which history shows: keyed by request and action, worded by the swap copy.</summary>
public class SwapAuditTests
{
    [Fact]
    public async Task Record_RequestApproveUndo_OneLinePerActionWorded()
    {
        using var bot = TestBot.Create(Monday);
        var (request, requester, counterpart) = await RequestSwapAsync(bot);
        await bot.PressAsync(SwapMessages.Approve, request.Id, counterpart);
        await bot.PressAsync(SwapMessages.Undo, request.Id, requester);
        var roster = bot.Get<RosterService>();

        var lines = bot.Store.Set<SwapAuditEntry>().Find(a => a.RequestId == request.Id).ToDictionary(a => a.Id, a => a.Summary);

        Assert.Equal(
            new Dictionary<string, string>
            {
                [$"{request.Id}:requested"] = $"swap requested from {roster.Find(counterpart)!.Name}",
                [$"{request.Id}:approved"] = $"approved: {roster.Find(counterpart)!.Name} takes {roster.Find(requester)!.Name}'s primary shift",
                [$"{request.Id}:undone"] = "undone: the original schedule is back",
            },
            lines);
    }
}
