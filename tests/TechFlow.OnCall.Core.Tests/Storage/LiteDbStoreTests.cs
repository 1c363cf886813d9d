using TechFlow.OnCall.Core.Storage;
using TechFlow.OnCall.Storage;

namespace TechFlow.OnCall.Core.Tests.Storage;

public sealed class LiteDbStoreTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"oncall-store-{Guid.NewGuid():N}.db");
    private readonly LiteDbStore _store;

    public LiteDbStoreTests() => _store = new LiteDbStore(_path);

    [Fact]
    public void Write_WorkThrows_RollsBackEveryChange()
    {
        Store.Write(tx => tx.Set<Note>().Upsert(new Note { Id = "kept", Text = "before" }));

        var ex = Assert.Throws<InvalidOperationException>(() => Store.Write(tx =>
        {
            tx.Set<Note>().Upsert(new Note { Id = "kept", Text = "changed" });
            tx.Set<Note>().Upsert(new Note { Id = "new" });
            tx.Set<Note>().Delete("kept");
            throw new InvalidOperationException("boom");
        }));

        Assert.Equal("boom", ex.Message);
        Assert.Equal(1, _store.Set<Note>().Count());
        Assert.Equal("before", _store.Set<Note>().Get("kept")?.Text);
        Assert.Null(_store.Set<Note>().Get("new"));
    }

    [Fact]
    public void Write_AfterARolledBackWrite_StillCommits()
    {
        Assert.Throws<InvalidOperationException>(() => Store.Write(tx =>
        {
            tx.Set<Note>().Upsert(new Note { Id = "lost" });
            throw new InvalidOperationException("boom");
        }));

        Store.Write(tx => tx.Set<Note>().Upsert(new Note { Id = "saved" }));

        Assert.Equal(["saved"], _store.Set<Note>().All().Select(n => n.Id));
    }

    [Fact]
    public void TryInsert_DuplicateId_ReturnsFalseAndKeepsTheOriginal()
    {
        Assert.True(Store.Write(tx => tx.Set<Note>().TryInsert(new Note { Id = "a", Text = "first" })));

        var second = Store.Write(tx => tx.Set<Note>().TryInsert(new Note { Id = "a", Text = "second" }));

        Assert.False(second);
        Assert.Equal("first", _store.Set<Note>().Get("a")?.Text);
        Assert.Equal(1, _store.Set<Note>().Count());
    }

    [Fact]
    public void TryInsert_DuplicateInsideWrite_KeepsTheRestOfTheUnitOfWork()
    {
        Store.Write(tx => tx.Set<Note>().Upsert(new Note { Id = "a", Text = "first" }));

        var inserted = Store.Write(tx =>
        {
            tx.Set<Note>().Upsert(new Note { Id = "b" });
            var duplicate = tx.Set<Note>().TryInsert(new Note { Id = "a", Text = "second" });
            tx.Set<Note>().Upsert(new Note { Id = "c" });
            return duplicate;
        });

        Assert.False(inserted);
        Assert.Equal(["a", "b", "c"], _store.Set<Note>().All().Select(n => n.Id).Order());
        Assert.Equal("first", _store.Set<Note>().Get("a")?.Text);
    }

    [Fact]
    public void Find_OrderedAndLimited_ReturnsTopRecords()
    {
        Store.Write(tx =>
        {
            for (var i = 1; i <= 5; i++)
            {
                tx.Set<Note>().Upsert(new Note { Id = $"n{i}", Rank = i });
            }
        });

        var top = _store.Set<Note>().Find(n => n.Rank > 1, n => n.Rank, descending: true, limit: 2);

        Assert.Equal(["n5", "n4"], top.Select(n => n.Id));
        Assert.True(_store.Set<Note>().Exists(n => n.Rank == 3));
        Assert.Equal(2, Store.Write(tx => tx.Set<Note>().DeleteMany(n => n.Rank <= 2)));
        Assert.Equal(3, _store.Set<Note>().Count());
    }

    [Fact]
    public void Store_Reopened_KeepsCommittedRecords()
    {
        Store.Write(tx => tx.Set<Note>().Upsert(new Note { Id = "durable", Text = "yes" }));
        _store.Dispose();

        using var reopened = new LiteDbStore(_path);

        Assert.Equal("yes", reopened.Set<Note>().Get("durable")?.Text);
    }

    [Fact]
    public void Write_InsideAWrite_ThrowsAndTheOuterWorkRollsBack()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Store.Write(tx =>
        {
            tx.Set<Note>().Upsert(new Note { Id = "outer" });
            Store.Write(inner => inner.Set<Note>().Upsert(new Note { Id = "inner" }));
        }));

        Assert.Contains("cannot start another", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, _store.Set<Note>().Count());
    }

    [Fact]
    public void Change_OutsideAUnitOfWork_ThrowsAndStoresNothing()
    {
        Assert.Throws<InvalidOperationException>(() => _store.Set<Note>().Upsert(new Note { Id = "loose" }));
        Assert.Throws<InvalidOperationException>(() => _store.Set<Note>().TryInsert(new Note { Id = "loose" }));

        Assert.Equal(0, _store.Set<Note>().Count());
    }

    [Fact]
    public void Transaction_UsedAfterItsWork_Throws()
    {
        IStoreTransaction? kept = null;
        Store.Write(tx => kept = tx);

        Assert.Throws<ObjectDisposedException>(() => kept!.Set<Note>());
    }

    [Fact]
    public void Committed_AfterAChange_NamesTheChangedTypesOnce()
    {
        var commits = new List<StoreCommit>();
        Store.Committed += commits.Add;

        Store.Write(tx =>
        {
            tx.Set<Note>().Upsert(new Note { Id = "a" });
            tx.Set<Note>().Upsert(new Note { Id = "b" });
        });
        Store.Write(tx => tx.Set<Note>().Get("a"));

        var commit = Assert.Single(commits);
        Assert.True(commit.Touches<Note>());
        Assert.Equal([typeof(Note)], commit.Changed);
    }

    [Fact]
    public void Committed_NotRaisedForARolledBackWrite()
    {
        var commits = new List<StoreCommit>();
        Store.Committed += commits.Add;

        Assert.Throws<InvalidOperationException>(() => Store.Write(tx =>
        {
            tx.Set<Note>().Upsert(new Note { Id = "lost" });
            throw new InvalidOperationException("boom");
        }));

        Assert.Empty(commits);
    }

    private IOnCallStore Store => _store;

    public void Dispose()
    {
        _store.Dispose();
        File.Delete(_path);
        File.Delete(Path.ChangeExtension(_path, null) + "-log.db");
    }
}
