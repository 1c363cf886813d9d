using TechFlow.OnCall.Core.Paging;
using static TechFlow.OnCall.Core.Tests.Paging.PagingTestKit;

namespace TechFlow.OnCall.Core.Tests.Paging;

/// <summary>Two bots in sequence on one store file: the second is the host started again after a stop.</summary>
public sealed class PageRestartTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"paging-restart-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task RunDueAsync_RestartMidLevel_EscalatesAfterTheRemainingWaitOnce()
    {
        string id;
        using (var before = CreateBot(Monday, _path))
        {
            id = (await OpenAsync(before)).Id;
            await RunAtAsync(before, 10);
        }

        using var after = CreateBot(Monday.AddMinutes(20), _path);
        await RunAtAsync(after, 20);
        await RunAtAsync(after, 29);
        Assert.Equal(2, PageMessages(after).Count);

        await RunAtAsync(after, 30);
        await RunAtAsync(after, 30);

        Assert.Equal(
            [
                $"page:{id}:L1:dm -> {Primary}",
                $"page:{id}:L1:channel -> channel",
                $"page:{id}:L2:dm -> {Secondary}",
                $"page:{id}:L2:channel -> channel",
            ],
            Sent(after));
        Assert.Equal(Monday.AddMinutes(75), SinglePage(after).NextEscalationAt);
    }

    [Fact]
    public async Task RunDueAsync_RestartRightAfterAnEscalation_DoesNotRepeatIt()
    {
        string id;
        using (var before = CreateBot(Monday, _path))
        {
            id = (await OpenAsync(before)).Id;
            await RunAtAsync(before, 30);
        }

        using var after = CreateBot(Monday.AddMinutes(30), _path);
        await RunAtAsync(after, 30);
        await RunAtAsync(after, 74);

        Assert.Equal(4, PageMessages(after).Count);
        await RunAtAsync(after, 75);
        Assert.Equal($"page:{id}:L3:channel -> channel", Sent(after)[^1]);
        Assert.Equal(6, PageMessages(after).Count);
    }

    [Fact]
    public async Task RunDueAsync_LongOutage_PagesTheNextLevelOnceWithItsFullWait()
    {
        string id;
        using (var before = CreateBot(Monday, _path))
        {
            id = (await OpenAsync(before)).Id;
        }

        using var after = CreateBot(Monday.AddMinutes(100), _path);
        await RunAtAsync(after, 100);
        await RunAtAsync(after, 101);

        Assert.Equal(
            [
                $"page:{id}:L1:dm -> {Primary}",
                $"page:{id}:L1:channel -> channel",
                $"page:{id}:L2:dm -> {Secondary}",
                $"page:{id}:L2:channel -> channel",
            ],
            Sent(after));
        Assert.Equal(Monday.AddMinutes(145), SinglePage(after).NextEscalationAt);
    }

    [Fact]
    public async Task Acknowledge_BeforeRestart_StaysAcknowledgedAfter()
    {
        using (var before = CreateBot(Monday, _path))
        {
            var page = await OpenAsync(before);
            before.Time.SetUtcNow(Monday.AddMinutes(3));
            await before.PressAsync(PageCards.AcknowledgeAction, page.Id, Primary);
        }

        using var after = CreateBot(Monday.AddHours(5), _path);
        await RunAtAsync(after, 300);

        Assert.Equal(PageStatus.Acknowledged, SinglePage(after).Status);
        Assert.Equal(3, PageMessages(after).Count);
    }

    public void Dispose()
    {
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_path)!, Path.GetFileNameWithoutExtension(_path) + "*"))
        {
            File.Delete(file);
        }
    }
}
