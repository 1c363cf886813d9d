using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCallBot.Calendar;

namespace TechFlow.OnCallBot.Tests.Calendar;

public sealed class ScheduleFeedTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"feed-{Guid.NewGuid():N}.db");
    private readonly WebApplicationFactory<Program> _factory;

    public ScheduleFeedTests()
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Store:Path", _path);
            builder.UseSetting("Jobs:Enabled", "false");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(new FakeTimeProvider(Monday));
            });
        });
    }

    [Fact]
    public async Task TeamFeed_EveryStoredShift_OneEventWithStableUidAndTimes()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(FeedUri(null));
        var text = await response.Content.ReadAsStringAsync();
        var again = await client.GetStringAsync(FeedUri(null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(text, again);
        var events = Ical.Net.Calendar.Load(text)!.Events;
        var stored = _factory.Services.GetRequiredService<IOnCallStore>().Set<Shift>().All();
        Assert.Equal(stored.Count, events.Count);
        foreach (var shift in stored)
        {
            var e = Assert.Single(events, x => x.Uid == ScheduleFeed.Uid(shift.Id, null));
            Assert.Equal(shift.Start.UtcDateTime, e.DtStart!.AsUtc);
            Assert.Equal(shift.End.UtcDateTime, e.DtEnd!.AsUtc);
        }
    }

    [Fact]
    public async Task EngineerFeed_Lisa_OnlyHerShifts()
    {
        using var client = _factory.CreateClient();

        var text = await client.GetStringAsync(FeedUri("lisa-wang"));

        var events = Ical.Net.Calendar.Load(text)!.Events;
        var hers = _factory.Services.GetRequiredService<IOnCallStore>().Set<Shift>().All()
            .Where(s => s.PrimaryId == "lisa-wang" || s.SecondaryId == "lisa-wang")
            .Select(s => ScheduleFeed.Uid(s.Id, "lisa-wang"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(hers, events.Select(e => e.Uid!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EngineerFeed_UnknownEngineer_NotFound()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(new Uri($"/calendar/nobody/{_factory.Services.GetRequiredService<CalendarFeedTokens>().For(CalendarFeedTokens.Engineer("nobody"))}.ics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The secret address of <paramref name="engineerId"/>'s feed, or the team's.</summary>
    private Uri FeedUri(string? engineerId)
    {
        var tokens = _factory.Services.GetRequiredService<CalendarFeedTokens>();
        var token = tokens.For(engineerId is null ? CalendarFeedTokens.Team : CalendarFeedTokens.Engineer(engineerId));
        return new Uri($"/calendar/{engineerId ?? "team"}/{token}.ics", UriKind.Relative);
    }

    public void Dispose()
    {
        _factory.Dispose();
        File.Delete(_path);
    }
}
