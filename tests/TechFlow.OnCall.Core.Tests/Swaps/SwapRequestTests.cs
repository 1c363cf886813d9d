using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Swaps;

namespace TechFlow.OnCall.Core.Tests.Swaps;

/// <summary>The request's own transitions, without a store: each allowed move, each refusal, and repeats.</summary>
public class SwapRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ShiftStart = new(2026, 12, 4, 22, 0, 0, TimeSpan.Zero);

    public static TheoryData<SwapStatus> Closed => [SwapStatus.Approved, SwapStatus.Declined, SwapStatus.Cancelled, SwapStatus.Expired, SwapStatus.Undone];

    private static SwapRequest Request(SwapStatus status = SwapStatus.Open, string? counterpart = "lisa-wang") => new()
    {
        Id = "k7m2qp",
        Kind = counterpart is null ? SwapKind.Cover : SwapKind.Swap,
        Status = status,
        RequesterId = "mike-rodriguez",
        CounterpartId = counterpart,
        CreatedById = "mike-rodriguez",
        RequesterRole = ShiftRole.Primary,
        RequesterStart = ShiftStart,
        RequesterEnd = ShiftStart.AddDays(7),
        CreatedAt = Now.AddHours(-1),
        ExpiresAt = ShiftStart,
        RemindAt = ShiftStart.AddDays(-1),
        MessageKeys = [SwapKeys.RequestChannel("k7m2qp")],
    };

    [Fact]
    public void Approve_Open_ApprovedAndDecided()
    {
        var result = Request().Approve("jordan-blake", "lisa-wang", Now);

        var approved = Assert.IsType<SwapResult.Approved>(result);
        Assert.True(result.Changed);
        Assert.False(approved.Taken);
        Assert.Equal(SwapStatus.Approved, approved.Request!.Status);
        Assert.Equal("lisa-wang", approved.Request.CounterpartId);
        Assert.Equal("jordan-blake", approved.Request.DecidedById);
        Assert.Equal("lisa-wang", approved.Request.DecidedOnBehalfOfId);
        Assert.Equal(Now, approved.Request.DecidedAt);
    }

    [Fact]
    public void Approve_OpenCover_TakerBecomesCounterpart()
    {
        var result = Assert.IsType<SwapResult.Approved>(Request(counterpart: null).Approve("sarah-johnson", null, Now));

        Assert.True(result.Taken);
        Assert.Equal("sarah-johnson", result.Request!.CounterpartId);
        Assert.Equal("sarah-johnson", result.Request.DecidedById);
    }

    [Theory]
    [MemberData(nameof(Closed))]
    public void Approve_AlreadyClosed_RepeatChangesNothing(SwapStatus status)
    {
        var request = Request(status);

        var result = request.Approve("lisa-wang", null, Now);

        Assert.IsType<SwapResult.AlreadyDecided>(result);
        Assert.False(result.Changed);
        Assert.Same(request, result.Request);
    }

    [Theory]
    [MemberData(nameof(Closed))]
    public void DeclineAndCancel_AlreadyClosed_RepeatChangesNothing(SwapStatus status)
    {
        var request = Request(status);

        Assert.IsType<SwapResult.AlreadyDecided>(request.Decline("lisa-wang", null, Now));
        Assert.IsType<SwapResult.AlreadyDecided>(request.Cancel("mike-rodriguez", null, Now));
    }

    [Fact]
    public void Approve_ShiftStarted_RanOut()
    {
        var request = Request();

        var result = request.Approve("lisa-wang", null, ShiftStart);

        Assert.IsType<SwapResult.RanOut>(result);
        Assert.Same(request, result.Request);
    }

    [Fact]
    public void Decline_Open_DeclinedOnBehalf()
    {
        var result = Assert.IsType<SwapResult.Declined>(Request().Decline("jordan-blake", "lisa-wang", Now));

        Assert.Equal(SwapStatus.Declined, result.Request!.Status);
        Assert.Equal("jordan-blake", result.Request.DecidedById);
        Assert.Equal("lisa-wang", result.Request.DecidedOnBehalfOfId);
        Assert.Equal("lisa-wang", result.Request.CounterpartId);
    }

    [Fact]
    public void Cancel_Open_Cancelled()
    {
        var result = Assert.IsType<SwapResult.Cancelled>(Request().Cancel("mike-rodriguez", null, Now));

        Assert.Equal(SwapStatus.Cancelled, result.Request!.Status);
        Assert.Equal("mike-rodriguez", result.Request.DecidedById);
        Assert.Null(result.Request.DecidedOnBehalfOfId);
    }

    [Fact]
    public void Cancel_ShiftStarted_RanOut() =>
        Assert.IsType<SwapResult.RanOut>(Request().Cancel("mike-rodriguez", null, ShiftStart.AddMinutes(1)));

    [Fact]
    public void Expire_BeforeTheShift_NotYetDue() =>
        Assert.IsType<SwapResult.NotYetDue>(Request().Expire(ShiftStart.AddTicks(-1)));

    [Fact]
    public void Expire_AtTheShift_ExpiredByTheBot()
    {
        var result = Assert.IsType<SwapResult.Expired>(Request().Expire(ShiftStart));

        Assert.Equal(SwapStatus.Expired, result.Request!.Status);
        Assert.Equal(SwapRequest.BotActor, result.Request.DecidedById);
        Assert.Equal(ShiftStart, result.Request.DecidedAt);
    }

    [Theory]
    [MemberData(nameof(Closed))]
    public void Expire_AlreadyClosed_RepeatChangesNothing(SwapStatus status) =>
        Assert.IsType<SwapResult.AlreadyDecided>(Request(status).Expire(ShiftStart.AddDays(1)));

    [Fact]
    public void Undo_Approved_Undone()
    {
        var result = Assert.IsType<SwapResult.Undone>(Request(SwapStatus.Approved).Undo("lisa-wang", Now));

        Assert.Equal(SwapStatus.Undone, result.Request!.Status);
        Assert.Equal("lisa-wang", result.Request.UndoneById);
        Assert.Equal(Now, result.Request.UndoneAt);
    }

    [Fact]
    public void Undo_Undone_RepeatChangesNothing()
    {
        var request = Request(SwapStatus.Undone);

        var result = request.Undo("lisa-wang", Now);

        Assert.IsType<SwapResult.AlreadyUndone>(result);
        Assert.Same(request, result.Request);
    }

    [Theory]
    [InlineData(SwapStatus.Open)]
    [InlineData(SwapStatus.Declined)]
    [InlineData(SwapStatus.Cancelled)]
    [InlineData(SwapStatus.Expired)]
    public void Undo_NotApproved_Refused(SwapStatus status) =>
        Assert.IsType<SwapResult.NotApproved>(Request(status).Undo("lisa-wang", Now));

    [Fact]
    public void Undo_ShiftStarted_Refused() =>
        Assert.IsType<SwapResult.Started>(Request(SwapStatus.Approved).Undo("lisa-wang", ShiftStart));

    [Fact]
    public void RemindedDaily_NextBeforeExpiry_TomorrowAndKeyKept()
    {
        var reminded = Request().RemindedDaily(Now, "swap:k7m2qp:reminder:202611231500", TimeSpan.FromDays(1));

        Assert.Equal(Now, reminded.RemindedAt);
        Assert.Equal(Now.AddDays(1), reminded.RemindAt);
        Assert.Equal(["swap:k7m2qp:request:channel", "swap:k7m2qp:reminder:202611231500"], reminded.MessageKeys);
    }

    [Fact]
    public void RemindedDaily_NextAfterExpiry_CappedAtExpiry() =>
        Assert.Equal(ShiftStart, Request().RemindedDaily(ShiftStart.AddHours(-2), "k", TimeSpan.FromDays(1)).RemindAt);

    [Fact]
    public void RemindedOnceAndManagerWarned_StampTheTime()
    {
        var request = Request().RemindedOnce(Now, "swap:k7m2qp:reminder").ManagerWarned(Now.AddHours(1));

        Assert.Equal(Now, request.RemindedAt);
        Assert.Equal(Now.AddHours(1), request.ManagerWarnedAt);
        Assert.Equal(ShiftStart.AddDays(-1), request.RemindAt);
        Assert.Contains("swap:k7m2qp:reminder", request.MessageKeys);
    }
}
