using System.Text;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Testing;

namespace TechFlow.OnCall.Core.Tests.Pipelines;

/// <summary>
/// A 10 KB text used to cost a minute or more of CPU (every prefix built and scored). The guard below only catches
/// that kind of blow-up; the speed target (under 50 ms) is measured in benchmarks/, not here.
/// </summary>
public sealed class PipelineCatalogLongTextTests : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);
    private readonly TestBot _bot = TestBot.Create(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));

    public void Dispose() => _bot.Dispose();

    private static string TenKilobytes(string seed)
    {
        var sb = new StringBuilder();
        while (sb.Length < 10 * 1024)
        {
            sb.Append(seed).Append(' ');
        }

        return sb.ToString(0, 10 * 1024);
    }

    [Fact]
    public async Task Match_TenKilobytesOfUnknownWords_NotFoundWithoutHanging()
    {
        var match = await Task.Run(() => _bot.Get<PipelineCatalog>().Match(TenKilobytes("lorem ipsum dolor sit amet"))).WaitAsync(HangGuard);

        Assert.IsType<PipelineMatch.NotFound>(match);
    }

    [Fact]
    public async Task Match_TenKilobytesOfOneSharedWord_AmbiguousWithoutHanging()
    {
        var match = await Task.Run(() => _bot.Get<PipelineCatalog>().Match(TenKilobytes("profit").Trim())).WaitAsync(HangGuard);

        Assert.Equal(["aggregate-profit", "unit-profit"], Assert.IsType<PipelineMatch.Ambiguous>(match).Candidates.Select(p => p.Id).Order());
    }

    [Fact]
    public async Task Match_PipelineThenTenKilobytes_FoundWithTheRestWithoutHanging()
    {
        var tail = TenKilobytes("numbers missing again");
        var match = await Task.Run(() => _bot.Get<PipelineCatalog>().Match("aggregate profit " + tail)).WaitAsync(HangGuard);

        var found = Assert.IsType<PipelineMatch.Found>(match);
        Assert.Equal("aggregate-profit", found.Pipeline.Id);
        Assert.StartsWith("numbers missing again", found.Rest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_TextOverTheCap_ClearAnswerAndNothingChanged()
    {
        var reply = await _bot.AskAsync("page aggregate profit " + TenKilobytes("numbers missing"));

        var text = PlainTextRenderer.Render(reply, TestFrontEnds.Chat.CommandPrefix);
        Assert.Contains("I read at most 4,000", text, StringComparison.Ordinal);
        Assert.Equal(ReplyTone.Error, reply.Tone);
        Assert.Empty(_bot.Store.Set<Core.Paging.Page>().All());
    }
}
