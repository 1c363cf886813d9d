using TechFlow.OnCall.Core.Announcements;
using TechFlow.OnCall.Core.Pipelines;
using TechFlow.OnCall.Core.Schedule;
using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Paging;

/// <summary>Adds the pages still open at handoff time to the Friday reminder, so the incoming pair inherits them.</summary>
public sealed class OpenPagesHandoffContributor(IOnCallStore store, PipelineCatalog pipelines) : IHandoffContributor
{
    public IReadOnlyList<string> Lines(ShiftWindow? outgoing, ShiftWindow incoming, DateTimeOffset now)
    {
        var open = store.Set<Page>()
            .Find(p => p.Status != PageStatus.Resolved, p => p.OpenedAt)
            .ToList();
        if (open.Count == 0)
        {
            return ["No pages are open."];
        }

        return
        [
            $"{open.Count} page{(open.Count == 1 ? " is" : "s are")} still open:",
            .. open.Select(p => $"• {p.Id} {pipelines.Get(p.PipelineId)?.Name ?? p.PipelineId}: {p.Message} ({(p.Status == PageStatus.Acknowledged ? "acknowledged" : "not acknowledged")})"),
        ];
    }
}
