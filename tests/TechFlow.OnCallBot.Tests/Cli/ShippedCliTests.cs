using System.Text.Json;
using TechFlow.OnCall.Testing;
using TechFlow.OnCallBot.Providers;
using TechFlow.OnCallBot.Tests.Support;

namespace TechFlow.OnCallBot.Tests.Cli;

/// <summary>The CLI as it ships, on a fresh store of its own; test.sh runs these against the native build too.</summary>
[Trait("Category", "ShippedHost")]
public sealed class ShippedCliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("oncall-cli-").FullName;

    private string StorePath => $"--Store:Path={Path.Combine(_directory, "oncall.db")}";

    [Fact]
    public async Task Ask_FreshStore_SeedsPlansAndAnswers()
    {
        using var cli = BotProcess.Start("ask", "who is on call for Aggregate Profit", StorePath);

        Assert.Equal(0, await cli.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Aggregate Profit: on call now", cli.Output, StringComparison.Ordinal);
        Assert.Matches("Primary: [A-Z][a-z]+ [A-Z][a-z]+ until", cli.Output);
    }

    [Fact]
    public async Task Ask_MisspeltPipeline_SuggestsTheNearestName()
    {
        using var cli = BotProcess.Start("ask", "who is on call for aggregate proft", StorePath);

        await cli.ExitCodeAsync(TimeSpan.FromSeconds(60));

        Assert.Contains("Did you mean Aggregate Profit?", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_Json_TwoWeeksWithTwoPeopleEachAndTheHolidays()
    {
        using var schedule = BotProcess.Start("schedule", "--from", "2026-12-18", "--weeks", "2", "--format", "json", StorePath);
        Assert.Equal(0, await schedule.ExitCodeAsync(TimeSpan.FromSeconds(60)));

        using var json = JsonDocument.Parse(schedule.Output);
        var shifts = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, shifts.Count);
        Assert.All(shifts, s => Assert.NotEqual(
            s.GetProperty("primary").GetProperty("id").GetString(),
            s.GetProperty("secondary").GetProperty("id").GetString()));
        Assert.Contains(shifts, s => s.GetProperty("holidays").EnumerateArray().Any(h => h.GetString() == "Christmas Day"));
    }

    [SkippableFact]
    public async Task Host_NativeBuildAskedForPostgres_RefusesWithTheReasonBeforeTouchingAnything()
    {
        Skip.If(HostCommand.Native is null, "only the native build refuses PostgreSQL");

        using var bot = BotProcess.Start("--urls=http://127.0.0.1:0", "--Store:Provider=Postgres", "--Store:ConnectionString=Host=127.0.0.1;Database=oncall;Username=oncall");

        var code = await bot.ExitCodeAsync(TimeSpan.FromSeconds(30));

        Assert.NotNull(code);
        Assert.NotEqual(0, code);
        Assert.Contains(PostgresStoreProvider.NativeBuild, bot.Output + bot.Errors, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
