using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCallBot.Cli;

namespace TechFlow.OnCallBot.Tests.Cli;

/// <summary><c>--help</c> lists every command and, for each command, every option; it exits 0 and opens no store.</summary>
public sealed class CliHelpTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("oncall-cli-help-").FullName;

    private string StorePath => Path.Combine(_directory, "oncall.db");

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public async Task Help_AtTheTop_ListsEveryCommandAndTheConventions(string help)
    {
        var (code, output, errors) = await RunAsync(help);

        Assert.Equal((0, ""), (code, errors));
        var flat = Flat(output);
        Assert.Contains("TechFlow.OnCallBot [command] [options]", flat, StringComparison.Ordinal);
        Assert.Contains("--Store:Path=", flat, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 done, 1 failed, 2 bad arguments, 3 the store is in use", flat, StringComparison.Ordinal);
        Assert.Contains("ask <TEXT> Prints the bot's plain-text answer", flat, StringComparison.Ordinal);
        Assert.Contains("reseed Merges the team file", flat, StringComparison.Ordinal);
        Assert.Contains("schedule Prints the shifts", flat, StringComparison.Ordinal);
        Assert.Contains("backup Writes a verified, consistent copy", flat, StringComparison.Ordinal);
        Assert.Contains("restore Replaces the store", flat, StringComparison.Ordinal);
        Assert.Contains("migrate-store Copies a LiteDB store", flat, StringComparison.Ordinal);
        Assert.False(File.Exists(StorePath));
    }

    [Theory]
    [InlineData("ask", "TechFlow.OnCallBot ask [<TEXT>...] [options]", "--as <USER>", "--at <ISO-8601>")]
    [InlineData("reseed", "TechFlow.OnCallBot reseed [options]", "--file <PATH>", "--dry-run")]
    [InlineData("schedule", "TechFlow.OnCallBot schedule [options]", "--from <YYYY-MM-DD>", "--weeks <N>", "--format <json|ics>", "[default: 4]", "[default: json]")]
    [InlineData("backup", "TechFlow.OnCallBot backup [options]", "--to <FILE>")]
    [InlineData("restore", "TechFlow.OnCallBot restore [options]", "--from <FILE>")]
    [InlineData("migrate-store", "TechFlow.OnCallBot migrate-store [options]", "--from <FILE.db>", "--to <\"Host=...;Database=...;Username=...;Password=...\">")]
    public async Task Help_OfACommand_ListsEachOfItsOptions(string command, params string[] lines)
    {
        foreach (var args in new[] { new[] { command, "--help" }, new[] { command, "-h", "--bogus", "x" } })
        {
            var (code, output, errors) = await RunAsync(args);

            Assert.Equal((0, ""), (code, errors));
            Assert.All(lines, line => Assert.Contains(line, Flat(output), StringComparison.Ordinal));
            Assert.Contains("-?, -h, --help", output, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(StorePath));
    }

    [Fact]
    public async Task Help_ThroughTheHost_IsTheSame()
    {
        var (_, local, _) = await RunAsync("schedule", "--help");
        using var output = new StringWriter();
        using var errors = new StringWriter();
        await using var services = new ServiceCollection().BuildServiceProvider();

        var code = await CliApp.RunInHostAsync(["schedule", "--help"], services, output, errors);

        Assert.Equal((0, ""), (code, errors.ToString()));
        Assert.Equal(local, output.ToString());
    }

    /// <summary>Help with every run of spaces and line breaks made one space, so wrapping at the console's width does not matter.</summary>
    private static string Flat(string help) => System.Text.RegularExpressions.Regex.Replace(help, @"\s+", " ");

    private async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await CliApp.RunAsync([.. args, $"--Store:Path={StorePath}"], output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
