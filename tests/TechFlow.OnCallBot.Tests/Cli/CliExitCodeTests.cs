using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Storage;
using TechFlow.OnCallBot.Cli;

namespace TechFlow.OnCallBot.Tests.Cli;

/// <summary>Exit codes 0 (done), 1 (failed) and 3 (store unavailable), and where options and configuration may go.</summary>
public sealed class CliExitCodeTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("oncall-cli-exit-").FullName;

    private string StorePath => Path.Combine(_directory, "oncall.db");

    private string BackupPath => Path.Combine(_directory, "backup.db");

    [Fact]
    public async Task BackupThenRestore_HeldByNoOne_ExitZeroAndSayWhatTheyDid()
    {
        await RunAsync("ask", "/oncall");

        var backup = await RunAsync("backup", "--to", BackupPath);
        var restore = await RunAsync("restore", "--from", BackupPath);

        Assert.Equal((0, ""), (backup.Code, backup.Errors));
        Assert.StartsWith($"Backed up {StorePath} to {BackupPath}: ", backup.Output, StringComparison.Ordinal);
        Assert.EndsWith(", verified.\n", backup.Output, StringComparison.Ordinal);
        Assert.Equal((0, ""), (restore.Code, restore.Errors));
        Assert.StartsWith($"Restored {StorePath} from {BackupPath}: ", restore.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_MissingBackup_ExitsOneAndKeepsTheStore()
    {
        await RunAsync("ask", "/oncall");

        var (code, output, errors) = await RunAsync("restore", "--from", BackupPath);

        Assert.Equal((1, ""), (code, output));
        Assert.StartsWith("Restore failed, the store is unchanged: ", errors, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync("ask", "/oncall")).Code);
    }

    [Fact]
    public async Task Reseed_DryRunOnTheSeededStore_ExitsZeroAndChangesNothing()
    {
        var (code, output, errors) = await RunAsync("reseed", "--dry-run");

        Assert.Equal((0, ""), (code, errors));
        Assert.Equal("seed/techflow.json matches the store; nothing would change.\n", output);
    }

    [Fact]
    public async Task Ask_ErrorReply_ExitsOne()
    {
        var (code, output, _) = await RunAsync("ask", new string('x', 4001));

        Assert.Equal(1, code);
        Assert.Contains("I read at most 4,000", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ask", "/oncall")]
    [InlineData("schedule")]
    [InlineData("reseed")]
    [InlineData("backup", "--to", "backup.db")]
    public async Task Command_StoreFromANewerBuild_ExitsThreeAndPrintsNothing(params string[] args)
    {
        await RunAsync("ask", "/oncall");
        SetVersion(StorePath, LiteDbSchema.Default.Current + 1);

        var (code, output, errors) = await RunAsync([.. args.Select(a => a == "backup.db" ? BackupPath : a)]);

        Assert.Equal((CliApp.StoreUnavailableExitCode, ""), (code, output));
        Assert.Contains("newer than this build understands", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(BackupPath));
    }

    [Fact]
    public async Task Ask_OptionsBeforeTheQuestionAndConfigurationWithoutDashes_Answers()
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var code = await CliApp.RunAsync(
            ["ask", "--at", "2026-11-27T17:01:00-05:00", $"Store:Path={StorePath}", "--as", "alex-chen", "/oncall"],
            output,
            errors,
            Fake);

        Assert.Equal((0, ""), (code, errors.ToString()));
        Assert.Contains("Primary: Lisa Wang until Fri Dec 4", output.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(StorePath));
    }

    [Fact]
    public async Task Schedule_RepeatedOption_TheLastOneCounts()
    {
        var (code, output, _) = await RunAsync("schedule", "--weeks", "9", "--weeks", "2", "--from", "2026-11-27");

        Assert.Equal(0, code);
        Assert.Equal(2, System.Text.Json.JsonDocument.Parse(output).RootElement.GetArrayLength());
    }

    private async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await CliApp.RunAsync([args[0], $"--Store:Path={StorePath}", .. args[1..]], output, errors, Fake);
        return (code, output.ToString(), errors.ToString());
    }

    private static void Fake(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Monday));
    }

    /// <summary>Rewrites the schema version as a newer build would have left it, holding the store's lock as any writer must.</summary>
    private static void SetVersion(string path, int version)
    {
        using var held = LiteDbStoreLock.Acquire(path);
        using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        db.UserVersion = version;
        db.Checkpoint();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
