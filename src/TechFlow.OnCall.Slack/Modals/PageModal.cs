using System.Text.Json.Nodes;
using TechFlow.OnCall.Core.Conversation;
using TechFlow.OnCall.Core.Paging;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Slack.Identity;
using TechFlow.OnCall.Slack.Rendering;
using static TechFlow.OnCall.Slack.Modals.ModalBlocks;

namespace TechFlow.OnCall.Slack.Modals;

/// <summary>
/// The paging form: a pipeline (type-ahead through <c>block_suggestion</c>) and a message. A submission becomes
/// <c>page &lt;pipeline&gt; &lt;message&gt;</c> in the conversation core, the same command as typed.
/// </summary>
public sealed class PageModal(ConversationService conversation, PipelineCatalog pipelines, SlackIdentityResolver identity) : IViewSubmissionHandler
{
    public const string Callback = "oncall_page";
    public const string PipelineBlock = "pipeline";
    public const string MessageBlock = "message";
    public const string PipelineAction = "page.pipeline";

    public string CallbackId => Callback;

    public static JsonObject Build(string? message = null)
    {
        var text = new JsonObject
        {
            ["type"] = "plain_text_input",
            ["action_id"] = "message",
            ["multiline"] = true,
            ["max_length"] = PagingTargets.MaxMessageLength,
        };
        if (!string.IsNullOrWhiteSpace(message))
        {
            text["initial_value"] = message.Length > PagingTargets.MaxMessageLength ? message[..PagingTargets.MaxMessageLength] : message;
        }

        return Modal(Callback, "Page on call",
        [
            Input(PipelineBlock, "Pipeline", new JsonObject
            {
                ["type"] = "external_select",
                ["action_id"] = PipelineAction,
                ["placeholder"] = Plain("Type a pipeline name", 150),
                ["min_query_length"] = 0,
            }),
            Input(MessageBlock, "What is wrong", text),
            Context("The pipeline's on call is paged at once; it escalates until someone acknowledges."),
        ], submit: "Page");
    }

    /// <summary>The pipelines whose name, id or alias contains <paramref name="query"/> (all when empty), as select options.</summary>
    public JsonObject Options(string query)
    {
        var q = PipelineCatalog.Normalize(query);
        var found = pipelines.All.Where(p => q.Length == 0
            || PipelineCatalog.Normalize(p.Name).Contains(q, StringComparison.Ordinal)
            || PipelineCatalog.Normalize(p.Id).Contains(q, StringComparison.Ordinal)
            || p.Aliases.Any(a => PipelineCatalog.Normalize(a).Contains(q, StringComparison.Ordinal))).ToList();
        if (found.Count == 0 && pipelines.Match(query) is PipelineMatch.Found match)
        {
            found = [match.Pipeline];
        }

        return new JsonObject { ["options"] = new JsonArray([.. found.Take(MaxOptions).Select(p => Option(p.Name, p.Id))]) };
    }

    public async Task<JsonObject?> HandleAsync(ViewSubmission submission, CancellationToken cancellationToken)
    {
        if (submission.Value(PipelineBlock) is not { } pipelineId || pipelines.Get(pipelineId) is null)
        {
            return Errors(PipelineBlock, "Pick a pipeline from the list.");
        }

        if (submission.Value(MessageBlock) is not { } message)
        {
            return Errors(MessageBlock, "Say what is wrong, in a line.");
        }

        var input = await identity.InputAsync(submission.UserId, null, cancellationToken);
        var reply = await conversation.AskAsync(input with { Text = $"page {pipelineId} {identity.Mentions(message.ReplaceLineEndings(" "))}" }, cancellationToken);
        return reply.Tone == ReplyTone.Error
            ? Errors(MessageBlock, string.Join(' ', reply.Text.Select(t => SlackText.Plain(reply, t))))
            : Update(Modal(Callback, "Paged", Reply(reply, withButtons: false), submit: null));
    }
}
