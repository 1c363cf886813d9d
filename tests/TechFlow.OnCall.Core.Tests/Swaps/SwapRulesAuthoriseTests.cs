using TechFlow.OnCall.Core.Roster;
using TechFlow.OnCall.Core.Swaps;

namespace TechFlow.OnCall.Core.Tests.Swaps;

/// <summary>Who may move a request, and for whom, as typed refusals.</summary>
public class SwapRulesAuthoriseTests
{
    private static readonly Engineer Requester = new() { Id = "mike-rodriguez", Name = "Mike Rodriguez" };
    private static readonly Engineer Counterpart = new() { Id = "lisa-wang", Name = "Lisa Wang" };
    private static readonly Engineer Stranger = new() { Id = "sarah-johnson", Name = "Sarah Johnson" };
    private static readonly Engineer Manager = new() { Id = "jordan-blake", Name = "Jordan Blake", IsManager = true };

    private static readonly (string?, SwapResult.Refusal?) Allowed = (null, null);

    private static (string?, SwapResult.Refusal?) OnBehalfOf(string id) => (id, null);

    private static SwapRequest Request(string? counterpart = "lisa-wang", string createdBy = "mike-rodriguez") => new()
    {
        Id = "k7m2qp",
        RequesterId = Requester.Id,
        CounterpartId = counterpart,
        CreatedById = createdBy,
    };

    [Fact]
    public void Authorise_RequesterCancels_ForThemselves() =>
        Assert.Equal(Allowed, SwapRules.Authorise(Request(), Requester, SwapStatus.Cancelled));

    [Fact]
    public void Authorise_CreatorCancels_OnBehalfOfTheRequester() =>
        Assert.Equal(OnBehalfOf(Requester.Id), SwapRules.Authorise(Request(createdBy: Manager.Id), Manager, SwapStatus.Cancelled));

    [Fact]
    public void Authorise_OtherCancels_NotTheRequester()
    {
        var (_, refusal) = SwapRules.Authorise(Request(), Counterpart, SwapStatus.Cancelled);

        Assert.Equal(new SwapResult.NotTheRequester("k7m2qp", Requester.Id), refusal);
    }

    [Theory]
    [InlineData(SwapStatus.Approved)]
    [InlineData(SwapStatus.Declined)]
    public void Authorise_RequesterAnswers_OwnRequest(SwapStatus to) =>
        Assert.IsType<SwapResult.OwnRequest>(SwapRules.Authorise(Request(), Requester, to).Refusal);

    [Fact]
    public void Authorise_AnyoneTakesOpenCover_Allowed() =>
        Assert.Equal(Allowed, SwapRules.Authorise(Request(counterpart: null), Stranger, SwapStatus.Approved));

    [Fact]
    public void Authorise_DeclineOpenCover_OpenToAnyone() =>
        Assert.Equal(new SwapResult.OpenToAnyone("k7m2qp", Requester.Id), SwapRules.Authorise(Request(counterpart: null), Stranger, SwapStatus.Declined).Refusal);

    [Theory]
    [InlineData(SwapStatus.Approved)]
    [InlineData(SwapStatus.Declined)]
    public void Authorise_CounterpartAnswers_ForThemselves(SwapStatus to) =>
        Assert.Equal(Allowed, SwapRules.Authorise(Request(), Counterpart, to));

    [Fact]
    public void Authorise_ManagerAnswers_OnBehalfOfTheCounterpart() =>
        Assert.Equal(OnBehalfOf(Counterpart.Id), SwapRules.Authorise(Request(), Manager, SwapStatus.Approved));

    [Fact]
    public void Authorise_StrangerAnswers_NotTheCounterpart() =>
        Assert.Equal(new SwapResult.NotTheCounterpart("k7m2qp", Counterpart.Id), SwapRules.Authorise(Request(), Stranger, SwapStatus.Approved).Refusal);

    [Fact]
    public void AuthoriseUndo_EitherParty_ForThemselves()
    {
        Assert.Equal(Allowed, SwapRules.AuthoriseUndo(Request(), Requester));
        Assert.Equal(Allowed, SwapRules.AuthoriseUndo(Request(), Counterpart));
    }

    [Fact]
    public void AuthoriseUndo_Manager_OnBehalfOfTheRequester() =>
        Assert.Equal(OnBehalfOf(Requester.Id), SwapRules.AuthoriseUndo(Request(), Manager));

    [Fact]
    public void AuthoriseUndo_Stranger_NotAParty() =>
        Assert.Equal(new SwapResult.NotAParty("k7m2qp"), SwapRules.AuthoriseUndo(Request(), Stranger).Refusal);
}
