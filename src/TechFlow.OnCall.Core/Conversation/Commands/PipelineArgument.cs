using TechFlow.OnCall.Core.Pipelines;

namespace TechFlow.OnCall.Core.Conversation.Commands;

/// <summary>Shared replies for a pipeline name that did not match exactly one pipeline.</summary>
public static class PipelineArgument
{
    /// <summary>"Did you mean …?" or "which one?" or "I don't know that pipeline", with the known names.</summary>
    public static Reply NotMatched(PipelineMatch match, IReadOnlyList<Pipeline> all, string retryCommand) => match switch
    {
        PipelineMatch.Ambiguous a => new Reply
        {
            Tone = ReplyTone.Warning,
            Text = [$"\"{a.Query}\" fits {a.Candidates.Count} pipelines: {string.Join(", ", a.Candidates.Select(p => p.Name))}. Which one?"],
            Context = [$"For example: {retryCommand} {a.Candidates[0].Name.ToLowerInvariant()}"],
        },
        PipelineMatch.NotFound { Suggestions.Count: > 0 } n => new Reply
        {
            Tone = ReplyTone.Warning,
            Text = [$"I don't know a pipeline called \"{n.Query}\". Did you mean {string.Join(" or ", n.Suggestions.Select(p => p.Name))}?"],
            Context = [$"Try: {retryCommand} {n.Suggestions[0].Name.ToLowerInvariant()}"],
        },
        PipelineMatch.NotFound n => new Reply
        {
            Tone = ReplyTone.Warning,
            Text = [$"I don't know a pipeline or command called \"{n.Query}\"."],
            Context = [all.Count == 0 ? "No pipelines are set up yet." : $"Pipelines: {string.Join(", ", all.Select(p => p.Name))}.", "Type ⟦oncall⟧ help for every command."],
        },
        _ => Reply.Error("That pipeline could not be read."),
    };
}
