using System.Globalization;

namespace TechFlow.OnCall.Core.Paging;

/// <summary>
/// The keys of a page: its outbox messages (each unique, so a retried step never posts twice), its next timed step,
/// and the key that makes a second page for the same problem join the open one.
/// </summary>
public static class PageKeys
{
    public static string Direct(string pageId, int level) => string.Create(CultureInfo.InvariantCulture, $"page:{pageId}:L{level}:dm");

    public static string Channel(string pageId, int level) => string.Create(CultureInfo.InvariantCulture, $"page:{pageId}:L{level}:channel");

    /// <summary>The <paramref name="round"/>th repeat of the last level (a direct message).</summary>
    public static string Repeat(string pageId, int level, int round) => string.Create(CultureInfo.InvariantCulture, $"page:{pageId}:L{level}:r{round}");

    /// <summary>The update of the level-1 channel post when the page is acknowledged or resolved.</summary>
    public static string ChannelUpdate(string pageId, PageStatus status) =>
        $"page:{pageId}:{status.ToString().ToLowerInvariant()}:channel";

    /// <summary>The timed trigger of a page's next step: the level and round of the step it leaves.</summary>
    public static string NextStep(string pageId, int level, int round) => string.Create(CultureInfo.InvariantCulture, $"{pageId}:{level}:{round}");

    /// <summary>The dedupe key: pipeline id and the normalised message.</summary>
    public static string Dedupe(string pipelineId, string message) => $"{pipelineId}|{Pipelines.PipelineCatalog.Normalize(message)}";
}
