using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Storage.Tests;

/// <summary>The predicates, orderings and commit notifications the product relies on, on every provider.</summary>
public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(-5));

    [SkippableFact]
    public void Find_InstantRangeCapturedInAnotherOffset_ComparesInstants()
    {
        SeedWeek();
        // 2026-11-24T05:00Z is Tuesday 00:00 in New York: the range [Tue, Thu) in UTC and in -05:00 must agree.
        var from = new DateTimeOffset(2026, 11, 24, 5, 0, 0, TimeSpan.Zero);
        var to = Monday.AddDays(3);

        var found = Tickets.Find(t => t.OpenedAt >= from && t.OpenedAt < to);

        Assert.Equal(["d1", "d2"], found.Select(t => t.Id).Order());
    }

    [SkippableFact]
    public void Find_NullableInstants_MatchNullAndNotNull()
    {
        SeedWeek();
        var cutoff = Monday.AddDays(2);

        Assert.Equal(["d0", "d1", "d2"], Tickets.Find(t => t.ClosedAt == null).Select(t => t.Id).Order());
        Assert.Equal(["d3", "d4"], Tickets.Find(t => t.ClosedAt != null).Select(t => t.Id).Order());
        Assert.Equal(["d4"], Tickets.Find(t => t.ClosedAt != null && t.ClosedAt > cutoff.AddDays(2)).Select(t => t.Id));
    }

    [SkippableFact]
    public void Find_EnumsStringsAndBooleans_MatchLikeLinq()
    {
        SeedWeek();
        var closed = TicketState.Closed;

        Assert.Equal(["d3", "d4"], Tickets.Find(t => t.State == closed).Select(t => t.Id).Order());
        Assert.Equal(["d0", "d1", "d2"], Tickets.Find(t => t.State != TicketState.Closed).Select(t => t.Id).Order());
        Assert.Equal(["d2"], Tickets.Find(t => t.PreviousState == TicketState.Acknowledged).Select(t => t.Id));
        Assert.Equal(["d1", "d3"], Tickets.Find(t => t.Owner == "lisa-wang").Select(t => t.Id).Order());
        Assert.Equal(["d4"], Tickets.Find(t => t.Owner == null).Select(t => t.Id));
        Assert.Equal(["d0", "d2", "d4"], Tickets.Find(t => t.Urgent).Select(t => t.Id).Order());
        Assert.Equal(["d1", "d3"], Tickets.Find(t => !t.Urgent).Select(t => t.Id).Order());
        Assert.Equal(["d0", "d3", "d4"], Tickets.Find(t => t.Rank == 0 || t.State == TicketState.Closed).Select(t => t.Id).Order());
    }

    [SkippableFact]
    public void Find_DateAndNumberRanges_Match()
    {
        SeedWeek();
        var from = new DateOnly(2026, 11, 24);
        var to = new DateOnly(2026, 11, 26);

        Assert.Equal(["d1", "d2", "d3"], Tickets.Find(t => t.Day >= from && t.Day <= to).Select(t => t.Id).Order());
        Assert.Equal(["d3", "d4"], Tickets.Find(t => t.Seq > 12).Select(t => t.Id).Order());
        Assert.Equal(5, Tickets.Find(t => t.OpenedAt > DateTimeOffset.MinValue).Count);
        Assert.Equal(5, Tickets.Find(_ => true).Count);
    }

    [SkippableFact]
    public void Find_OrderedAndLimited_ReturnsTheTopRecords()
    {
        SeedWeek();

        var latest = Tickets.Find(t => t.OpenedAt > DateTimeOffset.MinValue, t => t.OpenedAt, descending: true, limit: 2);
        var firstOpen = Tickets.Find(t => t.ClosedAt == null, t => t.Seq, limit: 1);
        var all = Tickets.Find(t => t.Rank >= 0, t => t.Day);

        Assert.Equal(["d4", "d3"], latest.Select(t => t.Id));
        Assert.Equal(["d0"], firstOpen.Select(t => t.Id));
        Assert.Equal(["d0", "d1", "d2", "d3", "d4"], all.Select(t => t.Id));
        Assert.Empty(Tickets.Find(t => t.Rank > 100, t => t.Seq, limit: 5));
    }

    [SkippableFact]
    public void Exists_MatchesOrNot()
    {
        SeedWeek();

        Assert.True(Tickets.Exists(t => t.State == TicketState.Closed && t.Owner == "lisa-wang"));
        Assert.False(Tickets.Exists(t => t.Owner == "nobody"));
    }

    [SkippableFact]
    public void EnsureIndex_OnEveryKindOfKey_LeavesQueriesWorking()
    {
        Tickets.EnsureIndex(t => t.Owner);
        Tickets.EnsureIndex(t => t.State);
        Tickets.EnsureIndex(t => t.OpenedAt);
        Tickets.EnsureIndex(t => t.Day);
        Tickets.EnsureIndex(t => t.Seq);
        Tickets.EnsureIndex(t => t.Owner);
        SeedWeek();

        Assert.Equal(["d1", "d3"], Tickets.Find(t => t.Owner == "lisa-wang").Select(t => t.Id).Order());
        Assert.Equal(2, Tickets.Find(t => t.State == TicketState.Closed).Count);
    }

    [SkippableFact]
    public void Committed_AfterAChange_NamesTheChangedTypesOnce()
    {
        var commits = new List<StoreCommit>();
        Store.Committed += commits.Add;

        Store.Write(tx =>
        {
            tx.Set<Ticket>().Upsert(Sample("a"));
            tx.Set<Ticket>().Upsert(Sample("b"));
            tx.Set<Counter>().TryInsert(new Counter { Id = "c" });
        });
        Store.Write(tx => tx.Set<Ticket>().Get("a"));

        var commit = Assert.Single(commits);
        Assert.True(commit.Touches<Ticket>());
        Assert.Equal([typeof(Counter), typeof(Ticket)], commit.Changed.OrderBy(t => t.Name));
    }

    [SkippableFact]
    public void Committed_NotRaisedForARollbackOrARefusedChange()
    {
        var commits = new List<StoreCommit>();
        Store.Committed += commits.Add;

        Assert.Throws<InvalidOperationException>(() => Store.Write(tx =>
        {
            tx.Set<Ticket>().Upsert(Sample("lost"));
            throw new InvalidOperationException("boom");
        }));
        Assert.Throws<InvalidOperationException>(() => Tickets.Upsert(Sample("loose")));

        Assert.Empty(commits);
    }

    [SkippableFact]
    public void Committed_RaisedAfterTheCommit_HandlerSeesTheChangeAndMayWrite()
    {
        string? seen = null;
        Store.Committed += commit =>
        {
            if (commit.Touches<Ticket>())
            {
                seen = Tickets.Get("a")?.Title;
                Store.Write(tx => tx.Set<Counter>().Upsert(new Counter { Id = "woken", Value = 1 }));
            }
        };

        Store.Write(tx => tx.Set<Ticket>().Upsert(Sample("a") with { Title = "committed" }));

        Assert.Equal("committed", seen);
        Assert.Equal(1, Store.Set<Counter>().Get("woken")?.Value);
    }

    /// <summary>d0..d4, one a day from Monday 2026-11-23 09:30 New York; d3 and d4 closed.</summary>
    private void SeedWeek() => Store.Write(tx =>
    {
        for (var i = 0; i < 5; i++)
        {
            tx.Set<Ticket>().Upsert(Sample($"d{i}") with
            {
                OpenedAt = Monday.AddDays(i).AddHours(9.5),
                Day = new DateOnly(2026, 11, 23).AddDays(i),
                Owner = i == 4 ? null : i % 2 == 1 ? "lisa-wang" : "alex-chen",
                State = i >= 3 ? TicketState.Closed : TicketState.Open,
                PreviousState = i == 2 ? TicketState.Acknowledged : null,
                ClosedAt = i >= 3 ? Monday.AddDays(i + 1) : null,
                Urgent = i % 2 == 0,
                Rank = i == 0 ? 0 : i,
                Seq = 10 + i,
            });
        }
    });
}
