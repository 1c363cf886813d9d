using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Storage.Tests;

/// <summary>
/// What every implementation of the storage port promises, run against each provider (LiteDB and PostgreSQL).
/// This part: the repository operations and the unit of work. The queries the product uses are in the other part.
/// </summary>
public abstract partial class StoreContractTests : IDisposable
{
    private IOnCallStore? _store;

    /// <summary>An empty store, fresh for each test.</summary>
    protected abstract IOnCallStore CreateStore();

    protected IOnCallStore Store => _store ??= CreateStore();

    protected IRepository<Ticket> Tickets => Store.Set<Ticket>();

    public virtual void Dispose()
    {
        (_store as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    [SkippableFact]
    public void Get_Missing_ReturnsNull()
    {
        Assert.Null(Tickets.Get("nope"));
        Assert.Empty(Tickets.All());
        Assert.Equal(0, Tickets.Count());
    }

    [SkippableFact]
    public void Upsert_EmptyString_ComesBackEmptyNotNull()
    {
        Store.Write(tx => tx.Set<Ticket>().Upsert(Sample("t1") with { Title = "" }));

        Assert.Equal("", Tickets.Get("t1")!.Title);
    }

    [SkippableFact]
    public void Upsert_ThenGet_RoundTripsEveryField()
    {
        var ticket = Sample("t1") with
        {
            Owner = null,
            PreviousState = TicketState.Acknowledged,
            ClosedAt = new DateTimeOffset(2026, 11, 27, 17, 0, 0, TimeSpan.FromHours(-5)),
            Notes = [new TicketNote("alex-chen", "looking", new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(-5)))],
        };

        Store.Write(tx => tx.Set<Ticket>().Upsert(ticket));
        var stored = Tickets.Get("t1")!;

        Assert.Equal(ticket.Title, stored.Title);
        Assert.Null(stored.Owner);
        Assert.Equal(ticket.State, stored.State);
        Assert.Equal(TicketState.Acknowledged, stored.PreviousState);
        Assert.Equal((ticket.Rank, ticket.Seq, ticket.Urgent), (stored.Rank, stored.Seq, stored.Urgent));
        Assert.Equal(ticket.OpenedAt, stored.OpenedAt);
        Assert.Equal(ticket.ClosedAt, stored.ClosedAt);
        Assert.Equal(ticket.Day, stored.Day);
        Assert.Equal(ticket.Budget, stored.Budget);
        Assert.Equal(ticket.Tags, stored.Tags);
        var note = Assert.Single(stored.Notes);
        Assert.Equal(("alex-chen", "looking"), (note.Author, note.Text));
        Assert.Equal(ticket.Notes[0].At, note.At);
    }

    [SkippableFact]
    public void Upsert_Existing_ReplacesIt()
    {
        Store.Write(tx => tx.Set<Ticket>().Upsert(Sample("t1") with { Title = "first" }));

        Store.Write(tx => tx.Set<Ticket>().Upsert(Sample("t1") with { Title = "second" }));

        Assert.Equal("second", Tickets.Get("t1")!.Title);
        Assert.Equal(1, Tickets.Count());
    }

    [SkippableFact]
    public void All_ReturnsOnlyThisTypesRecords()
    {
        Store.Write(tx =>
        {
            tx.Set<Ticket>().Upsert(Sample("b"));
            tx.Set<Ticket>().Upsert(Sample("a"));
            tx.Set<Counter>().Upsert(new Counter { Id = "a", Value = 1 });
        });

        Assert.Equal(["a", "b"], Tickets.All().Select(t => t.Id).Order());
        Assert.Equal(2, Tickets.Count());
        Assert.Equal(1, Store.Set<Counter>().Count());
    }

    [SkippableFact]
    public void TryInsert_New_ReturnsTrue()
    {
        Assert.True(Store.Write(tx => tx.Set<Ticket>().TryInsert(Sample("a"))));
        Assert.NotNull(Tickets.Get("a"));
    }

    [SkippableFact]
    public void TryInsert_DuplicateId_ReturnsFalseAndKeepsTheOriginal()
    {
        Store.Write(tx => tx.Set<Ticket>().TryInsert(Sample("a") with { Title = "first" }));

        var second = Store.Write(tx => tx.Set<Ticket>().TryInsert(Sample("a") with { Title = "second" }));

        Assert.False(second);
        Assert.Equal("first", Tickets.Get("a")!.Title);
        Assert.Equal(1, Tickets.Count());
    }

    [SkippableFact]
    public void TryInsert_DuplicateInsideWrite_KeepsTheRestOfTheUnitOfWork()
    {
        Store.Write(tx => tx.Set<Ticket>().Upsert(Sample("a") with { Title = "first" }));

        var inserted = Store.Write(tx =>
        {
            tx.Set<Ticket>().Upsert(Sample("b"));
            var duplicate = tx.Set<Ticket>().TryInsert(Sample("a") with { Title = "second" });
            tx.Set<Ticket>().Upsert(Sample("c"));
            return duplicate;
        });

        Assert.False(inserted);
        Assert.Equal(["a", "b", "c"], Tickets.All().Select(t => t.Id).Order());
        Assert.Equal("first", Tickets.Get("a")!.Title);
    }

    [SkippableFact]
    public void Delete_ExistingAndMissing_SaysWhichWasDeleted()
    {
        Store.Write(tx => tx.Set<Ticket>().Upsert(Sample("a")));

        Assert.True(Store.Write(tx => tx.Set<Ticket>().Delete("a")));
        Assert.False(Store.Write(tx => tx.Set<Ticket>().Delete("a")));
        Assert.Null(Tickets.Get("a"));
    }

    [SkippableFact]
    public void DeleteMany_Predicate_CountsAndLeavesTheOthers()
    {
        Store.Write(tx =>
        {
            for (var i = 1; i <= 5; i++)
            {
                tx.Set<Ticket>().Upsert(Sample($"t{i}") with { Rank = i });
            }

            tx.Set<Counter>().Upsert(new Counter { Id = "t1" });
        });

        Assert.Equal(2, Store.Write(tx => tx.Set<Ticket>().DeleteMany(t => t.Rank <= 2)));
        Assert.Equal(["t3", "t4", "t5"], Tickets.All().Select(t => t.Id).Order());
        Assert.Equal(3, Store.Write(tx => tx.Set<Ticket>().DeleteMany(_ => true)));
        Assert.Equal(0, Tickets.Count());
        Assert.Equal(1, Store.Set<Counter>().Count());
    }

    [SkippableFact]
    public void Write_ReturnsTheWorksResultAndReadsItsOwnChanges()
    {
        var seen = Store.Write(tx =>
        {
            tx.Set<Ticket>().Upsert(Sample("a") with { Rank = 7 });
            tx.Set<Ticket>().Delete("missing");
            return (tx.Set<Ticket>().Get("a")?.Rank, tx.Set<Ticket>().Count(), tx.Set<Ticket>().Exists(t => t.Rank == 7),
                tx.Set<Ticket>().Find(t => t.Rank > 5).Count, Store.Set<Ticket>().Get("a")?.Rank);
        });

        Assert.Equal((7, 1, true, 1, 7), seen);
    }

    [SkippableFact]
    public void Write_WorkThrows_RollsBackEveryChange()
    {
        Store.Write(tx => tx.Set<Ticket>().Upsert(Sample("kept") with { Title = "before" }));

        var ex = Assert.Throws<InvalidOperationException>(() => Store.Write(tx =>
        {
            tx.Set<Ticket>().Upsert(Sample("kept") with { Title = "changed" });
            tx.Set<Ticket>().Upsert(Sample("new"));
            tx.Set<Counter>().Upsert(new Counter { Id = "c" });
            tx.Set<Ticket>().Delete("kept");
            throw new InvalidOperationException("boom");
        }));

        Assert.Equal("boom", ex.Message);
        Assert.Equal("before", Tickets.Get("kept")?.Title);
        Assert.Null(Tickets.Get("new"));
        Assert.Equal(0, Store.Set<Counter>().Count());
    }

    [SkippableFact]
    public void Write_AfterARolledBackWrite_StillCommits()
    {
        Assert.Throws<InvalidOperationException>(() => Store.Write(tx =>
        {
            tx.Set<Ticket>().Upsert(Sample("lost"));
            throw new InvalidOperationException("boom");
        }));

        Store.Write(tx => tx.Set<Ticket>().Upsert(Sample("saved")));

        Assert.Equal(["saved"], Tickets.All().Select(t => t.Id));
    }

    [SkippableFact]
    public void Write_InsideAWrite_ThrowsAndTheOuterWorkRollsBack()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Store.Write(tx =>
        {
            tx.Set<Ticket>().Upsert(Sample("outer"));
            Store.Write(inner => inner.Set<Ticket>().Upsert(Sample("inner")));
        }));

