using System.Globalization;

namespace TechFlow.OnCall.Core.Paging;

/// <summary>The outbox keys of a page's messages; each is unique, so a retried step never posts twice.</summary>
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
}
