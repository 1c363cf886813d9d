using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Slack.Commands;
using TechFlow.OnCall.Slack.Tests.Support;

namespace TechFlow.OnCall.Slack.Tests.Inbound;

/// <summary>
/// Lookup answers are kept for the minute (<see cref="SlashAnswerMemo"/>); a commit or a new minute is never hidden
/// behind a kept answer, and commands that are not lookups are never kept.
/// </summary>
public sealed class SlashAnswerMemoTests : IDisposable
{
    // Monday 2026-11-23 10:00 EST, inside the 2026-11-20 shift.
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private const string Hook = "http://127.0.0.1:9/hooks/memo";
    private readonly FakeTimeProvider _time = new(Monday);
    private readonly SlackHost _host;
    private readonly HttpClient _client;

    public SlashAnswerMemoTests()
    {
        _host = new SlackHost(api: null, _time);
        _client = _host.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
    }

    private SlashAnswerMemo Memo => _host.Services.GetRequiredService<SlashAnswerMemo>();

    private byte[]? Kept(string text) => Memo.Now() is { } stamp ? Memo.Find(stamp, "/oncall", text) : null;

    private async Task<string> AskAsync(string text, string user = "U0GUEST")
    {
        using var response = await _client.SendAsync(SlackSigner.Request("/slack/commands",
            SlackSigner.CommandBody(text, user, Hook), "application/x-www-form-urlencoded", _time.GetUtcNow()));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private static string Text(string json) => JsonNode.Parse(json)!["text"]!.GetValue<string>();

    [Fact]
    public async Task Lookup_AskedAgainInTheSameMinute_AnsweredFromTheKeptBytes()
    {
        Assert.Null(Kept("aggregate profit"));
        var first = await AskAsync("aggregate profit");
        var kept = Kept("aggregate profit");
        _time.Advance(TimeSpan.FromSeconds(30));

        var second = await AskAsync("aggregate profit", "U0OTHER");

        Assert.NotNull(kept);
        Assert.Equal(first, Encoding.UTF8.GetString(kept));
        Assert.Equal(first, second);
        Assert.Same(kept, Kept("aggregate profit"));
    }

    [Fact]
    public async Task Lookup_AfterTimeOffCommittedInTheSameMinute_NamesTheNewHolder()
    {
        var primary = _host.Services.GetRequiredService<EffectiveSchedule>().At(Monday)!.Primary.Holder!;
        Assert.Contains($"Primary: {primary.Name}", Text(await AskAsync("aggregate profit")), StringComparison.Ordinal);

        await _host.Services.GetRequiredService<ConversationService>().AskAsync(
            new BotInput { FrontEnd = SlackFrontEnd.Descriptor, EngineerId = primary.Id, Text = "timeoff add 2026-11-23 2026-11-24 flu" });
        var after = Text(await AskAsync("aggregate profit"));

        Assert.DoesNotContain($"Primary: {primary.Name}", after, StringComparison.Ordinal);
        Assert.Contains("uncovered", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookup_AfterPipelineOwnerChangedInTheSameMinute_NamesTheNewOwner()
    {
        var store = _host.Services.GetRequiredService<IOnCallStore>();
        var roster = _host.Services.GetRequiredService<RosterService>();
        var pipeline = store.Set<Pipeline>().Get("aggregate-profit")!;
        var newOwner = roster.Engineers().First(e => e.Id != pipeline.PrimaryOwnerId && e.Id != pipeline.SecondaryOwnerId);
        var before = await AskAsync("aggregate profit");
        Assert.DoesNotContain($"{newOwner.Name} (primary)", before, StringComparison.Ordinal);

        store.Write(tx => tx.Set<Pipeline>().Upsert(pipeline with { PrimaryOwnerId = newOwner.Id }));
        var after = await AskAsync("aggregate profit");

        Assert.Contains($"{newOwner.Name} (primary)", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookup_InTheNextMinute_RenderedAgainForThatMinute()
    {
        await AskAsync("");
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(Kept(""));

        var next = await AskAsync("");

        var expected = await _host.Services.GetRequiredService<ConversationService>().AskAsync(new BotInput { FrontEnd = SlackFrontEnd.Descriptor, Text = "" });
        Assert.Equal(Rendering.BlockKitRenderer.Render(expected).Text, Text(next));
        Assert.Equal(next, Encoding.UTF8.GetString(Kept("")!));
    }

    [Theory]
    [InlineData("help")]
    [InlineData("owners aggregate profit")]
    [InlineData("swap")]
    [InlineData("timeoff add 2026-12-20 2026-12-21 trip")]
    public async Task Command_NotALookup_NeverKept(string text)
    {
        await AskAsync(text, "U0GUEST");

        Assert.Null(Kept(text));
    }

    [Fact]
    public void Memo_ManyDistinctTexts_KeepsAtMostItsCapacity()
    {
        var stamp = Memo.Now()!.Value;
        for (var i = 0; i < SlashAnswerMemo.Capacity + 10; i++)
        {
            Memo.Keep(stamp, "/oncall", $"text {i}", [1]);
        }

        Assert.NotNull(Memo.Find(stamp, "/oncall", "text 0"));
        Assert.Null(Memo.Find(stamp, "/oncall", $"text {SlashAnswerMemo.Capacity}"));
    }
}
