using TechFlow.OnCall.Core.Swaps;

namespace TechFlow.OnCall.Core.Tests.Swaps;

public class SwapKeysTests
{
    /// <summary>Stores hold these keys already: a different spelling would post a request or reminder again.</summary>
    [Fact]
    public void Keys_AreSpelledAsStoresAlreadyHoldThem()
    {
        Assert.Equal(
            [
                "swap:k7m2qp:request:dm", "swap:k7m2qp:request:dm-requester", "swap:k7m2qp:request:channel",
                "swap:k7m2qp:approved:dm:lisa-wang", "swap:k7m2qp:approved:channel",
                "swap:k7m2qp:reminder:202612021505", "swap:k7m2qp:reminder", "swap:k7m2qp:manager", "swap:k7m2qp:2",
            ],
            [
                SwapKeys.RequestDirect("k7m2qp"), SwapKeys.RequestToRequester("k7m2qp"), SwapKeys.RequestChannel("k7m2qp"),
                SwapKeys.OutcomeDirect("k7m2qp", "approved", "lisa-wang"), SwapKeys.OutcomeChannel("k7m2qp", "approved"),
                SwapKeys.Reminder("k7m2qp", new DateTimeOffset(2026, 12, 2, 15, 5, 30, TimeSpan.Zero)), SwapKeys.Reminder("k7m2qp"),
                SwapKeys.ManagerWarning("k7m2qp"), SwapKeys.Override("k7m2qp", 2),
            ]);
    }
}
