namespace TechFlow.OnCall.Slack.Interactions;

/// <summary>Handles button presses after Slack was acknowledged (after SlackNet's <c>IBlockActionHandler</c>).</summary>
public interface IBlockActionHandler
{
    /// <summary>The action ids it handles; empty for "every action id no other handler claims".</summary>
    IReadOnlyList<string> ActionIds { get; }

    Task HandleAsync(BlockActionRequest request, CancellationToken cancellationToken);
}
