using System.Security.Cryptography;
using LiteDB;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Storage;

namespace TechFlow.OnCall.Core.Tests.Storage;

public sealed class LiteDbSchemaTests : IDisposable
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"oncall-schema-{Guid.NewGuid():N}");
    private readonly List<string> _log = [];

    public LiteDbSchemaTests() => Directory.CreateDirectory(_directory);

    private string StorePath => Path.Combine(_directory, "oncall.db");

    [Fact]
    public void Open_NewStore_RecordsThisBuildsSchemaWithoutABackup()
    {
        using var store = LiteDbStoreOpener.Open(StorePath, Time, _log.Add);

        Assert.Equal(LiteDbSchema.Default.Current, store.SchemaVersion);
        Assert.Empty(_log);
        Assert.Empty(Directory.GetFiles(_directory, "*.bak"));
    }

    [Fact]
    public void Open_StoreMadeBeforeVersionsWereRecorded_BacksItUpThenMigratesKeepingItsData()
    {
        Raw(db =>
        {
            db.GetCollection("Note").Insert(new BsonDocument { ["_id"] = "kept", ["Text"] = "old", ["Rank"] = 3 });
            Assert.Equal(0, db.UserVersion);
        });

        using var store = LiteDbStoreOpener.Open(StorePath, Time, _log.Add);

        Assert.Equal(1, store.SchemaVersion);
        Assert.Equal("old", store.Set<Note>().Get("kept")!.Text);
        var backup = StorePath + ".v0.bak";
        Assert.True(File.Exists(backup));
        Assert.Equal(0, LiteDbBackup.Inspect(backup).SchemaVersion);
        Assert.Equal(1, LiteDbBackup.Inspect(backup).Counts.ByCollection["Note"]);
        Assert.Contains(_log, l => l.Contains("before migrating", StringComparison.Ordinal) && l.Contains(backup, StringComparison.Ordinal));
        Assert.Contains(_log, l => l.Contains("from schema 0 to 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Open_OlderStoreWithDataSteps_AppliesEachStepInOrder()
    {
        Raw(db =>
        {
            db.GetCollection("Note").Insert(new BsonDocument { ["_id"] = "a", ["Title"] = "renamed field" });
            db.UserVersion = 1;
        });
        var schema = new LiteDbSchema(3,
        [
            new LiteDbMigration(1, "Note.Title becomes Note.Text", db =>
            {
                var notes = db.GetCollection("Note");
                foreach (var doc in notes.FindAll().ToList())
                {
                    doc["Text"] = doc["Title"];
                    doc.Remove("Title");
                    notes.Update(doc);
                }
            }),
            new LiteDbMigration(2, "every note ranks 7", db => db.Execute("UPDATE Note SET Rank = 7")),
        ]);

        using var store = LiteDbStoreOpener.Open(StorePath, Time, _log.Add, schema);

        Assert.Equal(3, store.SchemaVersion);
        Assert.Equal(new Note { Id = "a", Text = "renamed field", Rank = 7 }, store.Set<Note>().Get("a"));
        Assert.True(File.Exists(StorePath + ".v1.bak"));
        Assert.Equal(["from schema 1 to 2", "from schema 2 to 3"], _log.Where(l => l.StartsWith("Migrated", StringComparison.Ordinal)).Select(l => l[(l.IndexOf("from", StringComparison.Ordinal))..l.IndexOf(':', StringComparison.Ordinal)]));
    }

    [Fact]
    public void Open_StoreFromANewerBuild_RefusesWithAClearMessageAndLeavesTheFileByteIdentical()
    {
        Raw(db =>
        {
            db.GetCollection("Note").Insert(new BsonDocument { ["_id"] = "a" });
            db.UserVersion = LiteDbSchema.Default.Current + 1;
        });
        var before = Hash(StorePath);

        var ex = Assert.Throws<StoreSchemaTooNewException>(() => LiteDbStoreOpener.Open(StorePath, Time, _log.Add));

        Assert.Contains($"has schema version {LiteDbSchema.Default.Current + 1}, newer than this build understands ({LiteDbSchema.Default.Current})", ex.Message);
        Assert.Equal(before, Hash(StorePath));
        using var again = LiteDbStoreLock.Acquire(StorePath);
    }

    [Fact]
    public void Open_HeldInThisProcess_ThrowsInUseNamingThisProcess()
    {
        using var first = LiteDbStoreOpener.Open(StorePath, Time, _log.Add);

        var ex = Assert.Throws<StoreInUseException>(() => LiteDbStoreOpener.Open(StorePath, Time, _log.Add));

        Assert.Equal($"the store {StorePath} is in use by process {Environment.ProcessId}; stop it or use --Store:Path", ex.Message);
    }

    [Fact]
    public void Open_AfterTheHolderClosed_Succeeds()
    {
        LiteDbStoreOpener.Open(StorePath, Time, _log.Add).Dispose();

        using var again = LiteDbStoreOpener.Open(StorePath, Time, _log.Add);

        Assert.Equal(LiteDbSchema.Default.Current, again.SchemaVersion);
    }

    private void Raw(Action<LiteDatabase> work)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = StorePath, Connection = ConnectionType.Direct });
        work(db);
        db.Checkpoint();
    }

    private static string Hash(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));

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