        Assert.Contains("cannot start another", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, Tickets.Count());
    }

    [SkippableFact]
    public void Change_OutsideAUnitOfWork_ThrowsAndStoresNothing()
    {
        Store.Write(tx => tx.Set<Ticket>().Upsert(Sample("existing")));

        Assert.Throws<InvalidOperationException>(() => Tickets.Upsert(Sample("loose")));
        Assert.Throws<InvalidOperationException>(() => Tickets.TryInsert(Sample("loose")));
        Assert.Throws<InvalidOperationException>(() => Tickets.Delete("existing"));
        Assert.Throws<InvalidOperationException>(() => Tickets.DeleteMany(_ => true));

        Assert.Equal(["existing"], Tickets.All().Select(t => t.Id));
    }

    [SkippableFact]
    public void Transaction_UsedAfterItsWork_Throws()
    {
        IStoreTransaction? kept = null;
        Store.Write(tx => kept = tx);

        Assert.Throws<ObjectDisposedException>(() => kept!.Set<Ticket>());
    }

    [SkippableFact]
    public void Write_FromManyThreads_NeverLosesAnUpdate()
    {
        Store.Write(tx => tx.Set<Counter>().Upsert(new Counter { Id = "hits" }));

        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => Store.Write(tx =>
        {
            var counter = tx.Set<Counter>().Get("hits")!;
            tx.Set<Counter>().Upsert(counter with { Value = counter.Value + 1 });
        }));

        Assert.Equal(40, Store.Set<Counter>().Get("hits")!.Value);
    }

    protected static Ticket Sample(string id) => new()
    {
        Id = id,
        Title = "Aggregate Profit late",
        Owner = "alex-chen",
        State = TicketState.Open,
        Rank = 1,
        Seq = 5_000_000_000,
        Urgent = true,
        OpenedAt = new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.FromHours(-5)),
        Day = new DateOnly(2026, 11, 23),
        Budget = TimeSpan.FromMinutes(90),
        Tags = ["investors", "month-end"],
    };
}
