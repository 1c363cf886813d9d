using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Roster;

namespace TechFlow.OnCall.Core.Tests.Paging;

/// <summary>The page's own transitions, without a store: acknowledge, resolve, escalate, the climb and repeats.</summary>
public class PageTests
{
    private static readonly DateTimeOffset Opened = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private static readonly Engineer Mike = new() { Id = "mike-rodriguez", Name = "Mike Rodriguez" };
    private static readonly Engineer Lisa = new() { Id = "lisa-wang", Name = "Lisa Wang" };
    private static readonly Engineer Jordan = new() { Id = "jordan-blake", Name = "Jordan Blake" };

    private static readonly IReadOnlyList<EscalationStep> Chain =
    [
        new(new EscalationLevel(1, EscalationTarget.PrimaryOnCall, TimeSpan.FromMinutes(30)), Mike, "primary on call"),
        new(new EscalationLevel(2, EscalationTarget.SecondaryOnCall, TimeSpan.FromMinutes(45)), Lisa, "secondary on call"),
        new(new EscalationLevel(3, EscalationTarget.Manager, TimeSpan.FromHours(2)), Jordan, "engineering manager"),
    ];

    /// <summary>A page just opened and pinged at level 1.</summary>
    private static Page Open() => new Page
    {
        Id = "k7m2qx",
        PipelineId = "aggregate-profit",
        Message = "late",
        DedupeKey = "aggregate-profit|late",
        Level = 0,
        OpenedAt = Opened,
        LevelStartedAt = Opened,
    }.Climb(Chain, 1, Opened, Opened, manual: null).Page;

    [Fact]
    public void Climb_Opening_PingsLevelOneAndWaitsItsTime()
    {
        var page = Open();

        var ping = Assert.Single(page.Notifications);
        Assert.Equal((1, 0, Mike.Id, PageKeys.Direct("k7m2qx", 1)), (ping.Level, ping.Round, ping.EngineerId, ping.Key));
        Assert.Equal(Opened.AddMinutes(30), page.NextEscalationAt);
    }

    [Fact]
    public void Acknowledge_Open_StopsTheClimb()
    {
        var result = Assert.IsType<PageResult.Acknowledged>(Open().Acknowledge(Lisa.Id, Opened.AddMinutes(5)));

        Assert.True(result.Changed);
        Assert.Equal((PageStatus.Acknowledged, Lisa.Id, Opened.AddMinutes(5)), (result.Page!.Status, result.Page.AcknowledgedBy, result.Page.AcknowledgedAt));
        Assert.Null(result.Page.NextEscalationAt);
    }

    [Fact]
    public void Acknowledge_Acknowledged_RepeatChangesNothing()
    {
        var acknowledged = Open().Acknowledge(Lisa.Id, Opened.AddMinutes(5)).Page!;

        var result = acknowledged.Acknowledge(Mike.Id, Opened.AddMinutes(6));

        Assert.IsType<PageResult.AlreadyAcknowledged>(result);
        Assert.False(result.Changed);
        Assert.Same(acknowledged, result.Page);
    }

    [Fact]
    public void Acknowledge_Resolved_AlreadyResolved() =>
        Assert.IsType<PageResult.AlreadyResolved>(Open().Resolve(Mike.Id, Opened.AddHours(1)).Page!.Acknowledge(Mike.Id, Opened.AddHours(2)));

    [Fact]
    public void Resolve_Unacknowledged_CountsAsAcknowledgedNow()
    {
        var resolved = Assert.IsType<PageResult.Resolved>(Open().Resolve(Mike.Id, Opened.AddHours(1))).Page!;

        Assert.Equal(PageStatus.Resolved, resolved.Status);
        Assert.Equal(TimeSpan.FromHours(1), resolved.TimeToAcknowledge);
        Assert.Equal(TimeSpan.FromHours(1), resolved.TimeToResolve);
        Assert.Equal(Mike.Id, resolved.AcknowledgedBy);
        Assert.Null(resolved.NextEscalationAt);
    }

    [Fact]
    public void Resolve_Acknowledged_KeepsWhoAcknowledged()
    {
        var resolved = Open().Acknowledge(Lisa.Id, Opened.AddMinutes(5)).Page!.Resolve(Mike.Id, Opened.AddHours(1)).Page!;

        Assert.Equal((Lisa.Id, Mike.Id), (resolved.AcknowledgedBy, resolved.ResolvedBy));
        Assert.Equal(TimeSpan.FromMinutes(5), resolved.TimeToAcknowledge);
    }

    [Fact]
    public void Resolve_Resolved_RepeatChangesNothing()
    {
        var resolved = Open().Resolve(Mike.Id, Opened.AddHours(1)).Page!;

        var result = resolved.Resolve(Lisa.Id, Opened.AddHours(2));

        Assert.IsType<PageResult.AlreadyResolved>(result);
        Assert.Same(resolved, result.Page);
    }

