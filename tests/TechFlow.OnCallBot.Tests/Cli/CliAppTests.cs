using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCallBot.Cli;

namespace TechFlow.OnCallBot.Tests.Cli;

public sealed class CliAppTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "oncall-cli-" + Guid.NewGuid().ToString("N"));

    public CliAppTests() => Directory.CreateDirectory(_directory);

    private string StorePath => Path.Combine(_directory, "oncall.db");

    [Fact]
    public async Task Ask_PipelineQuestion_ExitsZeroAndNamesPrimarySecondaryAndOwners()
    {
        var (code, output, errors) = await RunAsync("ask", "who is on call for Aggregate Profit");

        Assert.Equal(0, code);
        Assert.Equal("", errors);
        Assert.Contains("Primary: Alex Chen until Friday 5:00 PM EST, in 4 days", output);
        Assert.Contains("Secondary: Lisa Wang until Friday 5:00 PM EST, in 4 days", output);
        Assert.Contains("Owners:       Alex Chen (primary), Sarah Johnson (secondary)", output);
    }

    [Theory]
    [InlineData("2026-11-27T16:59:00-05:00", "Primary: Alex Chen until Friday 5:00 PM EST, in 1 minute", "Secondary: Lisa Wang")]
    [InlineData("2026-11-27T17:01:00-05:00", "Primary: Lisa Wang until Fri Dec 4, 5:00 PM EST, in 6 days", "Secondary: Mike Rodriguez")]
    [InlineData("2026-11-27T22:00:00Z", "Primary: Lisa Wang until Fri Dec 4, 5:00 PM EST, in 1 week", "Secondary: Mike Rodriguez")]
    public async Task Ask_AtAroundHandoff_NamesThatShift(string at, string primary, string secondary)
    {
        var (code, output, _) = await RunAsync("ask", "/oncall", "--at", at);

        Assert.Equal(0, code);
        Assert.Contains(primary, output);
        Assert.Contains(secondary, output);
    }

    [Theory]
    [InlineData("alex-chen")]
    [InlineData("Sarah Johnson")]
    public async Task Ask_AsKnownEngineer_Answers(string who)
    {
        var (code, output, _) = await RunAsync("ask", "who owns daily growth", "--as", who);

        Assert.Equal(0, code);
        Assert.Contains("Daily Growth", output);
    }

    [Theory]
    [InlineData(new[] { "ask" }, "ask needs exactly one quoted question")]
    [InlineData(new[] { "ask", "   " }, "ask needs exactly one quoted question")]
    [InlineData(new[] { "ask", "one", "two" }, "ask needs exactly one quoted question")]
    [InlineData(new[] { "ask", "/oncall", "--when", "now" }, "Unknown option --when.")]
    [InlineData(new[] { "ask", "/oncall", "--at" }, "--at needs a value.")]
    [InlineData(new[] { "ask", "/oncall", "--at", "next blursday" }, "is not an ISO-8601 date-time")]
    [InlineData(new[] { "ask", "/oncall", "--as", "nobody-here" }, "--as \"nobody-here\" is not an engineer on the roster.")]
    [InlineData(new[] { "frobnicate" }, "Unknown command \"frobnicate\"")]
    public async Task Run_BadArguments_ExitsNonZeroWithAMessage(string[] args, string message)
    {
        var (code, output, errors) = await RunAsync(args);

        Assert.NotEqual(0, code);
        Assert.Contains(message, errors);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task Reseed_MalformedFile_ReportsFileAndLineAndChangesNothing()
    {
        await RunAsync("ask", "/oncall");
        var before = await DumpAsync();
        var file = Path.Combine(_directory, "broken.json");
        await File.WriteAllTextAsync(file, "{\n  \"engineers\": [\n    { \"id\": \"x\", \"name\": }\n  ]\n}\n");

        var (code, _, errors) = await RunAsync("reseed", "--file", file);

        Assert.Equal(1, code);
        Assert.Contains(file, errors);
        Assert.Contains("line 3", errors);
        Assert.Equal(before, await DumpAsync());
    }

    [Fact]
    public async Task Reseed_UnknownOwner_ReportsItAndChangesNothing()
    {
        await RunAsync("ask", "/oncall");
        var before = await DumpAsync();
        var seed = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "seed", "techflow.json"));
        var file = Path.Combine(_directory, "bad-owner.json");
        await File.WriteAllTextAsync(file, seed.Replace("\"primaryOwner\": \"alex-chen\"", "\"primaryOwner\": \"alex-chan\"", StringComparison.Ordinal));

        var (code, _, errors) = await RunAsync("reseed", "--file", file);

        Assert.Equal(1, code);
        Assert.Contains("owner \"alex-chan\" is not an engineer in the file", errors);
        Assert.Equal(before, await DumpAsync());
    }

    [Fact]
    public async Task Reseed_MissingFile_SaysSo()
    {
        var (code, _, errors) = await RunAsync("reseed", "--file", Path.Combine(_directory, "nope.json"));

        Assert.Equal(1, code);
        Assert.Contains("file not found", errors);
    }

    [Fact]
    public async Task Reseed_EmptyStoreWithSeedNone_LoadsTheTeam()
    {
        var (emptyCode, empty, _) = await RunAsync("ask", "/oncall", "--Store:Seed=none");

        var (code, output, _) = await RunAsync("reseed", "--Store:Seed=none");
        var (_, after, _) = await RunAsync("ask", "/oncall", "--Store:Seed=none");

        Assert.Equal(0, emptyCode);
        Assert.Contains("No team yet", empty);
        Assert.Contains("dotnet run --project src/TechFlow.OnCallBot -- reseed", empty);
        Assert.Equal(0, code);
        Assert.Contains("Loaded the team from seed/techflow.json", output);
        Assert.Contains("Primary: Alex Chen", after);
    }

    private async Task<string> DumpAsync()
    {
        var (_, owners, _) = await RunAsync("ask", "/oncall owners");
        var (_, schedule, _) = await RunAsync("ask", "/oncall schedule 4 weeks");
        var (_, escalation, _) = await RunAsync("ask", "/oncall escalation");
        return owners + schedule + escalation;
    }

    private async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await CliApp.RunAsync(
            [args[0], $"--Store:Path={StorePath}", .. args[1..]],
            output,
            errors,
            services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(new FakeTimeProvider(Monday));

                // The expected names follow the plain rotation, whatever generator the app uses.
                services.AddSingleton<IScheduleGenerator, RoundRobinGenerator>();
            });
        return (code, output.ToString(), errors.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
