using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCallBot.Cli;

namespace TechFlow.OnCallBot.Tests.Cli;

public sealed class ScheduleCommandTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cli-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Schedule_Json_FourWeeksOfShiftsWithPeople()
    {
        var (code, output, _) = await RunAsync("schedule", "--from", "2026-11-27", "--weeks", "4", "--format", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var shifts = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(4, shifts.Count);
        Assert.Equal("2026-11-27", shifts[0].GetProperty("id").GetString());
        Assert.All(shifts, s => Assert.NotEqual(
            s.GetProperty("primary").GetProperty("id").GetString(),
            s.GetProperty("secondary").GetProperty("id").GetString()));
        Assert.Contains(shifts, s => s.GetProperty("holidays").EnumerateArray().Any(h => h.GetString() == "Christmas Day"));
    }

    [Fact]
    public async Task Schedule_Ics_IsACalendar()
    {
        var (code, output, _) = await RunAsync("schedule", "--from", "2026-11-27", "--weeks", "2", "--format", "ics");

        Assert.Equal(0, code);
        Assert.StartsWith("BEGIN:VCALENDAR", output, StringComparison.Ordinal);
        Assert.Equal(2, Ical.Net.Calendar.Load(output)!.Events.Count);
    }

    [Theory]
    [InlineData("--from", "27/11/2026")]
    [InlineData("--weeks", "zero")]
    [InlineData("--format", "csv")]
    public async Task Schedule_BadOption_ExitCodeTwoAndAMessage(string option, string value)
    {
        var (code, _, errors) = await RunAsync("schedule", option, value);

        Assert.Equal(2, code);
        Assert.Contains(option, errors, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var original = Console.Error;
        Console.SetError(errors);
        try
        {
            var code = await CliApp.RunAsync([.. args, $"--Store:Path={_path}"], output, errors, services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(new FakeTimeProvider(Monday));
            });
            return (code, output.ToString(), errors.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }

    public void Dispose() => File.Delete(_path);
}
