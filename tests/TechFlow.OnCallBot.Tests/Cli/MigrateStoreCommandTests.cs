using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage;
using TechFlow.OnCall.Storage.Postgres;
using TechFlow.OnCall.Testing;
using TechFlow.OnCallBot.Cli;

namespace TechFlow.OnCallBot.Tests.Cli;

/// <summary><c>migrate-store --from FILE --to CONNECTION</c>: a LiteDB file into an empty PostgreSQL database.</summary>
public sealed class MigrateStoreCommandTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("oncall-migrate-").FullName;
    private PostgresTestDatabase? _database;

    private string LiteDbPath => Path.Combine(_directory, "oncall.db");

    [SkippableFact]
    public async Task MigrateStore_SeededFile_CopiesEveryCollectionAndTheBotAnswersTheSame()
    {
        var target = Database().ConnectionString;
        var (_, onLiteDb, _) = await RunAsync("ask", "/oncall schedule 3 weeks", $"--Store:Path={LiteDbPath}");
        await RunAsync("ask", "/oncall swap 2026-12-04 with @mike-rodriguez", "--as", "lisa-wang", $"--Store:Path={LiteDbPath}");
        int shifts;
        using (var file = new LiteDbStore(LiteDbPath))
        {
            shifts = file.Set<Shift>().Count();
        }

        var (code, output, errors) = await RunAsync("migrate-store", "--from", LiteDbPath, "--to", target);
        var (_, onPostgres, _) = await RunAsync("ask", "/oncall schedule 3 weeks", "--Store:Provider=Postgres", $"--Store:ConnectionString={target}");

        Assert.Equal((0, ""), (code, errors));
        Assert.Contains("Every collection's count and records match.", output, StringComparison.Ordinal);
        Assert.Matches($@"Shift\s+{shifts}\s+{shifts}", output);
        Assert.Matches(@"Engineer\s+5\s+5", output);
        Assert.Equal(onLiteDb, onPostgres);
        using var copy = PostgresStore.Open(target);
        Assert.Equal(shifts, ((IOnCallStore)copy).Set<Shift>().Count());
    }

    [SkippableFact]
    public async Task MigrateStore_TargetNotEmpty_RefusesAndCopiesNothing()
    {
        var target = Database().ConnectionString;
        await RunAsync("ask", "/oncall", $"--Store:Path={LiteDbPath}");
        await RunAsync("ask", "/oncall", "--Store:Provider=Postgres", $"--Store:ConnectionString={target}");
        int before;
        using (var store = PostgresStore.Open(target))
        {
            before = ((IOnCallStore)store).Set<Shift>().Count();
        }

        var (code, _, errors) = await RunAsync("migrate-store", "--from", LiteDbPath, "--to", target);

        Assert.Equal(1, code);
        Assert.Contains("already holds", errors, StringComparison.Ordinal);
        using var after = PostgresStore.Open(target);
        Assert.Equal(before, ((IOnCallStore)after).Set<Shift>().Count());
    }

    [SkippableFact]
    public async Task MigrateStore_UnknownCollectionInTheFile_RefusesAndCopiesNothing()
    {
        var target = Database().ConnectionString;
        using (var file = new LiteDbStore(LiteDbPath))
        {
            ((IOnCallStore)file).Write(tx => tx.Set<Stray>().Upsert(new Stray { Id = "x" }));
        }

        var (code, _, errors) = await RunAsync("migrate-store", "--from", LiteDbPath, "--to", target);

        Assert.Equal(1, code);
        Assert.Contains("does not know: Stray", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--to", "Host=127.0.0.1")]
    [InlineData("--from", "missing.db", "--to", "Host=127.0.0.1")]
    [InlineData("--from", "oncall.db", "--to", "not a connection string")]
    public async Task MigrateStore_BadArguments_ExitsTwoWithAReason(params string[] args)
    {
        File.WriteAllText(Path.Combine(_directory, "oncall.db"), "");
        var rooted = args.Select(a => a.EndsWith(".db", StringComparison.Ordinal) ? Path.Combine(_directory, a) : a).ToArray();

        var (code, output, errors) = await RunAsync(["migrate-store", .. rooted]);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.NotEqual("", errors.Trim());
    }

    public void Dispose()
    {
        _database?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private PostgresTestDatabase Database() => _database = PostgresTestDatabase.Create();

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await CliApp.RunAsync(args, output, errors, services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(Monday));
        });
        return (code, output.ToString(), errors.ToString());
    }

    /// <summary>A collection no record type of the bot is named after.</summary>
    public sealed record Stray
    {
        public required string Id { get; init; }
    }
}