    [Fact]
    public void Escalate_Open_PingsTheNextLevelByHand()
    {
        var result = Assert.IsType<PageResult.Escalated>(Open().Escalate(Chain, Jordan.Id, Opened.AddMinutes(10)));

        Assert.Equal(2, result.Page!.Level);
        Assert.Equal((Lisa.Id, true), (result.Climb.Notification.EngineerId, result.Climb.Notification.Manual));
        Assert.Equal(Jordan.Id, result.Climb.ManualBy);
        Assert.Equal(TimeSpan.FromMinutes(10), result.Climb.Waited);
        Assert.Equal(Opened.AddMinutes(55), result.Page.NextEscalationAt);
    }

    [Fact]
    public void Escalate_Acknowledged_PingsWithoutATimer()
    {
        var acknowledged = Open().Acknowledge(Mike.Id, Opened.AddMinutes(5)).Page!;

        var result = Assert.IsType<PageResult.Escalated>(acknowledged.Escalate(Chain, Mike.Id, Opened.AddMinutes(10)));

        Assert.Equal((2, PageStatus.Acknowledged), (result.Page!.Level, result.Page.Status));
        Assert.Null(result.Page.NextEscalationAt);
    }

    [Fact]
    public void Escalate_WithinDebounce_TakenAsADoublePress()
    {
        var page = Open();

        var result = page.Escalate(Chain, Jordan.Id, Opened + PagingTargets.EscalateDebounce - TimeSpan.FromSeconds(1));

        Assert.IsType<PageResult.JustEscalated>(result);
        Assert.Same(page, result.Page);
    }

    [Fact]
    public void Escalate_Resolved_AlreadyResolved() =>
        Assert.IsType<PageResult.AlreadyResolved>(Open().Resolve(Mike.Id, Opened.AddHours(1)).Page!.Escalate(Chain, Mike.Id, Opened.AddHours(2)));

    [Fact]
    public void Climb_PastTheLastLevel_RepeatsItWithARound()
    {
        var top = Open().Climb(Chain, 3, Opened.AddMinutes(30), Opened.AddMinutes(30), null).Page;

        var climb = top.Climb(Chain, 4, Opened.AddHours(3), Opened.AddHours(3), null);

        Assert.True(climb.Repeat);
        Assert.Equal((3, 1, Jordan.Id), (climb.Page.Level, climb.Page.Round, climb.Notification.EngineerId));
        Assert.Equal(PageKeys.Repeat("k7m2qx", 3, 1), climb.Notification.Key);
    }

    [Fact]
    public void Climb_LevelWithNobody_PassedOverWithANote()
    {
        IReadOnlyList<EscalationStep> chain = [Chain[0], Chain[1] with { Engineer = null, Hole = "nobody holds it (Lisa Wang left the team)" }, Chain[2]];

        var climb = Open().Climb(chain, 2, Opened.AddMinutes(30), Opened.AddMinutes(30), null);

        Assert.Equal((3, Jordan.Id), (climb.Page.Level, climb.Notification.EngineerId));
        Assert.Equal(["Level 2 (secondary on call) was skipped: nobody holds it (Lisa Wang left the team)"], climb.Notification.Skipped);
    }

    [Fact]
    public void Climb_StandInSecondaryAlreadyPaged_PassedOverSilently()
    {
        IReadOnlyList<EscalationStep> chain = [Chain[0], Chain[1] with { Engineer = null, Hole = EscalationStep.AlreadyPagedHole }, Chain[2]];

        var climb = Open().Climb(chain, 2, Opened.AddMinutes(30), Opened.AddMinutes(30), null);

        Assert.Equal(3, climb.Page.Level);
        Assert.Empty(climb.Notification.Skipped);
    }

    [Fact]
    public void Climb_BotLaterThanTheWholeWait_FullWaitFromNow()
    {
        var late = Opened.AddHours(2);

        var climb = Open().Climb(Chain, 2, Opened.AddMinutes(30), late, null);

        Assert.Equal(late.AddMinutes(45), climb.Page.NextEscalationAt);
    }

    [Fact]
    public void DueAt_OpenPastItsWait_TheDueTime()
    {
        var page = Open();

        Assert.Null(page.DueAt(Opened.AddMinutes(29)));
        Assert.Equal(Opened.AddMinutes(30), page.DueAt(Opened.AddMinutes(31)));
        Assert.Null(page.Acknowledge(Mike.Id, Opened.AddMinutes(1)).Page!.DueAt(Opened.AddHours(1)));
    }

    [Fact]
    public void Joined_CountsTheLaterReport() => Assert.Equal(2, Open().Joined().Joined().JoinCount);
}
