using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage;

namespace TechFlow.OnCall.Core.Tests.Storage;

public sealed class LiteDbBackupTests : IDisposable
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"oncall-backup-{Guid.NewGuid():N}");

    public LiteDbBackupTests() => Directory.CreateDirectory(_directory);

    private string StorePath => Path.Combine(_directory, "oncall.db");

    private string Backup => Path.Combine(_directory, "backups", "copy.db");

    [Fact]
    public async Task Backup_DuringABurstOfWrites_OpensWithEveryAcknowledgedChange()
    {
        using var store = LiteDbStoreOpener.Open(StorePath, Time, _ => { });
        var acknowledged = 0;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            for (var i = 1; !stop.IsCancellationRequested; i++)
            {
                ((IOnCallStore)store).Write(tx =>
                {
                    tx.Set<Note>().Upsert(new Note { Id = $"n{i}", Rank = i, Text = new string('x', 200) });
                    tx.Set<Tally>().Upsert(new Tally { Id = "notes", Value = i });
                });
                Volatile.Write(ref acknowledged, i);
            }
        });
        while (Volatile.Read(ref acknowledged) < 300)
        {
            await Task.Delay(5);
        }

        var before = Volatile.Read(ref acknowledged);
        var counts = LiteDbBackup.Backup(store, Backup);
        var after = Volatile.Read(ref acknowledged);
        await stop.CancelAsync();
        await writer;

        using var copy = new LiteDbStore(Backup);
        var notes = copy.Set<Note>().All();
        var tally = copy.Set<Tally>().Get("notes")!.Value;
        Assert.InRange(tally, before, after + 1);
        Assert.Equal(tally, notes.Count);
        Assert.Equal(Enumerable.Range(1, tally), notes.Select(n => n.Rank).Order());
        Assert.Equal(tally, counts.ByCollection[nameof(Note)]);
        Assert.True(after > before, "the writer kept writing while the backup ran");
    }

    [Fact]
    public void Backup_ToTheStoreItself_IsRefused()
    {
        using var store = LiteDbStoreOpener.Open(StorePath, Time, _ => { });

        var ex = Assert.Throws<StoreBackupException>(() => LiteDbBackup.Backup(store, StorePath));

        Assert.Contains("is the store itself", ex.Message);
    }

    [Fact]
    public void Restore_ABackup_RoundTripsAndKeepsTheReplacedStore()
    {
        using (var store = LiteDbStoreOpener.Open(StorePath, Time, _ => { }))
        {
            ((IOnCallStore)store).Write(tx => tx.Set<Note>().Upsert(new Note { Id = "kept", Text = "at backup" }));
            LiteDbBackup.Backup(store, Backup);
            ((IOnCallStore)store).Write(tx =>
            {
                tx.Set<Note>().Upsert(new Note { Id = "kept", Text = "changed later" });
                tx.Set<Note>().Upsert(new Note { Id = "later" });
            });
        }

        var (counts, replaced) = LiteDbRestore.Restore(Backup, StorePath, LiteDbSchema.Default, Time);

        using var restored = LiteDbStoreOpener.Open(StorePath, Time, _ => { });
        Assert.Equal("at backup", restored.Set<Note>().Get("kept")!.Text);
        Assert.Null(restored.Set<Note>().Get("later"));
        Assert.Equal(1, counts.ByCollection[nameof(Note)]);
        Assert.NotNull(replaced);
        using var previous = new LiteDbStore(replaced);
        Assert.Equal("changed later", previous.Set<Note>().Get("kept")!.Text);
    }

    [Fact]
    public void Restore_WhileAnotherHolderHasTheStore_IsRefusedAndChangesNothing()
    {
        using (var store = LiteDbStoreOpener.Open(StorePath, Time, _ => { }))
        {
            ((IOnCallStore)store).Write(tx => tx.Set<Note>().Upsert(new Note { Id = "a" }));
            LiteDbBackup.Backup(store, Backup);
            ((IOnCallStore)store).Write(tx => tx.Set<Note>().Upsert(new Note { Id = "b" }));
        }

        using var host = LiteDbStoreOpener.Open(StorePath, Time, _ => { });
        host.Checkpoint();
        var before = Hash(StorePath);

        var ex = Assert.Throws<StoreInUseException>(() => LiteDbRestore.Restore(Backup, StorePath, LiteDbSchema.Default, Time));

        Assert.Contains($"is in use by process {Environment.ProcessId}", ex.Message);
        Assert.Equal(before, Hash(StorePath));
        Assert.Equal(2, host.Set<Note>().Count());
    }

    [Theory]
    [InlineData("not a database at all")]
    [InlineData("")]
    public void Restore_FromAFileThatIsNotAStore_IsRefusedAndChangesNothing(string content)
    {
        using (var store = LiteDbStoreOpener.Open(StorePath, Time, _ => { }))
        {
            ((IOnCallStore)store).Write(tx => tx.Set<Note>().Upsert(new Note { Id = "a" }));
        }

        var before = Hash(StorePath);
        var junk = Path.Combine(_directory, "junk.db");
        File.WriteAllText(junk, content);

        Assert.Throws<StoreBackupException>(() => LiteDbRestore.Restore(junk, StorePath, LiteDbSchema.Default, Time));

        Assert.Equal(before, Hash(StorePath));
        Assert.Equal(content, File.ReadAllText(junk));
    }

    [Fact]
    public void Restore_FromAMissingFile_SaysSo()
    {
        var ex = Assert.Throws<StoreBackupException>(() => LiteDbRestore.Restore(Path.Combine(_directory, "nope.db"), StorePath, LiteDbSchema.Default, Time));

        Assert.Contains("does not exist", ex.Message);
        Assert.False(File.Exists(StorePath));
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
