using TechFlow.OnCall.Core.Paging;

namespace TechFlow.OnCall.Core.Tests.Paging;

public class PageKeysTests
{
    /// <summary>Stores and schedulers hold these keys already: a different spelling would page someone twice.</summary>
    [Fact]
    public void Keys_AreSpelledAsStoresAlreadyHoldThem()
    {
        Assert.Equal(
            [
                "page:k7m2qx:L1:dm", "page:k7m2qx:L2:channel", "page:k7m2qx:L4:r2", "page:k7m2qx:acknowledged:channel",
                "k7m2qx:3:1", "aggregate-profit|job failed",
            ],
            [
                PageKeys.Direct("k7m2qx", 1), PageKeys.Channel("k7m2qx", 2), PageKeys.Repeat("k7m2qx", 4, 2),
                PageKeys.ChannelUpdate("k7m2qx", PageStatus.Acknowledged), PageKeys.NextStep("k7m2qx", 3, 1),
                PageKeys.Dedupe("aggregate-profit", "Job  FAILED"),
            ]);
    }
}
