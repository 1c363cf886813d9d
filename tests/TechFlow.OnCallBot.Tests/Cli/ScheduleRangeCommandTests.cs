using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Schedule.Fair;
using TechFlow.OnCall.Testing;
using TechFlow.OnCallBot.Cli;

namespace TechFlow.OnCallBot.Tests.Cli;

/// <summary><c>schedule --from D --weeks N</c> returns exactly N shifts from D, planning past the stored horizon fairly.</summary>
public sealed class ScheduleRangeCommandTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cli-range-{Guid.NewGuid():N}.db");

    [Theory]
    [InlineData("2026-11-27", 1, "2026-11-27")]
    [InlineData("2026-11-25", 3, "2026-11-27")]
    [InlineData("2026-11-28", 2, "2026-12-04")]
    public async Task Schedule_FromDate_ExactlyNShiftsStartingOnOrAfterIt(string from, int weeks, string firstId)
    {
        var (code, output, _) = await RunAsync("schedule", "--from", from, "--weeks", $"{weeks}", "--format", "json");

        Assert.Equal(0, code);
        var shifts = Shifts(output);
        Assert.Equal(weeks, shifts.Count);
        Assert.Equal(firstId, shifts[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Schedule_ThreeYearsOnAFreshStore_156ShiftsAtTheFairnessBoundInEveryCategory()
    {
        var (code, output, errors) = await RunAsync("schedule", "--from", "2026-11-27", "--weeks", "156", "--format", "json");

        Assert.Equal(0, code);
        Assert.Equal("", errors);
        var json = Shifts(output);
        Assert.Equal(156, json.Count);
        Assert.Equal("2026-11-27", json[0].GetProperty("id").GetString());
        Assert.Contains(json, s => s.GetProperty("projected").GetBoolean());
        using var bot = TestBot.Create(Monday);
        var shifts = json.Select(s => Shift(bot, s)).ToList();
        var report = bot.Get<FairnessReporter>().Build(shifts, bot.Get<OnCall.Core.Roster.RosterService>().Rotation(), []);
        Assert.All(report.Categories, c => Assert.True(c.AtLowerBound, $"{c.Category}: spread {c.Spread}, bound {c.LowerBound}"));
        var facts = bot.Get<WindowFactsCalculator>().For([.. shifts.Select(s => s.Window)]).ToDictionary(f => f.Window.Id);
        Assert.Empty(bot.Get<ScheduleRules>().Check(shifts, facts, bot.Get<OnCall.Core.Roster.RosterService>().Rotation(), []));
    }

    [Fact]
    public async Task Schedule_PastTheHorizon_StoresNothingAndAnswersTheSameTwice()
    {
        var (_, first, _) = await RunAsync("schedule", "--from", "2027-06-04", "--weeks", "80", "--format", "json");
        var (_, second, _) = await RunAsync("schedule", "--from", "2027-06-04", "--weeks", "80", "--format", "json");

        Assert.Equal(first, second);
        Assert.Equal(80, Shifts(first).Count);
        using var store = new OnCall.Storage.LiteDbStore(_path);
        Assert.Equal(53, store.Set<Shift>().Count());
    }

    private static Shift Shift(TestBot bot, JsonElement s)
    {
        var start = DateTimeOffset.Parse(s.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var end = DateTimeOffset.Parse(s.GetProperty("end").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        return new Shift
        {
            Id = s.GetProperty("id").GetString()!,
            Start = start.ToUniversalTime(),
            End = end.ToUniversalTime(),
            PrimaryId = s.GetProperty("primary").GetProperty("id").GetString()!,
            SecondaryId = s.GetProperty("secondary").GetProperty("id").GetString()!,
        };
    }

    private static List<JsonElement> Shifts(string output) => [.. JsonDocument.Parse(output).RootElement.EnumerateArray().Select(e => e.Clone())];

    private async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await CliApp.RunAsync([.. args, $"--Store:Path={_path}"], output, errors, services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(Monday));
        });
        return (code, output.ToString(), errors.ToString());
    }

    public void Dispose() => File.Delete(_path);
}
