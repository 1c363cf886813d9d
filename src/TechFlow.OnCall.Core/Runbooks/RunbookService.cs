using TechFlow.OnCall.Core.Storage;

namespace TechFlow.OnCall.Core.Runbooks;

/// <summary>
/// The stored runbooks: loading them from the runbooks folder (all or nothing), reading them back, and
/// finding the issue that fits a symptom (paging links a page to its runbook with <see cref="FindIssue"/>).
/// </summary>
/// <remarks>Thread-safe: a reload replaces every runbook in one unit of work, so readers see the old set or the new.</remarks>
public sealed class RunbookService(IOnCallStore store, RunbookSettings settings)
{
    private volatile IReadOnlyList<RunbookProblem> _lastProblems = [];

    /// <summary>The folder the runbooks are read from.</summary>
    public string Folder => settings.Path;

    /// <summary>The problems of the last failed load (empty after a good one); the stored runbooks predate them.</summary>
    public IReadOnlyList<RunbookProblem> LastProblems => _lastProblems;

    public IReadOnlyList<Runbook> All() => [.. store.Set<Runbook>().All().OrderBy(r => r.Name, StringComparer.Ordinal)];

    public Runbook? Get(string pipelineId) => store.Set<Runbook>().Get(pipelineId);

    /// <summary>
    /// Reads the runbooks folder and, only when every file is valid, replaces the stored runbooks with it.
    /// On any problem nothing stored changes and the problems are returned.
    /// </summary>
    public RunbookParseResults Reload()
    {
        var read = RunbookFolder.Read(settings.Path);
        if (!read.Succeeded)
        {
            _lastProblems = read.Problems;
            return read;
        }

        store.Write(s =>
        {
            var set = s.Set<Runbook>();
            var keep = read.Runbooks.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var old in set.All().Where(r => !keep.Contains(r.Id)))
            {
                set.Delete(old.Id);
            }

            foreach (var runbook in read.Runbooks)
            {
                set.Upsert(runbook);
            }
        });
        _lastProblems = [];
        return read;
    }

    /// <summary>
    /// The issue of <paramref name="pipelineId"/>'s runbook that best fits <paramref name="text"/> (a symptom,
    /// a page's text), or null when the pipeline has no runbook or nothing fits well enough.
    /// </summary>
    public IssueMatch? FindIssue(string pipelineId, string text) =>
        Get(pipelineId) is { } runbook ? IssueMatcher.Best(runbook, text) : null;
}
