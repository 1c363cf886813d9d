using System.Reflection;
using Microsoft.Extensions.Configuration;
using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCallBot.Extensions;

namespace TechFlow.OnCallBot.Tests.Configuration;

/// <summary>appsettings.example.json at the repo root shows every key of every options class, and every key it shows binds.</summary>
public class AppSettingsExampleTests
{
    private static IConfigurationRoot Example() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(RepoRoot(), "appsettings.example.json"), optional: false)
        .Build();

    [Theory]
    [InlineData(StoreOptions.Section, typeof(StoreOptions))]
    [InlineData(ClusterOptions.Section, typeof(ClusterOptions))]
    [InlineData(TeamSettings.Section, typeof(TeamSettings))]
    [InlineData(TechFlow.OnCall.Slack.SlackOptions.Section, typeof(TechFlow.OnCall.Slack.SlackOptions))]
    [InlineData(TechFlow.OnCall.Teams.TeamsOptions.Section, typeof(TechFlow.OnCall.Teams.TeamsOptions))]
    [InlineData(TechFlow.OnCall.Core.Announcements.AnnouncementOptions.Section, typeof(TechFlow.OnCall.Core.Announcements.AnnouncementOptions))]
    [InlineData(TechFlow.OnCall.Core.Swaps.SwapSettings.Section, typeof(TechFlow.OnCall.Core.Swaps.SwapSettings))]
    [InlineData(TechFlow.OnCall.Core.Runbooks.RunbookSettings.Section, typeof(TechFlow.OnCall.Core.Runbooks.RunbookSettings))]
    [InlineData(TechFlow.OnCall.Core.Schedule.Fair.FairScheduleOptions.Section, typeof(TechFlow.OnCall.Core.Schedule.Fair.FairScheduleOptions))]
    [InlineData(TechFlow.OnCallBot.Paging.PagingOptions.Section, typeof(TechFlow.OnCallBot.Paging.PagingOptions))]
    [InlineData(TechFlow.OnCallBot.Playground.PlaygroundOptions.Section, typeof(TechFlow.OnCallBot.Playground.PlaygroundOptions))]
    [InlineData(CalendarFeedOptions.Section, typeof(CalendarFeedOptions))]
    [InlineData(TechFlow.OnCallBot.Health.HealthOptions.Section, typeof(TechFlow.OnCallBot.Health.HealthOptions))]
    [InlineData(TechFlow.OnCallBot.Background.MemoryTrimOptions.Section, typeof(TechFlow.OnCallBot.Background.MemoryTrimOptions))]
    public void Example_Section_ListsEverySettableProperty(string section, Type options)
    {
        var keys = Example().GetSection(section).GetChildren().Select(c => c.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var properties = options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Empty(properties.Except(keys));
        Assert.Empty(keys.Except(properties));
    }

    [Fact]
    public void Example_Values_BindToTheDefaults()
    {
        var configuration = Example();

        var team = configuration.GetSection(TeamSettings.Section).Get<TeamSettings>(o => o.ErrorOnUnknownConfiguration = true)!;
        var store = configuration.GetSection(StoreOptions.Section).Get<StoreOptions>(o => o.ErrorOnUnknownConfiguration = true)!;

        var defaults = new TeamSettings();
        Assert.Equal(defaults.TimeZone, team.TimeZone);
        Assert.Equal(defaults.HandoffDay, team.HandoffDay);
        Assert.Equal(defaults.HandoffTime, team.HandoffTime);
        Assert.Equal(defaults.RotationAnchor, team.RotationAnchor);
        Assert.Equal(defaults.ShiftLengthDays, team.ShiftLengthDays);
        Assert.Equal(defaults.WorkdayStart, team.WorkdayStart);
        Assert.Equal(defaults.MajorHolidays.Order(), team.MajorHolidays.Distinct().Order());
        Assert.Equal(new StoreOptions().Path, store.Path);
        Assert.Equal("techflow", store.Seed);
        Assert.Equal(StoreOptions.LiteDb, store.Provider);
        var cluster = configuration.GetSection(ClusterOptions.Section).Get<ClusterOptions>(o => o.ErrorOnUnknownConfiguration = true)!;
        Assert.Equal(new ClusterOptions().CheckinInterval, cluster.CheckinInterval);
        Assert.Equal(new ClusterOptions().CheckinMisfireThreshold, cluster.CheckinMisfireThreshold);
        Assert.Equal(new ClusterOptions().MisfireThreshold, cluster.MisfireThreshold);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TechFlow.OnCallBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("TechFlow.OnCallBot.sln not found");
    }
}
