using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Testing;
using TechFlow.OnCallBot.Calendar;

namespace TechFlow.OnCallBot.Tests.Calendar;

/// <summary>iCalendar feeds are reached through secret per-person (and team) addresses, like Google Calendar's.</summary>
public sealed partial class CalendarFeedAccessTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly OnCallApp _app = new(Monday);
    private readonly HttpClient _client;

    public CalendarFeedAccessTests() => _client = _app.CreateClient();

    [Theory]
    [InlineData("/calendar/team.ics")]
    [InlineData("/calendar/lisa-wang.ics")]
    public async Task OldUnauthenticatedUrl_NotFound(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CalendarCommand_ShowsTheOwnerASecretUrl_ThatServesOnlyHerShifts()
    {
        var links = await CalendarLinksAsync("lisa-wang");

        var response = await _client.GetAsync(new Uri(links.Personal.PathAndQuery, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("http://localhost:3978/calendar/lisa-wang/", links.Personal.ToString(), StringComparison.Ordinal);
        var events = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!.Events;
        var hers = _app.Services.GetRequiredService<IOnCallStore>().Set<Shift>().All()
            .Where(s => s.PrimaryId == "lisa-wang" || s.SecondaryId == "lisa-wang")
            .Select(s => ScheduleFeed.Uid(s.Id, "lisa-wang"));
        Assert.Equal(hers.Order(StringComparer.Ordinal), events.Select(e => e.Uid!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EngineerFeed_WithoutItsToken_NotFound()
    {
        var lisa = await CalendarLinksAsync("lisa-wang");
        var alex = await CalendarLinksAsync("alex-chen");
        var token = lisa.Personal.Segments[^1].Replace(".ics", "", StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(new Uri("/calendar/lisa-wang/not-the-token.ics", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(new Uri($"/calendar/alex-chen/{token}.ics", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(new Uri($"/calendar/team/{token}.ics", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(new Uri("/calendar/mike-rodriguez/x.ics", UriKind.Relative))).StatusCode);
        Assert.NotEqual(lisa.Personal, alex.Personal);
    }

    [Fact]
    public async Task CalendarCommand_AskedTwice_ShowsTheSameAddresses()
    {
        var first = await CalendarLinksAsync("lisa-wang");
        var second = await CalendarLinksAsync("lisa-wang");

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task TeamFeed_WithTheTeamToken_IsTheWholeSchedule()
    {
        var links = await CalendarLinksAsync("alex-chen");

        var text = await _client.GetStringAsync(new Uri(links.Team.PathAndQuery, UriKind.Relative));

        Assert.Equal(_app.Services.GetRequiredService<IOnCallStore>().Set<Shift>().Count(), Ical.Net.Calendar.Load(text)!.Events.Count);
        Assert.Equal(links.Team, (await CalendarLinksAsync("lisa-wang")).Team);
    }

    [Fact]
    public async Task CalendarReset_NewPersonalAddress_OldOneStopsWorking()
    {
        var before = await CalendarLinksAsync("lisa-wang");

        var reply = await AskAsync("lisa-wang", "/oncall calendar reset");
        var after = await CalendarLinksAsync("lisa-wang");

        Assert.Contains("new", reply, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(before.Personal, after.Personal);
        Assert.Equal(before.Team, after.Team);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(new Uri(before.Personal.PathAndQuery, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(new Uri(after.Personal.PathAndQuery, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task CalendarResetTeam_NotAnAdmin_RefusedAndTheTeamAddressStays()
    {
        var before = await CalendarLinksAsync("lisa-wang");

        var reply = await AskAsync("lisa-wang", "/oncall calendar reset team");

        Assert.Contains("Only an admin or the manager", reply, StringComparison.Ordinal);
        Assert.Equal(before.Team, (await CalendarLinksAsync("lisa-wang")).Team);
    }

    [Fact]
    public async Task CalendarResetTeam_ByTheManager_NewTeamAddress()
    {
        var before = await CalendarLinksAsync("lisa-wang");

        await AskAsync("jordan-blake", "/oncall calendar reset team");

        var after = await CalendarLinksAsync("lisa-wang");
        Assert.NotEqual(before.Team, after.Team);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(new Uri(before.Team.PathAndQuery, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task CalendarCommand_NotOnTheRoster_ExplainsAndCreatesNothing()
    {
        var reply = await AskAsync(null, "/oncall calendar");

        Assert.Contains("on the roster", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("/calendar/", reply, StringComparison.Ordinal);
        Assert.Equal(0, _app.Services.GetRequiredService<IOnCallStore>().Set<CalendarFeedToken>().Count());
    }

    [Fact]
    public async Task CalendarCommand_FromAChatPlatform_SendsTheLinksAsADirectMessageOnly()
    {
        var sink = Substitute.For<IChatDelivery>();
        sink.Name.Returns("fake");
        sink.IsEnabled.Returns(true);
        await using var app = new OnCallApp(Monday, configure: s => s.AddSingleton(sink));
        var conversation = app.Services.GetRequiredService<ConversationService>();

        var reply = await conversation.AskAsync(new BotInput { FrontEnd = TechFlow.OnCall.Slack.SlackFrontEnd.Descriptor, EngineerId = "lisa-wang", ChannelId = "C123", Text = "/oncall calendar public" });

        var text = PlainTextRenderer.Render(reply, TestFrontEnds.Chat.CommandPrefix);
        Assert.DoesNotContain("/calendar/", text, StringComparison.Ordinal);
        Assert.Contains("direct message", text, StringComparison.Ordinal);
        var dm = Assert.Single(app.Services.GetRequiredService<IOnCallStore>().Set<OutboxMessage>().Find(m => m.DirectTo == "lisa-wang"));
        Assert.Contains("/calendar/lisa-wang/", PlainTextRenderer.Render(dm.Reply, TestFrontEnds.Chat.CommandPrefix), StringComparison.Ordinal);
    }

    private async Task<string> AskAsync(string? who, string text)
    {
        var response = await _client.PostAsJsonAsync(new Uri("/playground/ask", UriKind.Relative), new { @as = who, text });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("text").GetString()!;
    }

    private async Task<(Uri Personal, Uri Team)> CalendarLinksAsync(string who)
    {
        var text = await AskAsync(who, "/oncall calendar");
        var urls = Url().Matches(text).Select(m => new Uri(m.Value)).ToList();
        return (Assert.Single(urls, u => !u.AbsolutePath.StartsWith("/calendar/team/", StringComparison.Ordinal)),
            Assert.Single(urls, u => u.AbsolutePath.StartsWith("/calendar/team/", StringComparison.Ordinal)));
    }

    [GeneratedRegex(@"http://localhost:3978/calendar/[A-Za-z0-9_\-/]+\.ics")]
    private static partial Regex Url();

    public void Dispose()
    {
        _client.Dispose();
        _app.Dispose();
    }
}
