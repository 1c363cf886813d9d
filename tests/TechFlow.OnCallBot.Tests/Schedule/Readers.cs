using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Slack;
using TechFlow.OnCall.Slack.Api;
using TechFlow.OnCall.Slack.OnCallSync;
using TechFlow.OnCall.Testing;
using TechFlow.OnCallBot.Calendar;
using TechFlow.OnCallBot.Cli;

namespace TechFlow.OnCallBot.Tests.Schedule;

/// <summary>Who holds each role at an instant, as each reader tells it (engineer ids; null for nobody).</summary>
internal sealed partial class Readers
{
    private readonly TestBot _bot;
    private readonly ISlackApiClient _slack;
    private string _topic = "";
    private IReadOnlyList<string> _group = [];

    public Readers(TestBot bot)
    {
        _bot = bot;
        _slack = SlackApi();
    }

    public async Task<(string? Primary, string? Secondary)> LookupAsync(DateTimeOffset at)
    {
        var reply = await _bot.AskAsync($"/oncall at {Local(at)}");
        return (Holder(reply.Text.Single(t => t.StartsWith("Primary:", StringComparison.Ordinal))),
            Holder(reply.Text.Single(t => t.StartsWith("Secondary:", StringComparison.Ordinal))));
    }

    /// <summary>Level 1 of the escalation chain in <c>/oncall aggregate profit &lt;when&gt;</c>.</summary>
    public async Task<string?> PipelineLevelOneAsync(DateTimeOffset at)
    {
        var reply = await _bot.AskAsync($"/oncall aggregate profit {Local(at)}");
        var line = reply.Text.Single(t => t.StartsWith("Escalation:", StringComparison.Ordinal));
        return LevelOne().Match(line) is { Success: true } m ? m.Groups[1].Value : null;
    }

    public IReadOnlyList<EscalationStep> Chain(DateTimeOffset at) =>
        _bot.Get<EscalationService>().Chain(_bot.Get<PipelineCatalog>().Get("aggregate-profit"), at);

    /// <summary>The <c>/oncall schedule</c> row whose stretch starts as <paramref name="row"/> says.</summary>
    public async Task<(string? Primary, string? Secondary)> TableAsync(string row)
    {
        var reply = await _bot.AskAsync("/oncall schedule 5 weeks");
        var found = reply.Table!.Rows.Single(r => r[0].StartsWith(row, StringComparison.Ordinal));
        return (Holder(found[1]), Holder(found[2]));
    }

    public (string? Primary, string? Secondary) TeamFeed(DateTimeOffset at)
    {
        var e = Running(_bot.Get<ScheduleFeed>().Team(), at).Single();
        var m = TeamSummary().Match(e.Summary!);
        return (Id(m.Groups[1].Value), Id(m.Groups[2].Value));
    }

    /// <summary>Per engineer, the role their personal feed shows them in at <paramref name="at"/>.</summary>
    public Dictionary<string, string> PersonalFeeds(DateTimeOffset at)
    {
        var feed = _bot.Get<ScheduleFeed>();
        var roles = new Dictionary<string, string>();
        foreach (var engineer in _bot.Get<RosterService>().Rotation())
        {
            foreach (var e in Running(feed.ForEngineer(engineer.Id)!, at))
            {
                roles[engineer.Id] = e.Summary!.Contains("primary (", StringComparison.Ordinal) ? "primary" : "secondary";
            }
        }

        return roles;
    }

    /// <summary>The slice of the CLI's <c>schedule --format json</c> that contains <paramref name="at"/>.</summary>
    public async Task<(string? Primary, string? Secondary)> CliAsync(DateTimeOffset at)
    {
        var slice = (await CliSlicesAsync()).Single(s => s.Start <= at && at < s.End);
        return (slice.Primary, slice.Secondary);
    }

    /// <summary>Every slice the CLI exports for the shifts that start in 2026, with who held each role.</summary>
    public async Task<List<(DateTimeOffset Start, DateTimeOffset End, string? Primary, string? Secondary)>> CliSlicesAsync()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        Assert.Equal(0, await CliApp.RunInHostAsync(["schedule", "--from", "2026-11-13", "--weeks", "7", "--format", "json"], _bot.Services, output, errors));
        return
        [
            .. JsonDocument.Parse(output.ToString()).RootElement.EnumerateArray()
                .SelectMany(s => s.GetProperty("slices").EnumerateArray())
                .Select(s => (Time(s, "start"), Time(s, "end"), Person(s, "primary"), Person(s, "secondary"))),
        ];
    }

    /// <summary>What the Slack sync writes at <paramref name="at"/>: the channel topic and the user group.</summary>
    public async Task<(string Topic, IReadOnlyList<string> Group)> SlackAsync(DateTimeOffset at)
    {
        var options = new SlackOptions { BotToken = "xoxb-1", AnnouncementChannel = "C0TEAM", KeepTopic = true, UserGroupId = "S0ONCALL" };
        var sync = new SlackOnCallSync(_bot.Get<EffectiveSchedule>(), _bot.Get<RosterService>(), _slack, _bot.Store, Options.Create(options), NullLogger<SlackOnCallSync>.Instance);
        await sync.RunDueAsync(at, CancellationToken.None);
        return (_topic, _group);
    }

    private ISlackApiClient SlackApi()
    {
        var api = Substitute.For<ISlackApiClient>();
        api.Users.LookupByEmailAsync(Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(c => new SlackUser("U-" + c.Arg<string>().Split('@')[0], null, null, c.Arg<string>(), false));
        api.Conversations.SetTopicAsync(Arg.Any<string>(), Arg.Do<string>(t => _topic = t), Arg.Any<CancellationToken>()).Returns(Task.CompletedTask);
        api.UserGroups.UpdateUsersAsync(Arg.Any<string>(), Arg.Do<IReadOnlyList<string>>(u => _group = u), Arg.Any<CancellationToken>()).Returns(Task.CompletedTask);
        return api;
    }

    private static IEnumerable<Ical.Net.CalendarComponents.CalendarEvent> Running(string ics, DateTimeOffset at) =>
        Ical.Net.Calendar.Load(ics)!.Events.Where(e => e.Status != "CANCELLED" && e.DtStart!.AsUtc <= at.UtcDateTime && at.UtcDateTime < e.DtEnd!.AsUtc);

    private string? Id(string name) => name.StartsWith("nobody", StringComparison.Ordinal) ? null : _bot.Get<RosterService>().Rotation().Single(e => e.Name == name).Id;

    private static string? Holder(string text) => Mention().Match(text) is { Success: true } m ? m.Groups[1].Value : null;

    private static string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, ReaderScenario.Zone).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(JsonElement e, string name) => DateTimeOffset.Parse(e.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    private static string? Person(JsonElement e, string role) => e.GetProperty(role).ValueKind == JsonValueKind.Null ? null : e.GetProperty(role).GetProperty("id").GetString();

    [GeneratedRegex(@"^(?:(?:Primary|Secondary): )?⟦@([^⟧]+)⟧")]
    private static partial Regex Mention();

    [GeneratedRegex(@"1\. ⟦@([^⟧]+)⟧")]
    private static partial Regex LevelOne();

    [GeneratedRegex(@"^On call: (.+) \(primary\), (.+) \(secondary\)$")]
    private static partial Regex TeamSummary();
}
