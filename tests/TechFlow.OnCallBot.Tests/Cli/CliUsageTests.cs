using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCallBot.Cli;

namespace TechFlow.OnCallBot.Tests.Cli;

/// <summary>
/// Bad usage of every command: the exact message on stderr, nothing on stdout, exit code 2, and the store left alone.
/// </summary>
public sealed class CliUsageTests : IDisposable
{
    private const string Usage =
        "Usage: ask \"TEXT\" [--as USER] [--at ISO-8601] | reseed [--file PATH] [--dry-run] | "
        + "schedule [--from YYYY-MM-DD] [--weeks N] [--format json|ics] | backup --to FILE | restore --from FILE | "
        + "migrate-store --from FILE.db --to \"Host=...;Database=...;Username=...;Password=...\"";

    private const string ScheduleUsage = "Usage: schedule [--from YYYY-MM-DD] [--weeks N] [--format json|ics]";
    private const string StoreUsage = "Usage: backup --to FILE | restore --from FILE";
    private const string MigrateUsage = "Usage: migrate-store --from FILE.db --to \"Host=...;Database=...;Username=...;Password=...\"";

    private readonly string _directory = Directory.CreateTempSubdirectory("oncall-cli-usage-").FullName;

    private string StorePath => Path.Combine(_directory, "oncall.db");

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("help")]
    [InlineData("Ask")]
    public async Task Run_UnknownCommand_ExitsTwoWithTheUsage(string command)
    {
        var (code, output, errors) = await RunAsync(command, "/oncall");

        Assert.Equal((2, ""), (code, output));
        Assert.Equal($"Unknown command \"{command}\". {Usage}\n", errors);
        Assert.False(File.Exists(StorePath));
    }

    [Theory]
    [InlineData("--bogus", "ask", "/oncall", "--bogus", "x")]
    [InlineData("--AT", "ask", "--AT", "2026-11-27T17:01:00Z", "/oncall")]
    [InlineData("--bogus", "schedule", "--bogus", "x")]
    [InlineData("--bogus", "reseed", "--bogus", "x")]
    [InlineData("--bogus", "backup", "--to", "x.db", "--bogus", "x")]
    [InlineData("--bogus", "restore", "--from", "x.db", "--bogus", "x")]
    [InlineData("--bogus", "migrate-store", "--from", "x.db", "--to", "Host=127.0.0.1", "--bogus", "x")]
    public async Task Run_UnknownOption_ExitsTwoNamingItWithTheUsage(string unknown, params string[] args)
    {
        var (code, output, errors) = await RunAsync(args);

        Assert.Equal((2, ""), (code, output));
        Assert.Equal($"Unknown option {unknown}. {Usage}\n", errors);
        Assert.False(File.Exists(StorePath));
    }

    [Theory]
    [InlineData("ask", "/oncall", "--at")]
    [InlineData("ask", "/oncall", "--as")]
    [InlineData("schedule", "--weeks")]
    [InlineData("schedule", "--from")]
    [InlineData("schedule", "--format")]
    [InlineData("reseed", "--file")]
    [InlineData("backup", "--to")]
    [InlineData("restore", "--from")]
    [InlineData("migrate-store", "--from", "x.db", "--to")]
    public async Task Run_OptionWithoutValue_ExitsTwoSayingItNeedsOne(params string[] args)
    {
        var (code, output, errors) = await RunAsync(args);

        Assert.Equal((2, ""), (code, output));
        Assert.Equal($"{args[^1]} needs a value. {Usage}\n", errors);
        Assert.False(File.Exists(StorePath));
    }

    [Theory]
    [InlineData(new[] { "ask" }, "ask needs exactly one quoted question. " + Usage)]
    [InlineData(new[] { "ask", "  " }, "ask needs exactly one quoted question. " + Usage)]
    [InlineData(new[] { "ask", "who", "owns" }, "ask needs exactly one quoted question. " + Usage)]
    [InlineData(new[] { "ask", "/oncall", "--at", "next blursday" }, "--at \"next blursday\" is not an ISO-8601 date-time, for example 2026-11-27T16:59:00-05:00.")]
    [InlineData(new[] { "ask", "/oncall", "--as", "nobody-here" }, "--as \"nobody-here\" is not an engineer on the roster.")]
    [InlineData(new[] { "schedule", "--from", "27/11/2026" }, "--from \"27/11/2026\" is not a date like 2026-11-27. " + ScheduleUsage)]
    [InlineData(new[] { "schedule", "--weeks", "0" }, "--weeks \"0\" must be a whole number from 1 to 520. " + ScheduleUsage)]
    [InlineData(new[] { "schedule", "--weeks", "521" }, "--weeks \"521\" must be a whole number from 1 to 520. " + ScheduleUsage)]
    [InlineData(new[] { "schedule", "--weeks", "-3" }, "--weeks \"-3\" must be a whole number from 1 to 520. " + ScheduleUsage)]
    [InlineData(new[] { "schedule", "--format", "csv" }, "--format must be json or ics. " + ScheduleUsage)]
    [InlineData(new[] { "backup" }, "backup needs --to FILE. " + StoreUsage)]
    [InlineData(new[] { "restore" }, "restore needs --from FILE. " + StoreUsage)]
    [InlineData(new[] { "restore", "--from", "x.db", "--Store:Path=:memory:" }, "restore needs a store file; Store:Path is :memory:.")]
    [InlineData(new[] { "migrate-store" }, "migrate-store needs --from and --to. " + MigrateUsage)]
    [InlineData(new[] { "migrate-store", "--from", "x.db" }, "migrate-store needs --from and --to. " + MigrateUsage)]
    [InlineData(new[] { "migrate-store", "--to", "Host=127.0.0.1" }, "migrate-store needs --from and --to. " + MigrateUsage)]
    public async Task Run_BadValue_ExitsTwoWithTheCommandsMessage(string[] args, string message)
    {
        var (code, output, errors) = await RunAsync(args);

        Assert.Equal((2, ""), (code, output));
        Assert.Equal(message + "\n", errors);
    }

    [Theory]
    [InlineData("extra", "schedule", "extra")]
    [InlineData("team.json", "reseed", "team.json")]
    [InlineData("false", "reseed", "--dry-run", "false")]
    [InlineData("extra", "backup", "--to", "x.db", "extra")]
    [InlineData("extra", "restore", "extra", "--from", "x.db")]
    [InlineData("extra", "migrate-store", "--from", "x.db", "--to", "Host=127.0.0.1", "extra")]
    public async Task Run_StrayArgument_ExitsTwoNamingItAndChangesNothing(string stray, params string[] args)
    {
        var (code, output, errors) = await RunAsync(args);

        Assert.Equal((2, ""), (code, output));
        Assert.Equal($"Unexpected argument \"{stray}\". {Usage}\n", errors);
        Assert.False(File.Exists(StorePath));
    }

    [Theory]
    [InlineData("backup", "--to", "x.db")]
    [InlineData("restore", "--from", "x.db")]
    [InlineData("migrate-store", "--from", "x.db", "--to", "Host=127.0.0.1")]
    [InlineData("frobnicate")]
    public async Task RunInHost_CommandThatCannotRunThere_ExitsTwo(params string[] args)
    {
        var (code, output, errors) = await RunInHostAsync(args);

        Assert.Equal((2, ""), (code, output));
        Assert.Equal($"\"{args[0]}\" cannot run through the host; only ask, schedule and reseed can.\n", errors);
    }

    [Theory]
    [InlineData("ask", "/oncall", "--bogus", "x")]
    [InlineData("schedule", "--bogus")]
    [InlineData("reseed", "--bogus")]
    public async Task RunInHost_UnknownOption_ExitsTwoWithTheUsage(params string[] args)
    {
        var (code, output, errors) = await RunInHostAsync(args);

        Assert.Equal((2, ""), (code, output));
        Assert.Equal($"Unknown option --bogus. {Usage}\n", errors);
    }

    [Theory]
    [InlineData(new[] { "ask", "/oncall" }, true)]
    [InlineData(new[] { "migrate-store" }, true)]
    [InlineData(new[] { "frobnicate" }, true)]
    [InlineData(new[] { "--help" }, true)]
    [InlineData(new[] { "-h" }, true)]
    [InlineData(new[] { "-?" }, true)]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--urls=http://127.0.0.1:0" }, false)]
    [InlineData(new[] { "Store:Path=x.db" }, false)]
    [InlineData(new[] { "--Jobs:Enabled", "false" }, false)]
    public void IsCommand_Arguments_TellsTheCliFromTheHost(string[] args, bool command) =>
        Assert.Equal(command, CliApp.IsCommand(args));

    private async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var rooted = args.Select(a => a.EndsWith(".db", StringComparison.Ordinal) && !a.Contains('=', StringComparison.Ordinal) ? Path.Combine(_directory, a) : a);
        var code = await CliApp.RunAsync([args[0], $"--Store:Path={StorePath}", .. rooted.Skip(1)], output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    private static async Task<(int Code, string Output, string Errors)> RunInHostAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        await using var services = new ServiceCollection().BuildServiceProvider();
        var code = await CliApp.RunInHostAsync(args, services, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
