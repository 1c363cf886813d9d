using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Storage;
using TechFlow.OnCall.Testing;
using TechFlow.OnCallBot.Tests.Support;

namespace TechFlow.OnCallBot.Tests.Store;

/// <summary>The host and the schema version its store records.</summary>
[Trait("Category", "ShippedHost")]
public sealed class StoreSchemaTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Host_StoreFromBeforeVersionsWereRecorded_BacksItUpMigratesAndKeepsTheTeam()
    {
        await using var app = new OnCallApp(Monday);
        await using (var first = new OnCallApp(Monday, new Dictionary<string, string?> { ["Store:Path"] = app.StorePath }))
        {
            _ = first.Services.GetRequiredService<RosterService>().Engineers();
        }

        SetVersion(app.StorePath, 0);

        var engineers = app.Services.GetRequiredService<RosterService>().Engineers();

        Assert.Equal(LiteDbSchema.Default.Current, ((LiteDbStore)app.Services.GetRequiredService<OnCall.Core.Storage.IOnCallStore>()).SchemaVersion);
        Assert.Contains(engineers, e => e.Id == "alex-chen");
        Assert.Equal(0, LiteDbBackup.Inspect(app.StorePath + ".v0.bak").SchemaVersion);
    }

    [Fact]
    public async Task HostProcess_StoreFromANewerBuild_ExitsThreeWithAClearMessage()
    {
        string path;
        await using (var app = new OnCallApp(Monday))
        {
            path = Path.Combine(Path.GetTempPath(), $"oncall-newer-{Guid.NewGuid():N}.db");
            _ = app.Services.GetRequiredService<RosterService>().Engineers();
            LiteDbBackup.Backup((LiteDbStore)app.Services.GetRequiredService<OnCall.Core.Storage.IOnCallStore>(), path);
        }

        SetVersion(path, LiteDbSchema.Default.Current + 1);
        try
        {
            using var bot = BotProcess.Start($"--Store:Path={path}", "--urls=http://127.0.0.1:0", "--Jobs:Enabled=false");
            var code = await bot.ExitCodeAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(3, code);
            Assert.Contains($"the store {path} has schema version {LiteDbSchema.Default.Current + 1}, newer than this build understands", bot.Errors);
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Rewrites the schema version as an older or newer build would have left it, holding the store's lock as any writer must.</summary>
    private static void SetVersion(string path, int version)
    {
        using var held = AcquireLock(path);
        using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        db.UserVersion = version;
        db.Checkpoint();
    }

    private static LiteDbStoreLock AcquireLock(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return LiteDbStoreLock.Acquire(path);
            }
            catch (StoreInUseException) when (attempt < 100)
            {
                Thread.Sleep(100);
            }
        }
    }
}
