using TechFlow.OnCall.Core.Calendar;
using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Schedule;

namespace TechFlow.OnCall.Core.Tests.Schedule;

/// <summary>The effective schedule as a pure function: plans, swaps, covers, time off and roster changes applied.</summary>
public class EffectiveScheduleCalculatorTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    // Fri 2026-12-04 17:00 EST → Fri 2026-12-11 17:00 EST.
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 22, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddDays(7);
    private static readonly Shift Week = new() { Id = "2026-12-04", Start = Start, End = End, PrimaryId = "lisa", SecondaryId = "mike" };
    private static readonly Engineer[] Team =
    [
        new() { Id = "alex", Name = "Alex Chen" },
        new() { Id = "sarah", Name = "Sarah Johnson" },
        new() { Id = "mike", Name = "Mike Rodriguez" },
        new() { Id = "lisa", Name = "Lisa Wang" },
    ];

    [Fact]
    public void Compute_PlainWeek_OneSlicePerRoleHeldAsPlanned()
    {
        var shift = Compute([]);

        var primary = Assert.Single(shift.Primary);
        Assert.Equal(("lisa", SliceReason.Planned, Start, End), (primary.HolderId, primary.Reason, primary.Start, primary.End));
        Assert.Equal("mike", Assert.Single(shift.Secondary).HolderId);
        Assert.Single(shift.Segments());
    }

    [Fact]
    public void Compute_MidWeekCover_ThreePrimarySlicesAndThreeSegments()
    {
        var cover = Override("c1", "sarah", Start.AddDays(2), Start.AddDays(4));

        var shift = Compute([cover]);

        Assert.Equal(["lisa", "sarah", "lisa"], shift.Primary.Select(s => s.HolderId));
        Assert.Equal(SliceReason.Cover, shift.Primary[1].Reason);
        Assert.Equal("lisa", shift.Primary[1].Planned.Id);
        Assert.Equal(Start.AddDays(4), shift.Primary[1].Until);
        Assert.Equal(3, shift.Segments().Count);
        Assert.Equal("lisa", shift.WorkedBy(ShiftRole.Primary)!.Id);
    }

    [Fact]
    public void Compute_CoverToTheHandoff_TwoSegments()
    {
        var shift = Compute([Override("c1", "sarah", Start.AddDays(4), End)]);

        Assert.Equal(2, shift.Segments().Count);
        Assert.Equal("sarah", shift.Segments()[1].Primary.HolderId);
    }

    [Fact]
    public void Compute_SwapOverride_ReasonIsSwap()
    {
        var swap = Override("s1", "alex", Start, End) with { Kind = OverrideKind.Swap };

        var shift = Compute([swap]);

        var slice = Assert.Single(shift.Primary);
        Assert.Equal((SliceReason.Swap, "alex"), (slice.Reason, slice.HolderId));
        Assert.Equal("alex", shift.WorkedBy(ShiftRole.Primary)!.Id);
    }

    [Fact]
    public void Compute_TimeOffWithoutCover_UncoveredFromLocalMidnightAndNobodyNamed()
    {
        // Lisa is off Tue Dec 8 – Wed Dec 9: from Tue 00:00 EST (05:00 UTC) to Thu 00:00 EST.
        var off = new TimeOff { Id = "t", EngineerId = "lisa", From = new(2026, 12, 8), To = new(2026, 12, 9) };

        var shift = Compute([], [off]);

        Assert.Equal(3, shift.Primary.Count);
        var gap = shift.Primary[1];
        Assert.Null(gap.Holder);
        Assert.Equal(SliceReason.TimeOff, gap.Reason);
        Assert.Equal("lisa", gap.Away!.Id);
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 5, 0, 0, TimeSpan.Zero), gap.Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 10, 5, 0, 0, TimeSpan.Zero), gap.End);
        Assert.All(shift.Secondary, s => Assert.Equal("mike", s.HolderId));
    }

    [Fact]
    public void Compute_TimeOffCovered_HolderIsTheCoverAndThePlannedPersonIsAway()
    {
        var off = new TimeOff { Id = "t", EngineerId = "lisa", From = new(2026, 12, 8), To = new(2026, 12, 9) };
        var cover = Override("c1", "sarah", new DateTimeOffset(2026, 12, 8, 5, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 10, 5, 0, 0, TimeSpan.Zero));

        var shift = Compute([cover], [off]);

        var covered = shift.Primary[1];
        Assert.Equal(("sarah", SliceReason.Cover, "lisa"), (covered.HolderId, covered.Reason, covered.Away!.Id));
        Assert.DoesNotContain(shift.Primary, s => s.IsUncovered);
    }

    [Fact]
    public void Compute_CoverWhoIsAway_Uncovered()
    {
        var off = new TimeOff { Id = "t", EngineerId = "sarah", From = new(2026, 12, 1), To = new(2026, 12, 31) };

        var shift = Compute([Override("c1", "sarah", Start, End)], [off]);

        var slice = Assert.Single(shift.Primary);
        Assert.Null(slice.Holder);
        Assert.Equal("sarah", slice.Away!.Id);
    }

    [Fact]
    public void Compute_UnapprovedTimeOff_Ignored()
    {
        var off = new TimeOff { Id = "t", EngineerId = "lisa", From = new(2026, 12, 8), To = new(2026, 12, 9), Approved = false };

        Assert.Single(Compute([], [off]).Primary);
    }

    [Fact]
    public void Compute_LeftTheTeamMidWeek_UncoveredFromThatDay()
    {
        var team = Team.Select(e => e.Id == "mike" ? e with { LeftOn = new DateOnly(2026, 12, 7) } : e).ToList();

        var shift = EffectiveScheduleCalculator.Compute(new ScheduleInputs([Week], [], [], team), NewYork)[0];

        Assert.Equal(2, shift.Secondary.Count);
        Assert.Equal(SliceReason.LeftTeam, shift.Secondary[1].Reason);
        Assert.Null(shift.Secondary[1].Holder);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 5, 0, 0, TimeSpan.Zero), shift.Secondary[1].Start);
    }

    [Fact]
    public void Compute_PlannedPersonNotOnTheRoster_UncoveredLeftTheTeam()
    {
        var team = Team.Where(e => e.Id != "lisa").ToList();

        var slice = Assert.Single(EffectiveScheduleCalculator.Compute(new ScheduleInputs([Week], [], [], team), NewYork)[0].Primary);

        Assert.Equal((SliceReason.LeftTeam, "lisa"), (slice.Reason, slice.Away!.Id));
    }

    [Fact]
    public void Compute_LatestOverrideWinsAndCancelledIsIgnored()
    {
        var older = Override("a", "alex", Start, End) with { CreatedAt = Start.AddDays(-3) };
        var newer = Override("b", "sarah", Start, End) with { CreatedAt = Start.AddDays(-2) };
        var cancelled = Override("c", "mike", Start, End) with { CreatedAt = Start.AddDays(-1), CancelledAt = Start.AddDays(-1) };

        Assert.Equal("sarah", Assert.Single(Compute([older, newer, cancelled]).Primary).HolderId);
    }

    [Fact]
    public void AwayAt_TimeOffAndLeavers_AreAway()
    {
        var off = new TimeOff { Id = "t", EngineerId = "lisa", From = new(2026, 12, 8), To = new(2026, 12, 9) };
        var team = Team.Select(e => e.Id == "mike" ? e with { LeftOn = new DateOnly(2026, 12, 1) } : e).ToList();
        var inputs = new ScheduleInputs([Week], [], [off], team);

        var away = EffectiveScheduleCalculator.AwayAt(inputs, NewYork, new DateTimeOffset(2026, 12, 8, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(["lisa", "mike"], away.Order(StringComparer.Ordinal));
    }

    private static EffectiveShift Compute(IReadOnlyList<ScheduleOverride> overrides, IReadOnlyList<TimeOff>? timeOff = null) =>
        Assert.Single(EffectiveScheduleCalculator.Compute(new ScheduleInputs([Week], overrides, timeOff ?? [], Team), NewYork));

    private static ScheduleOverride Override(string id, string who, DateTimeOffset from, DateTimeOffset to) => new()
    {
        Id = id,
        Start = from,
        End = to,
        Role = ShiftRole.Primary,
        EngineerId = who,
        ReplacesId = "lisa",
        CreatedAt = Start.AddDays(-1),
    };
}
