using System.Text.Json.Nodes;

namespace TechFlow.OnCall.Slack.Modals;

/// <summary>Answers the submission of one kind of modal (after SlackNet's <c>IViewSubmissionHandler</c>).</summary>
public interface IViewSubmissionHandler
{
    string CallbackId { get; }

    /// <summary>
    /// The answer Slack shows: <c>response_action: errors</c> keeps the modal open with a message under each named
    /// block, <c>update</c> replaces it; null closes it.
    /// </summary>
    Task<JsonObject?> HandleAsync(ViewSubmission submission, CancellationToken cancellationToken);
}
